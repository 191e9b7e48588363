package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MP018 for an SSL socket factory next to required STARTTLS on a port that greets in cleartext (the xxl-job
 * shape: {@code socketFactory.class=javax.net.ssl.SSLSocketFactory}, {@code starttls.enable} and
 * {@code starttls.required}, port 25). The finding says: "the TLS handshake always fails on 25, which greets in
 * cleartext, socketFactory.fallback (default true) reconnects with a plain socket, and the required STARTTLS then
 * protects the session". Angus's {@code SocketFetcher.getSocket} catches the failed handshake and, with the
 * fallback on, opens a plain socket; {@code SMTPTransport} then sends STARTTLS. Shown here with real Angus Mail
 * against a STARTTLS server on loopback (the test's port stands for 25): the session is encrypted before the
 * password is sent, a server that does not offer STARTTLS gets no password, and the fixes the old findings
 * suggested (fallback=false) stop delivery, while removing the socket factory keeps it.
 */
class SslFactoryWithStartTlsRuntimeTruthTest {
    static final String USER = "alerts@example.com";
    static final String PASSWORD = "mp018-sf-Qx4";

    static String config(boolean socketFactory, String extra) {
        return "spring.mail.host=smtp.example.com\n"
                + "spring.mail.port=25\n"
                + "spring.mail.username=" + USER + "\n"
                + "spring.mail.password=" + PASSWORD + "\n"
                + "spring.mail.properties.mail.smtp.auth=true\n"
                + "spring.mail.properties.mail.smtp.starttls.enable=true\n"
                + "spring.mail.properties.mail.smtp.starttls.required=true\n"
                + (socketFactory ? "spring.mail.properties.mail.smtp.socketFactory.class=javax.net.ssl.SSLSocketFactory\n" : "")
                + extra;
    }

    /**
     * The session Spring Boot builds from the file, with short timeouts, and the test CA trusted for the STARTTLS
     * upgrade through {@code mail.smtp.ssl.socketFactory} (which {@code SocketFetcher.startTLS} uses first, and which
     * {@code getSocket} does not consult for a non-SSL protocol). The socket factory class and its fallback stay as
     * the file has them.
     */
    static Transport connect(Check check, int port) throws Exception {
        FrameworkSession fs = check.springBoot();
        Properties p = fs.frameworkProperties();
        p.put("mail.smtp.ssl.socketFactory", TestPki.get().trustingTestCa());
        for (String t : new String[] {"connectiontimeout", "timeout", "writetimeout"}) p.setProperty("mail.smtp." + t, "3000");
        Transport t = Session.getInstance(p).getTransport("smtp");
        try {
            t.connect(FrameworkSession.TEST_HOST, port, fs.username(), fs.password());
        } catch (Exception e) {
            FrameworkSession.closeQuietly(t);
            throw e;
        }
        return t;
    }

    @Test
    void mp018_handshakeFailsThenPlainSocketThenRequiredStartTlsProtectsThePassword(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.properties", config(true, ""));
        Finding f = check.the("MP018");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("socketFactory.fallback (default true) reconnects with a plain socket, and the"
                + " required STARTTLS then protects the session"), f.message());
        assertTrue(f.fix().contains("remove spring.mail.properties.mail.smtp.socketFactory.class"), f.fix());
        check.without("MP004").without("MP008").without("MP001").without("MP002");

        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST);
             RecordingProxy wire = RecordingProxy.transparent(server.port())) {
            FrameworkSession.closeQuietly(connect(check, wire.port()));
            assertTrue(MiniSmtpServer.await(() -> server.connections().size() == 2
                    && server.connections().get(1).authPassword != null), "two connections: " + server.connections());
            assertTrue(wire.relays().get(0).clientStartedWithTls(), "the first attempt spoke TLS to a cleartext port");
            assertNull(server.connections().get(0).authPassword, "nothing was sent on the failed attempt");
            assertFalse(wire.relays().get(1).clientStartedWithTls(), "the retry is a plain socket");
            MiniSmtpServer.Conn retry = server.connections().get(1);
            assertTrue(retry.sawCommand("STARTTLS") && retry.upgradedByStartTls, retry.toString());
            assertEquals(PASSWORD, retry.authPassword);
            assertTrue(retry.authOverTls, "the password went over the STARTTLS-protected session");
            Wire.assertNoCleartextPassword(PASSWORD, USER, wire.relays().get(1));
        }
    }

    @Test
    void mp018_serverWithoutStartTlsGetsNoPassword(@TempDir Path dir) throws Exception {
        // An attacker who strips the STARTTLS offer: starttls.required makes the retried connection fail.
        Check check = Check.of(dir, "application.properties", config(true, ""));
        check.the("MP018");
        try (MiniSmtpServer server = MiniSmtpServer.plain()) {
            Throwable failure = Wire.fails(() -> connect(check, server.port()));
            assertTrue(Wire.chain(failure).contains("STARTTLS is required but host does not support STARTTLS"),
                    Wire.chain(failure));
            for (MiniSmtpServer.Conn c : server.connections()) assertNull(c.authPassword, c.toString());
        }
    }

    @Test
    void fallbackFalseStopsDelivery(@TempDir Path dir) throws Exception {
        // What MP008's fix (socketFactory.fallback=false) would have done on 25: no mail at all.
        Check check = Check.of(dir, "application.properties",
                config(true, "spring.mail.properties.mail.smtp.socketFactory.fallback=false\n"));
        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST)) {
            Throwable failure = Wire.fails(() -> connect(check, server.port()));
            assertTrue(Wire.chain(failure).contains("SSL"), Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> !server.connections().isEmpty()), "the server saw the connection");
            Thread.sleep(300); // a retry, if any, follows the failure at once (a busy machine can only hide it, not invent it)
            assertEquals(1, server.connections().size(), "no retry");
        }
    }

    @Test
    void theFixRemovingTheSocketFactoryUpgradesOnTheFirstConnection(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.properties", config(false, "")).without("MP018").without("MP008")
                .without("MP004");
        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST)) {
            FrameworkSession.closeQuietly(connect(check, server.port()));
            assertTrue(MiniSmtpServer.await(() -> !server.connections().isEmpty()
                    && server.connections().get(0).authPassword != null), server.connections().toString());
            assertEquals(1, server.connections().size(), "one connection, no failed handshake first");
            MiniSmtpServer.Conn c = server.connections().get(0);
            assertTrue(c.upgradedByStartTls && c.authOverTls, c.toString());
        }
    }
}
