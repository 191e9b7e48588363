package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MP008 plaintext-fallback: "an SSL socket factory ... socketFactory.fallback defaults to true: any TLS failure
 * silently reconnects in cleartext". The classic recipe {@code socketFactory.class=javax.net.ssl.SSLSocketFactory}
 * without {@code fallback=false}, against a man in the middle who makes the handshake fail.
 */
class PlaintextFallbackRuntimeTruthTest {
    static final String PASSWORD = "mp008-pw-Wm3";

    static String config(String extra) {
        return """
                spring:
                  mail:
                    host: smtp.example.com
                    port: 465
                    username: app@example.com
                    password: mp008-pw-Wm3
                    properties:
                      mail.smtp.auth: true
                      mail.smtp.socketFactory.class: javax.net.ssl.SSLSocketFactory
                      mail.smtp.socketFactory.port: 465
                """ + extra;
    }

    @Test
    void mp008_failedHandshakeReconnectsInCleartextAndSendsThePassword(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config(""));
        Finding f = check.the("MP008");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("any TLS failure silently reconnects in cleartext"), f.message());

        // The attacker answers TLS with a certificate nobody trusts, then greets the retry in cleartext.
        try (MiniSmtpServer attacker = MiniSmtpServer.tlsOrPlain(TestPki.Identity.SELF_SIGNED);
             RecordingProxy wire = RecordingProxy.transparent(attacker.port())) {
            Transport t = check.springBoot().connectTransport(wire.port());
            FrameworkSession.closeQuietly(t);

            assertEquals(2, attacker.connections().size(), "a second connection after the failed handshake");
            MiniSmtpServer.Conn first = attacker.connections().get(0);
            MiniSmtpServer.Conn retry = attacker.connections().get(1);
            assertTrue(wire.relays().get(0).clientStartedWithTls(), "the first attempt spoke TLS");
            assertTrue(MiniSmtpServer.await(() -> first.handshakeFailure != null),
                    "the client rejected the certificate: " + first);
            assertFalse(retry.tlsFromFirstByte, retry.toString());
            assertEquals(PASSWORD, retry.authPassword);
            assertFalse(retry.authOverTls);
            Wire.assertCleartextPassword(PASSWORD, wire.relays().get(1));
        }
    }

    @Test
    void mp008_cleartextServerOnTheTlsPortIsUsedSilently(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config("")
                .replace("app@example.com", LocalGreenMail.USER).replace(PASSWORD, LocalGreenMail.PASSWORD));
        check.the("MP008");
        // A server that never speaks TLS: the "TLS" configuration delivers the message in cleartext, no error.
        try (LocalGreenMail mail = LocalGreenMail.start("smtp");
             RecordingProxy wire = RecordingProxy.transparent(mail.port("smtp"))) {
            FrameworkSession fs = check.springBoot();
            Transport t = fs.connectTransport(wire.port());
            try {
                Wire.send(t, fs.session(wire.port()), "MP008 body sent in cleartext");
            } finally {
                FrameworkSession.closeQuietly(t);
            }
            assertTrue(mail.greenMail().waitForIncomingEmail(5000, 1));
            assertEquals(2, wire.relays().size());
            assertTrue(wire.relays().get(1).clientText().contains("MP008 body sent in cleartext"));
        }
    }

    @Test
    void mp008_fallbackFalseFailsInsteadOfReconnecting(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml",
                config("      mail.smtp.socketFactory.fallback: false\n")).without("MP008");
        try (MiniSmtpServer attacker = MiniSmtpServer.tlsOrPlain(TestPki.Identity.SELF_SIGNED)) {
            Throwable failure = Wire.fails(() -> check.springBoot().connectTransport(attacker.port()));
            assertTrue(Wire.chain(failure).contains("PKIX path building failed"), Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> !attacker.connections().isEmpty()), "the server saw the connection");
            Thread.sleep(500); // a retry, if any, follows the failure at once (a busy machine can only hide it, not invent it)
            assertEquals(1, attacker.connections().size(), "no second, cleartext connection");
            assertNull(attacker.connections().get(0).authPassword);
        }
    }

    @Test
    void mp008_withSslEnableTheRetryStillSpeaksTls(@TempDir Path dir) throws Exception {
        // The fallback also applies to ssl.socketFactory.class, but with ssl.enable the retry is made with the
        // default SSL socket factory: TLS again, never cleartext. So MP008 rightly stays silent here.
        Check check = Check.of(dir, "application.yml", """
                spring:
                  mail:
                    host: smtp.example.com
                    port: 465
                    username: app@example.com
                    password: mp008-pw-Wm3
                    properties:
                      mail.smtp.ssl.enable: true
                      mail.smtp.ssl.socketFactory.class: javax.net.ssl.SSLSocketFactory
                """).without("MP008");
        try (MiniSmtpServer attacker = MiniSmtpServer.tlsOrPlain(TestPki.Identity.SELF_SIGNED);
             RecordingProxy wire = RecordingProxy.transparent(attacker.port())) {
            Throwable failure = Wire.fails(() -> check.springBoot().connectTransport(wire.port()));
            assertTrue(Wire.chain(failure).contains("PKIX path building failed"), Wire.chain(failure));
            // both attempts were made before the failure came back; the proxy records them on its own thread
            assertTrue(MiniSmtpServer.await(() -> wire.relays().size() >= 2), "the library retried: " + wire.relays().size());
            Thread.sleep(500); // a third attempt, if any, would follow at once
            assertEquals(2, wire.relays().size(), "the factory failed and the library retried once");
            for (RecordingProxy.Relay r : wire.relays()) assertTrue(r.clientStartedWithTls(), "both attempts spoke TLS");
            for (MiniSmtpServer.Conn c : attacker.connections()) assertNull(c.authPassword);
        }
    }

    @Test
    void mp008_theCleartextRetryGoesToTheConnectPortNotTheFactoryPort(@TempDir Path dir) throws Exception {
        // No spring.mail.port: Spring passes -1 and Angus connects through the factory to socketFactory.port
        // (465); the cleartext retry goes to the connect port instead, the SMTP default 25 (both are test ports).
        Check check = Check.of(dir, "application.yml", config("").replace("    port: 465\n", ""));
        check.the("MP008");
        try (MiniSmtpServer tlsPort = MiniSmtpServer.tlsOrPlain(TestPki.Identity.SELF_SIGNED);
             MiniSmtpServer relayPort = MiniSmtpServer.plain()) {
            FrameworkSession.closeQuietly(check.springBoot().connectTransport(relayPort.port(), tlsPort.port()));
            assertEquals(1, tlsPort.connections().size(), "one TLS attempt on the factory port");
            assertTrue(MiniSmtpServer.await(() -> tlsPort.connections().get(0).handshakeFailure != null));
            assertEquals(1, relayPort.connections().size(), "the retry went to the connect port");
            assertEquals(PASSWORD, relayPort.connections().get(0).authPassword);
            assertFalse(relayPort.connections().get(0).authOverTls);
        }
    }
}
