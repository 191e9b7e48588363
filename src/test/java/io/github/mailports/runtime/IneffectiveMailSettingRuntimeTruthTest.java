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
 * MP010 ineffective-mail-setting: a key the library never reads changes nothing. Three ways to write a
 * setting that is never read, each shown to leave the connection exactly as without it, and the corrected key
 * shown to take effect.
 */
class IneffectiveMailSettingRuntimeTruthTest {
    static final String PASSWORD = "mp010-pw-Jd4";

    static String smtp587(String properties) {
        return """
                spring:
                  mail:
                    host: smtp.example.com
                    port: 587
                    username: app@example.com
                    password: mp010-pw-Jd4
                    properties:
                      mail.smtp.auth: true
                      mail.smtp.starttls.enable: true
                """ + properties;
    }

    @Test
    void mp010_misspelledStartTlsRequiredChangesNothing(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", smtp587("      mail.smtp.starttls.requierd: true\n"));
        Finding f = check.the("MP010");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("mail.smtp.starttls.required"), "suggests the right key: " + f.message());
        check.the("MP002"); // and the connection is judged as if the key were absent

        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST);
             RecordingProxy attacker = RecordingProxy.strippingStartTls(server.port())) {
            FrameworkSession.closeQuietly(check.springBoot().trustingTestCa().connectTransport(attacker.port()));
            assertEquals(1, attacker.relays().get(0).offersRemoved);
            Wire.assertCleartextPassword(PASSWORD, attacker.relays().get(0));
        }
    }

    @Test
    void mp010_correctlySpelledStartTlsRequiredRefusesTheDowngrade(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", smtp587("      mail.smtp.starttls.required: true\n"))
                .without("MP010").without("MP002");
        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST);
             RecordingProxy attacker = RecordingProxy.strippingStartTls(server.port())) {
            FrameworkSession fs = check.springBoot().trustingTestCa();
            Throwable failure = Wire.fails(() -> fs.connectTransport(attacker.port()));
            assertTrue(failure.getMessage().contains("STARTTLS is required but host does not support STARTTLS"),
                    Wire.chain(failure));
            Wire.assertNoCleartextPassword(PASSWORD, "app@example.com", attacker.relays().get(0));
        }
    }

    @Test
    void mp010_springKeyOutsidePropertiesIsReadByNothing(@TempDir Path dir) throws Exception {
        String yaml = smtp587("") + """
                    smtp:
                      starttls:
                        required: true
                """;
        Check check = Check.of(dir, "application.yml", yaml);
        Finding f = check.the("MP010");
        assertTrue(f.message().contains("spring.mail.properties.mail.smtp.starttls.required"), f.message());
        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST);
             RecordingProxy attacker = RecordingProxy.strippingStartTls(server.port())) {
            FrameworkSession fs = check.springBoot().trustingTestCa();
            assertFalse(fs.frameworkProperties().containsKey("mail.smtp.starttls.required"),
                    "Spring Boot copies only spring.mail.properties.* into the session");
            FrameworkSession.closeQuietly(fs.connectTransport(attacker.port()));
            Wire.assertCleartextPassword(PASSWORD, attacker.relays().get(0));
        }
    }

    static String smtps(String protocolsKey) {
        return """
                spring:
                  mail:
                    host: smtp.example.com
                    port: 465
                    protocol: smtps
                    username: app@example.com
                    password: mp010-pw-Jd4
                    properties:
                      %s: TLSv1.3
                """.formatted(protocolsKey);
    }

    @Test
    void mp010_smtpPrefixUnderSmtpsProtocolIsNeverRead(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", smtps("mail.smtp.ssl.protocols"));
        Finding f = check.the("MP010");
        assertTrue(f.message().contains("mail.smtps"), f.message());
        // Meant: TLS 1.3 only. Really: the JDK defaults, so a TLS 1.2-only server is accepted.
        try (MiniSmtpServer server = MiniSmtpServer.implicitTls(TestPki.Identity.LOCALHOST, "TLSv1.2")) {
            FrameworkSession.closeQuietly(check.springBoot().trustingTestCa().connectTransport(server.port()));
            assertEquals("TLSv1.2", server.connections().get(0).tlsProtocol);
        }
    }

    @Test
    void mp010_smtpsPrefixUnderSmtpsProtocolIsApplied(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", smtps("mail.smtps.ssl.protocols")).without("MP010");
        try (MiniSmtpServer server = MiniSmtpServer.implicitTls(TestPki.Identity.LOCALHOST, "TLSv1.2")) {
            FrameworkSession fs = check.springBoot().trustingTestCa();
            Throwable failure = Wire.fails(() -> fs.connectTransport(server.port()));
            assertTrue(Wire.chain(failure).contains("SSLHandshakeException"), Wire.chain(failure));
        }
        try (MiniSmtpServer server = MiniSmtpServer.implicitTls(TestPki.Identity.LOCALHOST)) {
            FrameworkSession.closeQuietly(check.springBoot().trustingTestCa().connectTransport(server.port()));
            assertEquals("TLSv1.3", server.connections().get(0).tlsProtocol);
        }
    }

    /** STARTTLS with an SSL socket factory class: here the factory wins and ssl.trust is really never read. */
    static final String STARTTLS_FACTORY_AND_TRUST_ALL = """
            spring:
              mail:
                host: smtp.example.com
                port: 587
                username: app@example.com
                password: mp010-pw-Jd4
                properties:
                  mail.smtp.starttls.required: true
                  mail.smtp.ssl.socketFactory.class: javax.net.ssl.SSLSocketFactory
                  mail.smtp.ssl.trust: "*"
            """;

    @Test
    void mp010_sslTrustUnderStartTlsWithAnSslSocketFactoryIsNeverRead(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", STARTTLS_FACTORY_AND_TRUST_ALL).without("MP007");
        Finding f = check.the("MP010");
        assertTrue(f.message().contains("mail.smtp.ssl.trust"), f.message());
        try (MiniSmtpServer impostor = MiniSmtpServer.startTls(TestPki.Identity.SELF_SIGNED)) {
            FrameworkSession fs = check.springBoot();
            Throwable failure = Wire.fails(() -> fs.connectTransport(impostor.port()));
            assertTrue(Wire.chain(failure).contains("Could not convert socket to TLS"), Wire.chain(failure));
            assertTrue(Wire.chain(failure).contains("PKIX path building failed"), "trust-all was not applied: "
                    + Wire.chain(failure));
        }
    }
}
