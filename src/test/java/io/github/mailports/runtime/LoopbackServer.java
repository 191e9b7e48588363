package io.github.mailports.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What our test servers share: a socket on 127.0.0.1 and an ephemeral port, a bounded accept loop on a daemon
 * thread, the sockets and threads it opened, and a close that ends them all within bounded waits.
 */
abstract class LoopbackServer implements Closeable {
    private final ServerSocket server;
    private final String name;
    private final int maxConnections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private Thread acceptor;
    private volatile boolean closed;

    LoopbackServer(String name, int maxConnections) throws IOException {
        this.name = name;
        this.maxConnections = maxConnections;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    }

    /** Starts accepting; the subclass calls it last in its constructor, once its own fields are set. */
    final void startAccepting() {
        acceptor = new Thread(this::acceptLoop, name + "-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** One accepted connection (the n-th, from 1), on the accept thread: hand long work to {@link #spawn}. */
    abstract void accepted(Socket socket, int n);

    int port() { return server.getLocalPort(); }

    boolean isClosed() { return closed; }

    /** Another socket to close with the server. */
    final void track(Socket s) { open.add(s); }

    /** Runs a task on a daemon thread that close() waits for. */
    final void spawn(Runnable task, String threadName) {
        Thread t = new Thread(task, threadName);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        int accepted = 0;
        while (!closed && accepted < maxConnections) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted++;
            open.add(s);
            accepted(s, accepted);
        }
    }

    static void closeQuietly(Socket s) {
        if (s == null) return;
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) closeQuietly(s);
        try {
            if (acceptor != null) acceptor.join(2000);
            for (Thread t : threads) t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
