package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MP002 opportunistic-starttls: "an attacker who removes the STARTTLS offer from the server's reply reads the
 * password in cleartext". Shown with a STARTTLS server behind a proxy that deletes the offer.
 */
class OpportunisticStartTlsRuntimeTruthTest {
    static final String PASSWORD = "mp002-pw-Zq8";

    static final String OPTIONAL = """
            spring:
              mail:
                host: smtp.example.com
                port: 587
                username: app@example.com
                password: mp002-pw-Zq8
                properties:
                  mail.smtp.auth: true
                  mail.smtp.starttls.enable: true
            """;

    static final String REQUIRED = """
            spring:
              mail:
                host: smtp.example.com
                port: 587
                username: app@example.com
                password: mp002-pw-Zq8
                properties:
                  mail.smtp.auth: true
                  mail.smtp.starttls.enable: true
                  mail.smtp.starttls.required: true
            """;

    @Test
    void mp002_strippedStartTlsSendsPasswordInCleartext(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", OPTIONAL);
        Finding f = check.the("MP002");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("reads the password in cleartext"), f.message());

        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST);
             RecordingProxy attacker = RecordingProxy.strippingStartTls(server.port())) {
            Transport t = check.springBoot().trustingTestCa().connectTransport(attacker.port());
            FrameworkSession.closeQuietly(t);

            RecordingProxy.Relay relay = attacker.relays().get(0);
            assertEquals(1, relay.offersRemoved, "the proxy deleted the STARTTLS offer");
            Wire.assertCleartextPassword(PASSWORD, relay);
            MiniSmtpServer.Conn conn = server.connections().get(0);
            assertFalse(conn.sawCommand("STARTTLS"), "the client never asked for TLS: " + conn);
            assertEquals(PASSWORD, conn.authPassword);
            assertFalse(conn.authOverTls, "AUTH went in cleartext: " + conn);
        }
    }

    @Test
    void mp002_sameOptionalConfigurationUsesTlsWhenNobodyStripsTheOffer(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", OPTIONAL);
        check.the("MP002");
        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST);
             RecordingProxy wire = RecordingProxy.transparent(server.port())) {
            FrameworkSession.closeQuietly(check.springBoot().trustingTestCa().connectTransport(wire.port()));
            MiniSmtpServer.Conn conn = server.connections().get(0);
            assertTrue(conn.upgradedByStartTls, conn.toString());
            assertTrue(conn.authOverTls, conn.toString());
            Wire.assertNoCleartextPassword(PASSWORD, "app@example.com", wire.relays().get(0));
        }
    }

    @Test
    void mp002_requiredStartTlsRefusesTheStrippedServer(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", REQUIRED).without("MP002").without("MP001");
        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST);
             RecordingProxy attacker = RecordingProxy.strippingStartTls(server.port())) {
            FrameworkSession session = check.springBoot().trustingTestCa();
            Throwable failure = Wire.fails(() -> session.connectTransport(attacker.port()));
            assertTrue(failure instanceof MessagingException, Wire.chain(failure));
            assertTrue(failure.getMessage().contains("STARTTLS is required but host does not support STARTTLS"),
                    Wire.chain(failure));
            Wire.assertNoCleartextPassword(PASSWORD, "app@example.com", attacker.relays().get(0));
            assertEquals(null, server.connections().get(0).authPassword);
        }
    }

    @Test
    void mp002_requiredStartTlsSendsPasswordOnlyInsideTls(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", REQUIRED).without("MP002");
        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST);
             RecordingProxy wire = RecordingProxy.transparent(server.port())) {
            FrameworkSession.closeQuietly(check.springBoot().trustingTestCa().connectTransport(wire.port()));
            MiniSmtpServer.Conn conn = server.connections().get(0);
            assertTrue(conn.upgradedByStartTls && conn.authOverTls, conn.toString());
            assertEquals(PASSWORD, conn.authPassword);
            Wire.assertNoCleartextPassword(PASSWORD, "app@example.com", wire.relays().get(0));
        }
    }
}
