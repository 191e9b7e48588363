package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MP004 tls-on-starttls-port: "the server on 587 greets in cleartext: the handshake fails with
 * \"Unrecognized SSL message\"". The client's TLS handshake reads the server's {@code 220} greeting as a TLS
 * record.
 */
class TlsOnStartTlsPortRuntimeTruthTest {
    static final String SSL_ON_587 = """
            spring:
              mail:
                host: smtp.example.com
                port: 587
                username: alice
                password: alice-s3cret-pw
                ssl:
                  enabled: true
            """;

    static final String SMTPS_ON_587 = """
            spring.mail.host=smtp.example.com
            spring.mail.port=587
            spring.mail.protocol=smtps
            spring.mail.username=alice
            spring.mail.password=alice-s3cret-pw
            """;

    static final String SSL_ON_465 = """
            spring:
              mail:
                host: smtp.example.com
                port: 465
                username: alice
                password: alice-s3cret-pw
                ssl:
                  enabled: true
            """;

    @Test
    void mp004_sslEnabledOn587FailsWithUnrecognizedSslMessage(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", SSL_ON_587);
        Finding f = check.the("MP004");
        assertEquals(Severity.ERROR, f.severity());
        check.without("MP001").without("MP002");

        try (LocalGreenMail mail = LocalGreenMail.start("smtp")) {
            Throwable failure = Wire.fails(() -> check.springBoot().connectTransport(mail.port("smtp")));
            assertTrue(Wire.causedBy(failure, SSLException.class), Wire.chain(failure));
            assertTrue(Wire.chain(failure).toLowerCase().contains("unrecognized ssl message"), Wire.chain(failure));
        }
    }

    @Test
    void mp004_smtpsProtocolOn587FailsWithUnrecognizedSslMessage(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.properties", SMTPS_ON_587);
        check.the("MP004");
        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST)) {
            Throwable failure = Wire.fails(() -> check.springBoot().connectTransport(server.port()));
            assertTrue(Wire.chain(failure).toLowerCase().contains("unrecognized ssl message"), Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> server.connections().size() == 1 && server.connections().get(0).finished));
            MiniSmtpServer.Conn conn = server.connections().get(0);
            assertTrue(!conn.sawCommand("EHLO") && !conn.sawCommand("AUTH"), "only the TLS ClientHello arrived: " + conn);
        }
    }

    @Test
    void mp004_sslEnabledOn465Connects(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", SSL_ON_465).without("MP004");
        try (LocalGreenMail mail = LocalGreenMail.start("smtps")) {
            Transport t = check.springBoot().trustingTestCa().connectTransport(mail.port("smtps"));
            assertTrue(t.isConnected());
            FrameworkSession.closeQuietly(t);
        }
    }
}
