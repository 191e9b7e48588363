package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MP006 server-identity-check-disabled: "any certificate a trusted CA issued for any other host is accepted".
 * The server presents a certificate that the trusted test CA issued for {@code other.example}; the client
 * connects to {@code localhost}.
 */
class ServerIdentityCheckDisabledRuntimeTruthTest {
    static final String PASSWORD = "mp006-pw-Kx2";

    static final String CHECK_OFF = """
            spring:
              mail:
                host: localhost
                port: 465
                username: app@example.com
                password: mp006-pw-Kx2
                properties:
                  mail.smtp.ssl.enable: true
                  mail.smtp.ssl.checkserveridentity: false
            """;

    static final String CHECK_DEFAULT = """
            spring:
              mail:
                host: localhost
                port: 465
                username: app@example.com
                password: mp006-pw-Kx2
                properties:
                  mail.smtp.ssl.enable: true
            """;

    @Test
    void mp006_certificateForAnotherHostIsAccepted(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", CHECK_OFF);
        Finding f = check.the("MP006");
        assertEquals(Severity.ERROR, f.severity());

        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            Transport t = check.springBoot().trustingTestCa().connectTransport(impostor.port());
            FrameworkSession.closeQuietly(t);
            MiniSmtpServer.Conn conn = impostor.connections().get(0);
            assertTrue(conn.tlsFromFirstByte, conn.toString());
            assertEquals(PASSWORD, conn.authPassword, "the impostor for other.example got the password");
        }
    }

    @Test
    void mp006_defaultIdentityCheckRejectsCertificateForAnotherHost(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", CHECK_DEFAULT).without("MP006");
        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            FrameworkSession fs = check.springBoot().trustingTestCa();
            Throwable failure = Wire.fails(() -> fs.connectTransport(impostor.port()));
            assertTrue(Wire.chain(failure).contains("No subject alternative DNS name matching localhost found"),
                    Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> impostor.connections().get(0).finished));
            assertEquals(null, impostor.connections().get(0).authPassword);
        }
    }

    @Test
    void mp006_defaultIdentityCheckAcceptsTheRightHost(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", CHECK_DEFAULT).without("MP006");
        try (MiniSmtpServer server = MiniSmtpServer.implicitTls(TestPki.Identity.LOCALHOST)) {
            FrameworkSession.closeQuietly(check.springBoot().trustingTestCa().connectTransport(server.port()));
            assertEquals(PASSWORD, server.connections().get(0).authPassword);
        }
    }
}
