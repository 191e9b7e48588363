package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MP018 conflicting-tls-settings (Jakarta Mail): "the library uses implicit TLS and ignores the STARTTLS
 * setting". The server speaks TLS from the first byte and still lists STARTTLS in its EHLO reply: the client
 * never sends it, and {@code starttls.required} does not make it fail either.
 */
class ConflictingTlsSettingsRuntimeTruthTest {
    static String config(String extra) {
        return """
                spring:
                  mail:
                    host: smtp.example.com
                    port: 465
                    username: app@example.com
                    password: mp018-pw-Pe9
                    properties:
                      mail.smtp.ssl.enable: true
                """ + extra;
    }

    @Test
    void mp018_sslAndStartTlsUsesImplicitTlsOnly(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config("      mail.smtp.starttls.enable: true\n"));
        Finding f = check.the("MP018");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("uses implicit TLS and ignores the STARTTLS setting"), f.message());

        try (MiniSmtpServer server = MiniSmtpServer.implicitTlsOfferingStartTls(TestPki.Identity.LOCALHOST);
             RecordingProxy wire = RecordingProxy.transparent(server.port())) {
            FrameworkSession.closeQuietly(check.springBoot().trustingTestCa().connectTransport(wire.port()));
            MiniSmtpServer.Conn conn = server.connections().get(0);
            assertTrue(wire.relays().get(0).clientStartedWithTls(), "TLS from the first byte");
            assertTrue(conn.tlsFromFirstByte && conn.authOverTls, conn.toString());
            assertFalse(conn.sawCommand("STARTTLS"), "STARTTLS was offered but never sent: " + conn);
        }
    }

    @Test
    void mp018_sslAndRequiredStartTlsDoesNotFailWithoutStartTlsOffer(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config("      mail.smtp.starttls.required: true\n")
                .replace("app@example.com", LocalGreenMail.USER).replace("mp018-pw-Pe9", LocalGreenMail.PASSWORD));
        check.the("MP018");
        // GreenMail's SMTPS never offers STARTTLS; "required" would fail a cleartext connection, not this one.
        try (LocalGreenMail mail = LocalGreenMail.start("smtps")) {
            var t = check.springBoot().trustingTestCa().connectTransport(mail.port("smtps"));
            assertTrue(t.isConnected());
            FrameworkSession.closeQuietly(t);
        }
    }

    @Test
    void mp018_sslAloneBehavesTheSame(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config("")).without("MP018");
        try (MiniSmtpServer server = MiniSmtpServer.implicitTlsOfferingStartTls(TestPki.Identity.LOCALHOST)) {
            FrameworkSession.closeQuietly(check.springBoot().trustingTestCa().connectTransport(server.port()));
            MiniSmtpServer.Conn conn = server.connections().get(0);
            assertTrue(conn.tlsFromFirstByte && conn.authOverTls, conn.toString());
            assertFalse(conn.sawCommand("STARTTLS"), conn.toString());
        }
    }
}
