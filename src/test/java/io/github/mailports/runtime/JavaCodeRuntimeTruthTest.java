package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail settings written in Java code (issue 12): the application class the plugin reads is compiled with javac and
 * run against a loopback server, so the connection the finding describes is the one that code really opens. The
 * only changes made to what the code builds are the ones a loopback test needs: the host and port of the loopback
 * server (as {@code Transport.connect} arguments or session properties) and, where TLS is spoken, a socket factory
 * trusting the test CA.
 *
 * <p>Jakarta Mail cases run on the Angus Mail of the test class path; the Apache Commons Email cases run on the real
 * {@code commons-email} 1.6.0 and the {@code com.sun.mail:javax.mail} 1.6.2 jars (copied to
 * {@code target/runtime-truth-libs} by the POM) in a class loader of their own, as in
 * {@link LibraryVersionRuntimeTruthTest}.
 */
class JavaCodeRuntimeTruthTest {
    static final String PASSWORD = "java-code-pw-R5";
    static final String USER = "app@example.com";

    /** MP002: STARTTLS enabled but not required, on 587, with auth. */
    static final String OPTIONAL_STARTTLS = """
            package app.mail;

            import jakarta.mail.Session;
            import java.util.Properties;

            public class MailSessions {
                public static Session session() {
                    Properties props = new Properties();
                    props.put("mail.smtp.host", "smtp.example.com");
                    props.put("mail.smtp.port", "587");
                    props.put("mail.smtp.auth", "true");
                    props.put("mail.smtp.starttls.enable", "true");
                    props.put("mail.smtp.connectiontimeout", "5000");
                    props.put("mail.smtp.timeout", "5000");
                    return Session.getInstance(props);
                }
            }
            """;

    /** MP003: port 465 without ssl.enable. */
    static final String PORT_465_PLAIN = """
            package app.mail;

            import jakarta.mail.Session;
            import java.util.Properties;

            public class MailSessions {
                public static Session session() {
                    Properties props = new Properties();
                    props.setProperty("mail.smtp.host", "smtp.example.com");
                    props.setProperty("mail.smtp.port", "465");
                    props.setProperty("mail.smtp.auth", "true");
                    props.setProperty("mail.smtp.connectiontimeout", "3000");
                    props.setProperty("mail.smtp.timeout", "3000");
                    return Session.getInstance(props);
                }
            }
            """;

    /** MP006: implicit TLS with ssl.checkserveridentity=false. */
    static final String IDENTITY_OFF = """
            package app.mail;

            import jakarta.mail.Session;
            import java.util.Properties;

            public class MailSessions {
                public static Session session() {
                    Properties props = new Properties();
                    props.put("mail.smtp.host", "smtp.example.com");
                    props.put("mail.smtp.port", "465");
                    props.put("mail.smtp.auth", "true");
                    props.put("mail.smtp.ssl.enable", "true");
                    props.put("mail.smtp.ssl.checkserveridentity", "false");
                    props.put("mail.smtp.connectiontimeout", "5000");
                    props.put("mail.smtp.timeout", "5000");
                    return Session.getInstance(props);
                }
            }
            """;

    /** Commons Email 1.x, the first case of CodeQL's InsecureSimpleEmailTest: setSSLOnConnect(true), setSmtpPort(25). */
    static final String COMMONS_SSL_ON_CONNECT = """
            package app.mail;

            import org.apache.commons.mail.Email;
            import org.apache.commons.mail.SimpleEmail;

            public class Notifier {
                public static Email email() throws Exception {
                    Email email = new SimpleEmail();
                    email.setHostName("smtp.example.com");
                    email.setSmtpPort(25);
                    email.setAuthentication("app@example.com", "java-code-pw-R5");
                    email.setSSLOnConnect(true);
                    return email;
                }
            }
            """;

    /** Commons Email 1.x, the last case of CodeQL's test, which CodeQL calls safe: STARTTLS required + identity "on". */
    static final String COMMONS_STARTTLS_REQUIRED_CHECKED = """
            package app.mail;

            import org.apache.commons.mail.Email;
            import org.apache.commons.mail.SimpleEmail;

            public class Notifier {
                public static Email email() throws Exception {
                    Email email = new SimpleEmail();
                    email.setHostName("smtp.example.com");
                    email.setSmtpPort(587);
                    email.setAuthentication("app@example.com", "java-code-pw-R5");
                    email.setStartTLSRequired(true);
                    email.setSSLCheckServerIdentity(true);
                    return email;
                }
            }
            """;

    // ---------------------------------------------------------------------------------------------- Jakarta Mail

    @Test
    void optionalStartTls_strippedOfferSendsThePasswordInCleartext(@TempDir Path dir) throws Exception {
        Finding f = plugin(dir, "app.mail.MailSessions", OPTIONAL_STARTTLS).the("MP002");
        assertEquals(Severity.ERROR, f.severity(), "auth=true: credentials present");
        assertEquals(line(OPTIONAL_STARTTLS, "starttls.enable"), f.location().line(), f.toString());
        assertTrue(f.fix().contains("props.put(\"mail.smtp.starttls.required\", \"true\")"), f.fix());
        Session session = jakartaSession(dir, OPTIONAL_STARTTLS);
        try (MiniSmtpServer server = MiniSmtpServer.startTls(TestPki.Identity.LOCALHOST);
             RecordingProxy attacker = RecordingProxy.strippingStartTls(server.port())) {
            Transport t = session.getTransport();
            t.connect("localhost", attacker.port(), USER, PASSWORD);
            FrameworkSession.closeQuietly(t);
            RecordingProxy.Relay relay = attacker.relays().get(0);
            assertEquals(1, relay.offersRemoved, "the proxy deleted the STARTTLS offer");
            Wire.assertCleartextPassword(PASSWORD, relay);
            MiniSmtpServer.Conn conn = server.connections().get(0);
            assertFalse(conn.sawCommand("STARTTLS"), conn.toString());
            assertEquals(PASSWORD, conn.authPassword);
        }
    }

    @Test
    void port465WithoutSsl_speaksCleartextToAnImplicitTlsServerAndFails(@TempDir Path dir) throws Exception {
        Finding f = plugin(dir, "app.mail.MailSessions", PORT_465_PLAIN).without("MP001").the("MP003");
        assertEquals(line(PORT_465_PLAIN, "mail.smtp.port"), f.location().line(), f.toString());
        Session session = jakartaSession(dir, PORT_465_PLAIN);
        try (MiniSmtpServer server = MiniSmtpServer.implicitTls(TestPki.Identity.LOCALHOST)) {
            Throwable failure = Wire.fails(() -> {
                Transport t = session.getTransport();
                t.connect("localhost", server.port(), USER, PASSWORD);
                t.close();
            });
            // the client waits for a cleartext greeting, the server for a TLS ClientHello: the read timeout ends it
            assertTrue(Wire.causedBy(failure, java.net.SocketTimeoutException.class), Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> server.connections().size() == 1 && server.connections().get(0).finished));
            MiniSmtpServer.Conn conn = server.connections().get(0);
            assertNull(conn.authPassword, conn.toString());
            assertTrue(conn.commands.isEmpty(), "no SMTP command ever reached the server: " + conn);
        }
    }

    @Test
    void identityCheckOff_givesThePasswordToAServerWithAnotherHostsCertificate(@TempDir Path dir) throws Exception {
        Finding f = plugin(dir, "app.mail.MailSessions", IDENTITY_OFF).the("MP006");
        assertEquals(line(IDENTITY_OFF, "checkserveridentity"), f.location().line(), f.toString());
        Session session = jakartaSession(dir, IDENTITY_OFF);
        session.getProperties().put("mail.smtp.ssl.socketFactory", TestPki.get().trustingTestCa());
        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            Transport t = session.getTransport();
            t.connect("localhost", impostor.port(), USER, PASSWORD);
            FrameworkSession.closeQuietly(t);
            MiniSmtpServer.Conn conn = impostor.connections().get(0);
            assertTrue(conn.tlsFromFirstByte, conn.toString());
            assertEquals(PASSWORD, conn.authPassword, "the certificate names other.example, the client connected to localhost");
        }
    }

    @Test
    void identityCheckLeftAtItsAngusDefault_refusesThatServer(@TempDir Path dir) throws Exception {
        String unset = IDENTITY_OFF.replace("        props.put(\"mail.smtp.ssl.checkserveridentity\", \"false\");\n", "");
        LibraryVersionRuntimeTruthTest.lockfile(dir, "org.eclipse.angus:angus-mail:" + LibraryVersionRuntimeTruthTest.angusVersion());
        plugin(dir, "app.mail.MailSessions", unset).without("MP006");
        Session session = jakartaSession(dir, unset);
        session.getProperties().put("mail.smtp.ssl.socketFactory", TestPki.get().trustingTestCa());
        session.getProperties().put("mail.smtp.socketFactory.fallback", "false"); // see LibraryVersionRuntimeTruthTest
        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            Throwable failure = Wire.fails(() -> {
                Transport t = session.getTransport();
                t.connect("localhost", impostor.port(), USER, PASSWORD);
                t.close();
            });
            assertTrue(Wire.chain(failure).contains("No subject alternative DNS name matching localhost found"), Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> impostor.connections().get(0).finished));
            assertNull(impostor.connections().get(0).authPassword);
        }
    }

    // ------------------------------------------------------------------------------- Apache Commons Email 1.6.0

    @Test
    void commonsEmailSslOnConnect_usesTheSslPortAndDoesNotCheckTheIdentity(@TempDir Path dir) throws Exception {
        // the org.apache.commons.mail package is Commons Email 1.x, on javax.mail: no identity check by default
        Check check = plugin(dir, "app.mail.Notifier", COMMONS_SSL_ON_CONNECT).without("MP004").without("MP011");
        Finding f = check.the("MP006");
        assertEquals(line(COMMONS_SSL_ON_CONNECT, "setSSLOnConnect"), f.location().line(), f.toString());
        assertTrue(f.message().contains(":465"), "setSmtpPort(25) is not the port: " + f.message());
        assertEquals("call email.setSSLCheckServerIdentity(true)", f.fix());
        assertEquals(line(COMMONS_SSL_ON_CONNECT, "setAuthentication"), check.the("MP015").location().line());
        assertEquals(line(COMMONS_SSL_ON_CONNECT, "setSmtpPort"), check.the("MP010").location().line(), "setSmtpPort(25) is never used");
        try (URLClassLoader commons = commonsLoader();
             URLClassLoader app = commonsApp(dir, COMMONS_SSL_ON_CONNECT, commons);
             MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            Object email = email(app);
            Properties props = commonsSessionProperties(app, email);
            // setSmtpPort(25) is overwritten: Email.getMailSession puts the SSL port (default "465") in mail.smtp.port
            assertEquals("465", props.getProperty("mail.smtp.port"), props.toString());
            assertEquals("465", props.getProperty("mail.smtp.socketFactory.port"), props.toString());
            assertEquals("javax.net.ssl.SSLSocketFactory", props.getProperty("mail.smtp.socketFactory.class"));
            assertEquals("false", props.getProperty("mail.smtp.socketFactory.fallback"));
            assertNull(props.getProperty("mail.smtp.ssl.checkserveridentity"), props.toString());

            toLoopback(props, impostor.port());
            props.put("mail.smtp.socketFactory", TestPki.get().trustingTestCa()); // the same SSL factory, trusting the test CA
            connectAsCommonsEmailSends(app, email);
            MiniSmtpServer.Conn conn = impostor.connections().get(0);
            assertTrue(conn.tlsFromFirstByte, conn.toString());
            assertEquals(PASSWORD, conn.authPassword, "javax.mail 1.6.2 under Commons Email gave the password to other.example's certificate");
        }
    }

    @Test
    void commonsEmailStartTlsRequired_ignoresSetSslCheckServerIdentity(@TempDir Path dir) throws Exception {
        Finding f = plugin(dir, "app.mail.Notifier", COMMONS_STARTTLS_REQUIRED_CHECKED).the("MP006");
        assertEquals(line(COMMONS_STARTTLS_REQUIRED_CHECKED, "setSSLCheckServerIdentity"), f.location().line(), f.toString());
        assertTrue(f.fix().contains("email.setStartTLSEnabled(true)"), f.fix());
        try (URLClassLoader commons = commonsLoader();
             URLClassLoader app = commonsApp(dir, COMMONS_STARTTLS_REQUIRED_CHECKED, commons);
             MiniSmtpServer impostor = MiniSmtpServer.startTls(TestPki.Identity.OTHER_HOST)) {
            Object email = email(app);
            Properties props = commonsSessionProperties(app, email);
            assertEquals("true", props.getProperty("mail.smtp.starttls.required"), props.toString());
            assertEquals("false", props.getProperty("mail.smtp.starttls.enable"), props.toString());
            // written only "if ((isSSLOnConnect() || isStartTLSEnabled()) && isSSLCheckServerIdentity())"
            assertNull(props.getProperty("mail.smtp.ssl.checkserveridentity"), props.toString());

            toLoopback(props, impostor.port());
            props.put("mail.smtp.ssl.socketFactory", TestPki.get().trustingTestCa()); // used for the STARTTLS upgrade
            connectAsCommonsEmailSends(app, email);
            MiniSmtpServer.Conn conn = impostor.connections().get(0);
            assertTrue(conn.upgradedByStartTls, "starttls.required alone makes javax.mail 1.6.2 upgrade: " + conn);
            assertTrue(conn.authOverTls, conn.toString());
            assertEquals(PASSWORD, conn.authPassword, "the identity was not checked after STARTTLS");
        }
    }

    @Test
    void commonsEmailStartTlsEnabledAndRequired_checksTheIdentity(@TempDir Path dir) throws Exception {
        String enabled = COMMONS_STARTTLS_REQUIRED_CHECKED.replace("email.setStartTLSRequired(true);",
                "email.setStartTLSEnabled(true);\n            email.setStartTLSRequired(true);");
        plugin(dir, "app.mail.Notifier", enabled).without("MP006");
        try (URLClassLoader commons = commonsLoader();
             URLClassLoader app = commonsApp(dir, enabled, commons);
             MiniSmtpServer impostor = MiniSmtpServer.startTls(TestPki.Identity.OTHER_HOST)) {
            Object email = email(app);
            Properties props = commonsSessionProperties(app, email);
            assertEquals("true", props.getProperty("mail.smtp.ssl.checkserveridentity"), props.toString());
            toLoopback(props, impostor.port());
            props.put("mail.smtp.ssl.socketFactory", TestPki.get().trustingTestCa());
            Throwable failure = Wire.fails(() -> connectAsCommonsEmailSends(app, email));
            assertTrue(Wire.chain(failure).contains("Can't verify identity of server: localhost"), Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> impostor.connections().get(0).finished));
            assertNull(impostor.connections().get(0).authPassword);
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** The plugin's check of the module folder with the application class at its place under src/main/java. */
    static Check plugin(Path dir, String className, String source) throws Exception {
        JavaSource.write(dir, className, source); // makes the package folders
        return Check.of(dir, "src/main/java/" + className.replace('.', '/') + ".java", source);
    }

    /** The 1-based line of the first line of the source holding the text. */
    static int line(String source, String text) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) return i + 1;
        }
        throw new IllegalArgumentException(text + " is not in the source");
    }

    /** Compiles the source against the test class path's Jakarta Mail and returns the session its code builds. */
    static Session jakartaSession(Path dir, String source) throws Exception {
        Path file = JavaSource.write(dir, "app.mail.MailSessions", source);
        Path classes = dir.resolve("target/classes");
        JavaSource.compile(file, classes, JavaSource.origin(Session.class));
        try (URLClassLoader app = JavaSource.load(classes, JavaCodeRuntimeTruthTest.class.getClassLoader())) {
            return (Session) app.loadClass("app.mail.MailSessions").getMethod("session").invoke(null);
        }
    }

    static URLClassLoader commonsLoader() throws Exception {
        return LibraryVersionRuntimeTruthTest.loader("commons-email-1.6.0.jar", "javax.mail-1.6.2.jar");
    }

    /** Compiles the source against Commons Email 1.6.0 and javax.mail 1.6.2 and loads it over their loader. */
    static URLClassLoader commonsApp(Path dir, String source, ClassLoader commons) throws Exception {
        Path file = JavaSource.write(dir, "app.mail.Notifier", source);
        Path classes = dir.resolve("target/classes");
        Path libs = LibraryVersionRuntimeTruthTest.LIBS;
        JavaSource.compile(file, classes, libs.resolve("commons-email-1.6.0.jar"), libs.resolve("javax.mail-1.6.2.jar"));
        return JavaSource.load(classes, commons);
    }

    /** {@code email.getMailSession().getProperties()}: the live properties of the session Commons Email sends with. */
    static Properties commonsSessionProperties(ClassLoader app, Object email) throws Exception {
        return LibraryVersionRuntimeTruthTest.in(app, () -> {
            Object session = email.getClass().getMethod("getMailSession").invoke(email);
            return (Properties) session.getClass().getMethod("getProperties").invoke(session);
        });
    }

    /** {@code Notifier.email()}: the application's Email (it keeps the session it makes on first use). */
    static Object email(ClassLoader app) throws Exception {
        return LibraryVersionRuntimeTruthTest.in(app, () -> app.loadClass("app.mail.Notifier").getMethod("email").invoke(null));
    }

    /** The loopback server instead of smtp.example.com (session properties, read at connect time). */
    static void toLoopback(Properties props, int port) {
        props.setProperty("mail.smtp.host", "localhost");
        props.setProperty("mail.smtp.port", String.valueOf(port));
        if (props.getProperty("mail.smtp.socketFactory.port") != null) {
            props.setProperty("mail.smtp.socketFactory.port", String.valueOf(port));
        }
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "5000");
    }

    /**
     * What {@code Email.send()} does up to the message: {@code Transport.send} takes the session's transport and
     * {@code connect()}s it without arguments (host and port from the session, user and password from the
     * Authenticator). The message itself needs javax.activation, which Java 17 no longer has, and adds nothing here.
     */
    static void connectAsCommonsEmailSends(ClassLoader app, Object email) throws Exception {
        LibraryVersionRuntimeTruthTest.in(app, () -> {
            Object session = email.getClass().getMethod("getMailSession").invoke(email);
            Object t = session.getClass().getMethod("getTransport").invoke(session);
            try {
                t.getClass().getMethod("connect").invoke(t);
            } finally {
                try {
                    t.getClass().getMethod("close").invoke(t);
                } catch (Exception ignored) {
                    // already failed or closed
                }
            }
            return null;
        });
    }
}
