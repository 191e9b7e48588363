package io.github.mailports.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A man in the middle on loopback: relays each client connection to an upstream server on 127.0.0.1 and
 * records the bytes both ways. In stripping mode it also deletes the STARTTLS offer ({@code 250-STARTTLS}
 * or {@code 250 STARTTLS}) from the server's EHLO reply, the downgrade attack of RFC 3207 section 6, and
 * records what the client then sends.
 *
 * <p>Bounded: at most {@value #MAX_CONNECTIONS} connections, {@value #MAX_RECORDED} recorded bytes per
 * direction, a {@value #SOCKET_TIMEOUT_MS} ms socket timeout; {@link #close()} closes every socket.
 */
final class RecordingProxy extends LoopbackServer {
    static final int MAX_CONNECTIONS = 20;
    static final int MAX_RECORDED = 1 << 20;
    static final int SOCKET_TIMEOUT_MS = 10_000;

    /** One relayed connection. */
    static final class Relay {
        private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
        private final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
        volatile int offersRemoved;

        /** What the client sent, as ISO-8859-1 text (binary TLS records show as noise). */
        String clientText() {
            synchronized (fromClient) {
                return fromClient.toString(StandardCharsets.ISO_8859_1);
            }
        }

        byte[] clientBytes() {
            synchronized (fromClient) {
                return fromClient.toByteArray();
            }
        }

        /** What the client received (after any stripping). */
        String serverText() {
            synchronized (toClient) {
                return toClient.toString(StandardCharsets.ISO_8859_1);
            }
        }

        /** Whether the client's first byte opened a TLS handshake (content type 22). */
        boolean clientStartedWithTls() {
            byte[] b = clientBytes();
            return b.length > 0 && b[0] == 0x16;
        }

        private static void record(ByteArrayOutputStream to, byte[] b, int off, int len) {
            synchronized (to) {
                int room = MAX_RECORDED - to.size();
                if (room > 0) to.write(b, off, Math.min(room, len));
            }
        }
    }

    /** Credentials as they crossed the wire in cleartext. */
    record Credentials(String mechanism, String user, String password) { }

    private final int upstreamPort;
    private final boolean strip;
    private final List<Relay> relays = new CopyOnWriteArrayList<>();

    private RecordingProxy(int upstreamPort, boolean strip) throws IOException {
        super("proxy", MAX_CONNECTIONS);
        this.upstreamPort = upstreamPort;
        this.strip = strip;
        startAccepting();
    }

    /** Relays and records, changing nothing. */
    static RecordingProxy transparent(int upstreamPort) throws IOException {
        return new RecordingProxy(upstreamPort, false);
    }

    /** Relays and records, deleting the STARTTLS offer from EHLO replies. For cleartext SMTP only. */
    static RecordingProxy strippingStartTls(int upstreamPort) throws IOException {
        return new RecordingProxy(upstreamPort, true);
    }

    List<Relay> relays() { return Collections.unmodifiableList(new ArrayList<>(relays)); }

    @Override
    void accepted(Socket client, int n) {
        Relay r = new Relay();
        relays.add(r);
        Socket upstream = new Socket();
        track(upstream);
        try {
            client.setSoTimeout(SOCKET_TIMEOUT_MS);
            upstream.setSoTimeout(SOCKET_TIMEOUT_MS);
            upstream.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), upstreamPort), 2000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        spawn(() -> pumpClientToServer(client, upstream, r), "proxy-c2s-" + n);
        spawn(() -> pumpServerToClient(upstream, client, r), "proxy-s2c-" + n);
    }

    private void pumpClientToServer(Socket client, Socket upstream, Relay r) {
        byte[] buf = new byte[8192];
        try {
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            for (int n; (n = in.read(buf)) != -1; ) {
                Relay.record(r.fromClient, buf, 0, n);
                out.write(buf, 0, n);
                out.flush();
            }
            upstream.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(upstream);
            closeQuietly(client);
        }
    }

    private void pumpServerToClient(Socket upstream, Socket client, Relay r) {
        try {
            InputStream in = upstream.getInputStream();
            OutputStream out = client.getOutputStream();
            if (!strip) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) != -1; ) {
                    Relay.record(r.toClient, buf, 0, n);
                    out.write(buf, 0, n);
                    out.flush();
                }
            } else {
                List<String> pending = new ArrayList<>();
                for (String line; (line = MiniSmtpServer.readLine(in)) != null; ) {
                    List<String> forward;
                    if (line.startsWith("250-")) {
                        pending.add(line);
                        continue;
                    } else if (line.startsWith("250 ") && !pending.isEmpty()) {
                        pending.add(line);
                        forward = stripStartTls(pending);
                        r.offersRemoved += pending.size() - forward.size();
                        pending.clear();
                    } else if (line.startsWith("250 ")) {
                        forward = stripStartTls(Collections.singletonList(line));
                        r.offersRemoved += 1 - forward.size();
                    } else {
                        forward = new ArrayList<>(pending);
                        forward.add(line);
                        pending.clear();
                    }
                    StringBuilder sb = new StringBuilder();
                    for (String f : forward) sb.append(f).append("\r\n");
                    byte[] b = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
                    Relay.record(r.toClient, b, 0, b.length);
                    out.write(b);
                    out.flush();
                }
            }
            client.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    /**
     * The reply lines of one SMTP reply without any STARTTLS capability, with continuation markers redone so
     * that the reply stays well formed (every line but the last {@code 250-}, the last {@code 250 }).
     */
    static List<String> stripStartTls(List<String> reply) {
        List<String> kept = new ArrayList<>();
        for (String l : reply) {
            String capability = l.length() >= 4 ? l.substring(4).trim() : "";
            if (!capability.equalsIgnoreCase("STARTTLS")) kept.add(capability);
        }
        List<String> out = new ArrayList<>();
        String code = reply.isEmpty() ? "250" : reply.get(0).substring(0, 3);
        for (int i = 0; i < kept.size(); i++) {
            out.add(code + (i == kept.size() - 1 ? " " : "-") + kept.get(i));
        }
        return out;
    }

    /**
     * The credentials an SMTP client sent in cleartext (AUTH PLAIN and AUTH LOGIN, with or without an initial
     * response), decoded from base64; empty when there were none, or when they went inside TLS.
     */
    static List<Credentials> cleartextSmtpCredentials(String clientText) {
        List<Credentials> out = new ArrayList<>();
        String[] lines = clientText.split("\r?\n", -1);
        for (int i = 0; i < lines.length && i < 1000; i++) {
            String upper = lines[i].toUpperCase(Locale.ROOT);
            if (upper.startsWith("AUTH PLAIN")) {
                String arg = lines[i].substring(10).trim();
                if (arg.isEmpty() && i + 1 < lines.length) arg = lines[++i];
                String[] parts = decode(arg).split("\u0000", -1);
                if (parts.length == 3) out.add(new Credentials("PLAIN", parts[1], parts[2]));
            } else if (upper.startsWith("AUTH LOGIN")) {
                String arg = lines[i].substring(10).trim();
                String user = !arg.isEmpty() ? decode(arg) : i + 1 < lines.length ? decode(lines[++i]) : "";
                String password = i + 1 < lines.length ? decode(lines[++i]) : "";
                out.add(new Credentials("LOGIN", user, password));
            }
        }
        return out;
    }

    private static String decode(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
