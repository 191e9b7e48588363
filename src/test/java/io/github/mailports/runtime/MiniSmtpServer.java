package io.github.mailports.runtime;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A small SMTP server of our own for what GreenMail cannot play: STARTTLS, a chosen certificate, a chosen
 * set of TLS versions, and an attacker that answers TLS or cleartext on the same port. It listens on
 * 127.0.0.1 on an ephemeral port, accepts any credentials, and records every session: the commands (and
 * whether each came over TLS), the decoded AUTH credentials, the negotiated TLS version, a failed handshake.
 *
 * <p>Bounded everywhere: at most {@value #MAX_CONNECTIONS} connections, {@value #MAX_COMMANDS} commands a
 * session, {@value #MAX_LINE} bytes a line, a {@value #SOCKET_TIMEOUT_MS} ms socket timeout; {@link #close()}
 * closes every socket it opened.
 */
final class MiniSmtpServer extends LoopbackServer {
    /** How a connection starts. */
    enum Mode {
        /** Cleartext SMTP, no STARTTLS offered. */
        PLAIN,
        /** Cleartext SMTP that offers STARTTLS (port 587 style). */
        STARTTLS,
        /** TLS from the first byte (port 465 style). */
        IMPLICIT_TLS,
        /**
         * An attacker on the path: if the client's first byte is a TLS handshake record it answers with TLS
         * (and the configured, e.g. untrusted, certificate); if the client says nothing for a moment it greets
         * in cleartext.
         */
        TLS_OR_PLAIN
    }

    static final int MAX_CONNECTIONS = 20;
    static final int MAX_COMMANDS = 100;
    static final int MAX_LINE = 8192;
    static final int SOCKET_TIMEOUT_MS = 10_000;
    static final int SNIFF_MS = 1000;

    /** One command as the server read it. */
    record Command(String line, boolean overTls) { }

    /** What one connection did. */
    static final class Conn {
        final List<Command> commands = new CopyOnWriteArrayList<>();
        final List<String> messages = new CopyOnWriteArrayList<>();
        volatile boolean tlsFromFirstByte;
        volatile boolean upgradedByStartTls;
        volatile String tlsProtocol;
        volatile String handshakeFailure;
        volatile String authMechanism;
        volatile String authUser;
        volatile String authPassword;
        volatile boolean authOverTls;
        volatile boolean finished;

        boolean sawCommand(String verb) {
            for (Command c : commands) {
                if (c.line().toUpperCase(Locale.ROOT).startsWith(verb)) return true;
            }
            return false;
        }

        @Override
        public String toString() {
            return "Conn{tlsFromFirstByte=" + tlsFromFirstByte + ", upgradedByStartTls=" + upgradedByStartTls
                    + ", tlsProtocol=" + tlsProtocol + ", handshakeFailure=" + handshakeFailure + ", auth="
                    + authMechanism + (authOverTls ? " over TLS" : " in cleartext") + ", commands=" + commands + "}";
        }
    }

    private final Mode mode;
    private final SSLContext tls;
    private final String[] tlsProtocols;
    private final boolean offerStartTlsOverTls;
    private final List<Conn> conns = new CopyOnWriteArrayList<>();

    private MiniSmtpServer(Mode mode, SSLContext tls, String[] tlsProtocols, boolean offerStartTlsOverTls) throws IOException {
        super("mini-smtp", MAX_CONNECTIONS);
        if (mode != Mode.PLAIN && tls == null) throw new IllegalArgumentException(mode + " needs a certificate");
        this.mode = mode;
        this.tls = tls;
        this.tlsProtocols = tlsProtocols;
        this.offerStartTlsOverTls = offerStartTlsOverTls;
        startAccepting();
    }

    static MiniSmtpServer plain() throws IOException {
        return new MiniSmtpServer(Mode.PLAIN, null, null, false);
    }

    static MiniSmtpServer startTls(TestPki.Identity id) throws IOException {
        return new MiniSmtpServer(Mode.STARTTLS, TestPki.get().serverContext(id), null, false);
    }

    static MiniSmtpServer implicitTls(TestPki.Identity id) throws IOException {
        return new MiniSmtpServer(Mode.IMPLICIT_TLS, TestPki.get().serverContext(id), null, false);
    }

    /** Implicit TLS restricted to these TLS versions on the server side. */
    static MiniSmtpServer implicitTls(TestPki.Identity id, String... protocols) throws IOException {
        return new MiniSmtpServer(Mode.IMPLICIT_TLS, TestPki.get().serverContext(id), protocols, false);
    }

    /** Implicit TLS that still lists STARTTLS in its EHLO reply (to see whether a client sends it anyway). */
    static MiniSmtpServer implicitTlsOfferingStartTls(TestPki.Identity id) throws IOException {
        return new MiniSmtpServer(Mode.IMPLICIT_TLS, TestPki.get().serverContext(id), null, true);
    }

    static MiniSmtpServer tlsOrPlain(TestPki.Identity id) throws IOException {
        return new MiniSmtpServer(Mode.TLS_OR_PLAIN, TestPki.get().serverContext(id), null, false);
    }

    List<Conn> connections() { return Collections.unmodifiableList(new ArrayList<>(conns)); }

    /**
     * Waits until the condition holds; returns whether it did. The bound only catches a hang: it returns as soon as
     * the condition holds, so a busy machine only makes it wait longer, never fail (no wall-clock assertion).
     */
    static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + HANG_GUARD_MS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return condition.getAsBoolean();
    }

    /** How long {@link #await} waits at most: long enough that only a hang reaches it. */
    static final long HANG_GUARD_MS = 120_000;

    @Override
    void accepted(Socket s, int n) {
        Conn c = new Conn();
        conns.add(c);
        spawn(() -> handle(s, c), "mini-smtp-" + port() + "-" + n);
    }

    private void handle(Socket raw, Conn c) {
        Socket s = raw;
        try {
            raw.setSoTimeout(SOCKET_TIMEOUT_MS);
            if (mode == Mode.IMPLICIT_TLS) {
                s = serverTls(raw, null, c);
                if (s == null) return;
                c.tlsFromFirstByte = true;
            } else if (mode == Mode.TLS_OR_PLAIN) {
                raw.setSoTimeout(SNIFF_MS);
                int first;
                try {
                    first = raw.getInputStream().read();
                } catch (SocketTimeoutException quiet) {
                    first = -2;
                }
                raw.setSoTimeout(SOCKET_TIMEOUT_MS);
                if (first == -1) return;
                if (first == 0x16) {
                    s = serverTls(raw, new ByteArrayInputStream(new byte[] {0x16}), c);
                    if (s == null) return;
                    c.tlsFromFirstByte = true;
                } else if (first >= 0) {
                    c.handshakeFailure = "client spoke first with byte " + first;
                    return;
                }
            }
            dialogue(s, c);
        } catch (IOException e) {
            if (c.handshakeFailure == null && !isClosed()) c.handshakeFailure = "session ended: " + e;
        } finally {
            c.finished = true;
            closeQuietly(s);
            closeQuietly(raw);
        }
    }

    /** Server side of a TLS handshake on an accepted socket; null (failure recorded) when it fails. */
    private SSLSocket serverTls(Socket raw, InputStream consumed, Conn c) throws IOException {
        SSLSocketFactory f = tls.getSocketFactory();
        SSLSocket ss = consumed == null
                ? (SSLSocket) f.createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), true)
                : (SSLSocket) f.createSocket(raw, consumed, true);
        ss.setUseClientMode(false);
        if (tlsProtocols != null) ss.setEnabledProtocols(tlsProtocols);
        track(ss);
        try {
            ss.startHandshake();
        } catch (IOException e) {
            c.handshakeFailure = e.toString();
            closeQuietly(ss);
            return null;
        }
        c.tlsProtocol = ss.getSession().getProtocol();
        return ss;
    }

    private void dialogue(Socket s, Conn c) throws IOException {
        boolean overTls = s instanceof SSLSocket;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        send(out, "220 localhost ESMTP mailports runtime-truth test server");
        for (int i = 0; i < MAX_COMMANDS; i++) {
            String line = readLine(in);
            if (line == null) return;
            c.commands.add(new Command(line, overTls));
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("EHLO")) {
                List<String> caps = new ArrayList<>();
                caps.add("localhost greets you");
                caps.add("AUTH PLAIN LOGIN");
                caps.add("8BITMIME");
                if (overTls ? offerStartTlsOverTls : mode == Mode.STARTTLS) caps.add("STARTTLS");
                StringBuilder reply = new StringBuilder();
                for (int k = 0; k < caps.size(); k++) {
                    reply.append("250").append(k == caps.size() - 1 ? ' ' : '-').append(caps.get(k)).append("\r\n");
                }
                out.write(reply.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } else if (upper.startsWith("HELO")) {
                send(out, "250 localhost");
            } else if (upper.equals("STARTTLS")) {
                if (overTls || mode != Mode.STARTTLS) {
                    send(out, "454 4.7.0 TLS not available");
                    continue;
                }
                send(out, "220 2.0.0 Ready to start TLS");
                SSLSocket upgraded = serverTls(s, null, c);
                if (upgraded == null) return;
                c.upgradedByStartTls = true;
                s = upgraded;
                overTls = true;
                in = s.getInputStream();
                out = s.getOutputStream();
            } else if (upper.startsWith("AUTH PLAIN")) {
                String arg = line.length() > 10 ? line.substring(10).trim() : "";
                if (arg.isEmpty()) {
                    send(out, "334 ");
                    arg = readLine(in);
                    if (arg == null) return;
                }
                String[] parts = decode(arg).split("\u0000", -1);
                if (parts.length != 3) {
                    send(out, "501 5.5.2 malformed AUTH PLAIN");
                    continue;
                }
                authenticated(c, "PLAIN", parts[1], parts[2], overTls);
                send(out, "235 2.7.0 Authentication successful");
            } else if (upper.startsWith("AUTH LOGIN")) {
                String arg = line.length() > 10 ? line.substring(10).trim() : "";
                String user;
                if (arg.isEmpty()) {
                    send(out, "334 VXNlcm5hbWU6");
                    String u = readLine(in);
                    if (u == null) return;
                    user = decode(u);
                } else {
                    user = decode(arg);
                }
                send(out, "334 UGFzc3dvcmQ6");
                String p = readLine(in);
                if (p == null) return;
                authenticated(c, "LOGIN", user, decode(p), overTls);
                send(out, "235 2.7.0 Authentication successful");
            } else if (upper.startsWith("MAIL FROM") || upper.startsWith("RCPT TO")) {
                send(out, "250 2.1.0 OK");
            } else if (upper.equals("DATA")) {
                send(out, "354 End data with <CR><LF>.<CR><LF>");
                StringBuilder msg = new StringBuilder();
                for (int k = 0; k < 10_000; k++) {
                    String d = readLine(in);
                    if (d == null) return;
                    if (d.equals(".")) break;
                    msg.append(d).append('\n');
                }
                c.messages.add(msg.toString());
                send(out, "250 2.0.0 OK queued");
            } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                send(out, "250 2.0.0 OK");
            } else if (upper.equals("QUIT")) {
                send(out, "221 2.0.0 Bye");
                return;
            } else {
                send(out, "502 5.5.2 Command not recognized");
            }
        }
    }

    private static void authenticated(Conn c, String mechanism, String user, String password, boolean overTls) {
        c.authMechanism = mechanism;
        c.authUser = user;
        c.authPassword = password;
        c.authOverTls = overTls;
    }

    private static String decode(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One CRLF- or LF-terminated line, without the terminator; null at end of stream. Bounded. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int n = 0; n < MAX_LINE; n++) {
            int b = in.read();
            if (b == -1) return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
            if (b == '\n') {
                String s = buf.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            buf.write(b);
        }
        throw new IOException("line longer than " + MAX_LINE + " bytes");
    }
}
