package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MP007 certificate-trust-disabled: {@code ssl.trust=*} "trusts every certificate: anyone on the path can
 * present their own certificate"; {@code ssl.trust=<hosts>} "skips certificate chain validation for the listed
 * hosts: any certificate is accepted for them, not only their own". The impostor presents a self-signed
 * certificate that no trust store holds. No test CA is trusted here: the JVM's own trust store decides,
 * exactly as in production.
 */
class CertificateTrustDisabledRuntimeTruthTest {
    static final String PASSWORD = "mp007-pw-Rt5";

    static String config(String... properties) {
        StringBuilder sb = new StringBuilder("""
                spring:
                  mail:
                    host: localhost
                    port: 465
                    username: app@example.com
                    password: mp007-pw-Rt5
                    properties:
                      mail.smtp.ssl.enable: true
                """);
        for (String p : properties) sb.append("      ").append(p).append('\n');
        return sb.toString();
    }

    @Test
    void mp007_trustAllAcceptsASelfSignedImpostor(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config("mail.smtp.ssl.trust: \"*\""));
        Finding f = check.the("MP007");
        assertEquals(Severity.ERROR, f.severity());

        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.SELF_SIGNED)) {
            FrameworkSession.closeQuietly(check.springBoot().connectTransport(impostor.port()));
            MiniSmtpServer.Conn conn = impostor.connections().get(0);
            assertTrue(conn.tlsFromFirstByte, conn.toString());
            assertEquals(PASSWORD, conn.authPassword, "the self-signed impostor got the password");
        }
    }

    @Test
    void mp007_trustAllStillComparesTheHostNameOnAngus2(@TempDir Path dir) throws Exception {
        // ssl.trust=* turns chain validation off, not the identity check (on by default since Angus 1.1.0):
        // an impostor's certificate must name the host, which a self-made certificate can do at no cost.
        Check check = Check.of(dir, "application.yml", config("mail.smtp.ssl.trust: \"*\""));
        check.the("MP007");
        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            Throwable failure = Wire.fails(() -> check.springBoot().connectTransport(impostor.port()));
            assertTrue(Wire.chain(failure).contains("No subject alternative DNS name matching localhost found"),
                    Wire.chain(failure));
        }
        Check both = Check.of(dir.resolve("both"), "application.yml",
                config("mail.smtp.ssl.trust: \"*\"", "mail.smtp.ssl.checkserveridentity: false"));
        both.the("MP007");
        both.the("MP006");
        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            FrameworkSession.closeQuietly(both.springBoot().connectTransport(impostor.port()));
            assertEquals(PASSWORD, impostor.connections().get(0).authPassword, "with both off, anything goes");
        }
    }

    @Test
    void mp007_withoutSslTrustTheSelfSignedImpostorIsRejected(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config()).without("MP007");
        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.SELF_SIGNED)) {
            Throwable failure = Wire.fails(() -> check.springBoot().connectTransport(impostor.port()));
            assertTrue(Wire.chain(failure).contains("PKIX path building failed"), Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> impostor.connections().get(0).finished));
            assertEquals(null, impostor.connections().get(0).authPassword);
        }
    }

    @Test
    void mp007_trustedHostListAcceptsAnyCertificateForTheListedHost(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config("mail.smtp.ssl.trust: localhost"));
        Finding f = check.the("MP007");
        assertEquals(Severity.WARNING, f.severity());
        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.SELF_SIGNED)) {
            FrameworkSession.closeQuietly(check.springBoot().connectTransport(impostor.port()));
            assertEquals(PASSWORD, impostor.connections().get(0).authPassword,
                    "listing the host accepted a certificate nobody vouches for");
        }
    }

    @Test
    void mp007_trustedHostListWithoutTheHostRejectsEvenATrustedCertificate(@TempDir Path dir) throws Exception {
        // The test CA is trusted (a socket factory object, as Boot's ssl.bundle supplies), yet for implicit TLS
        // Angus builds its MailSSLSocketFactory from ssl.trust first, and the connect host is not in the list.
        Check check = Check.of(dir, "application.yml", config("mail.smtp.ssl.trust: mail.example.com"));
        check.the("MP007");
        try (MiniSmtpServer server = MiniSmtpServer.implicitTls(TestPki.Identity.LOCALHOST)) {
            FrameworkSession fs = check.springBoot().trustingTestCa();
            Throwable failure = Wire.fails(() -> fs.connectTransport(server.port()));
            assertTrue(Wire.chain(failure).contains("Server is not trusted: localhost"), Wire.chain(failure));
        }
    }

    /** The legacy recipe for implicit TLS (an SSL socket factory class) with trust-all on top. */
    static final String FACTORY_CLASS_AND_TRUST_ALL = """
            mail.smtp.host=smtp.example.com
            mail.smtp.port=465
            mail.smtp.user=app@example.com
            mail.smtp.password=mp007-pw-Rt5
            mail.smtp.socketFactory.class=javax.net.ssl.SSLSocketFactory
            mail.smtp.socketFactory.port=465
            mail.smtp.socketFactory.fallback=false
            mail.smtp.ssl.trust=*
            """;

    /** ssl.enable with an SSL socket factory class for it, and trust-all on top. */
    static final String SSL_FACTORY_CLASS_AND_TRUST_ALL = config(
            "mail.smtp.ssl.socketFactory.class: javax.net.ssl.SSLSocketFactory", "mail.smtp.ssl.trust: \"*\"");

    /** Spring Boot's ssl.bundle supplies an SSL socket factory object; with ssl.enabled that is implicit TLS. */
    static final String BUNDLE_AND_TRUST_ALL = """
            spring:
              mail:
                host: localhost
                port: 465
                username: app@example.com
                password: mp007-pw-Rt5
                ssl:
                  enabled: true
                  bundle: mail
                properties:
                  mail.smtp.ssl.trust: "*"
            """;

    /**
     * Angus 2.0.5 {@code SocketFetcher.createSocket}: for a connection that is TLS from the first byte it looks at
     * {@code ssl.trust} before any configured SSL socket factory (class or object), so trust-all is applied.
     * Only the STARTTLS path ({@code SocketFetcher.startTLS}) prefers the configured factory over ssl.trust.
     */
    @Test
    void mp007_trustAllWinsOverAnSslSocketFactoryForImplicitTls(@TempDir Path dir) throws Exception {
        Check factoryClass = Check.of(dir.resolve("a"), "mail.properties", FACTORY_CLASS_AND_TRUST_ALL);
        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.SELF_SIGNED)) {
            FrameworkSession.closeQuietly(factoryClass.jakartaMail("smtp").connectTransport(impostor.port()));
            assertEquals(PASSWORD, impostor.connections().get(0).authPassword,
                    "socketFactory.class=SSLSocketFactory did not stop ssl.trust=*");
        }
        Check sslFactoryClass = Check.of(dir.resolve("b"), "application.yml", SSL_FACTORY_CLASS_AND_TRUST_ALL);
        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.SELF_SIGNED)) {
            FrameworkSession.closeQuietly(sslFactoryClass.springBoot().connectTransport(impostor.port()));
            assertEquals(PASSWORD, impostor.connections().get(0).authPassword,
                    "ssl.socketFactory.class did not stop ssl.trust=*");
        }
        // The ssl.bundle case: an SSL socket factory object that trusts only the test CA, and ssl.trust=* on top.
        Check object = Check.of(dir.resolve("c"), "application.yml", config("mail.smtp.ssl.trust: \"*\""));
        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.SELF_SIGNED)) {
            FrameworkSession.closeQuietly(object.springBoot().trustingTestCa().connectTransport(impostor.port()));
            assertEquals(PASSWORD, impostor.connections().get(0).authPassword,
                    "an ssl.socketFactory object did not stop ssl.trust=*");
        }
    }

    @Test
    void mp007_engineReportsTrustAllDespiteAnSslSocketFactoryForImplicitTls(@TempDir Path dir) {
        for (Check c : new Check[] {
                Check.of(dir.resolve("a"), "mail.properties", FACTORY_CLASS_AND_TRUST_ALL),
                Check.of(dir.resolve("b"), "application.yml", SSL_FACTORY_CLASS_AND_TRUST_ALL),
                Check.of(dir.resolve("c"), "application.yml", BUNDLE_AND_TRUST_ALL)}) {
            assertEquals(Severity.ERROR, c.the("MP007").severity());
            c.without("MP010");
        }
    }
}
