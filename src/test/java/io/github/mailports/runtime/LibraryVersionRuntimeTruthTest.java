package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rows of docs/versions.md against the old libraries themselves: the real {@code com.sun.mail:javax.mail} 1.6.2
 * and Simple Java Mail 4.2.3 jars (copied to {@code target/runtime-truth-libs} by the POM), each loaded in a class
 * loader of its own (their packages would clash with the test class path), and the Angus Mail 2 and Simple Java
 * Mail 8 of the test class path. The server is a loopback SMTP server whose certificate, from the trusted test CA, names {@code other.example};
 * the client connects to {@code localhost}. The check runs on a folder with a {@code gradle.lockfile} naming the
 * versions, as a project without a POM would have.
 */
class LibraryVersionRuntimeTruthTest {
    static final String PASSWORD = "versions-pw-Q7";
    static final Path LIBS = Paths.get(System.getProperty("mailports.runtimeTruthLibs", "target/runtime-truth-libs"));

    static final String SMTPS_UNSET = """
            mail.transport.protocol=smtps
            mail.smtps.host=localhost
            mail.smtps.port=465
            mail.smtps.auth=true
            mail.smtps.connectiontimeout=5000
            """;

    @Test
    void javaxMail162_acceptsACertificateForAnotherHostWhenTheKeyIsUnset(@TempDir Path dir) throws Exception {
        lockfile(dir, "com.sun.mail:javax.mail:1.6.2");
        Finding f = Check.of(dir, "mail.properties", SMTPS_UNSET).the("MP006");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("JavaMail 1.6.2 (com.sun.mail:javax.mail) does not check the server's identity"),
                f.message());

        try (URLClassLoader javax = loader("javax.mail-1.6.2.jar");
             MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            Properties p = javaxProperties(false);
            Object t = in(javax, () -> javaxConnect(javax, p, impostor.port()));
            in(javax, () -> t.getClass().getMethod("close").invoke(t));
            MiniSmtpServer.Conn conn = impostor.connections().get(0);
            assertTrue(conn.tlsFromFirstByte, conn.toString());
            assertEquals(PASSWORD, conn.authPassword, "JavaMail 1.6.2 gave the password to the impostor for other.example");
        }
    }

    @Test
    void javaxMail162_rejectsItWhenTheKeyIsTrue(@TempDir Path dir) throws Exception {
        lockfile(dir, "com.sun.mail:javax.mail:1.6.2");
        Check.of(dir, "mail.properties", SMTPS_UNSET + "mail.smtps.ssl.checkserveridentity=true\n").without("MP006");

        try (URLClassLoader javax = loader("javax.mail-1.6.2.jar");
             MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            Properties p = javaxProperties(true);
            Throwable failure = Wire.fails(() -> in(javax, () -> javaxConnect(javax, p, impostor.port())));
            assertTrue(Wire.chain(failure).contains("Can't verify identity of server: localhost"), Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> impostor.connections().get(0).finished));
            assertNull(impostor.connections().get(0).authPassword);
        }
    }

    @Test
    void angusMail2_rejectsItWhenTheKeyIsUnset(@TempDir Path dir) throws Exception {
        String angus = angusVersion();
        lockfile(dir, "org.eclipse.angus:angus-mail:" + angus);
        Check.of(dir, "mail.properties", SMTPS_UNSET).without("MP006");

        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            Properties p = new Properties();
            p.put("mail.smtps.auth", "true");
            p.put("mail.smtps.connectiontimeout", "5000");
            p.put("mail.smtps.timeout", "5000");
            p.put("mail.smtps.ssl.socketFactory", TestPki.get().trustingTestCa());
            p.put("mail.smtps.socketFactory.fallback", "false"); // see javaxProperties
            Throwable failure = Wire.fails(() -> {
                Transport t = Session.getInstance(p).getTransport("smtps");
                t.connect("localhost", impostor.port(), "app@example.com", PASSWORD);
                t.close();
            });
            assertTrue(Wire.chain(failure).contains("No subject alternative DNS name matching localhost found"),
                    "Angus Mail " + angus + ": " + Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> impostor.connections().get(0).finished));
            assertNull(impostor.connections().get(0).authPassword);
        }
    }

    @Test
    void simpleJavaMail4_smtpSslIsImplicitTlsWithoutTheIdentityCheck(@TempDir Path dir) throws Exception {
        lockfile(dir, "org.simplejavamail:simple-java-mail:4.2.3", "com.sun.mail:javax.mail:1.6.2");
        Check check = Check.of(dir, "simplejavamail.properties", """
                simplejavamail.transportstrategy=SMTP_SSL
                simplejavamail.smtp.host=localhost
                simplejavamail.smtp.port=465
                simplejavamail.smtp.username=app@example.com
                """).without("MP016");
        assertTrue(check.the("MP006").message().contains("Simple Java Mail 4.2.3"), check.the("MP006").message());
        assertTrue(check.findings("MP003").isEmpty() && check.findings("MP001").isEmpty(), check.findings().toString());

        try (URLClassLoader sjm = loader("simple-java-mail-4.2.3.jar", "javax.mail-1.6.2.jar", "slf4j-api-1.7.36.jar");
             MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            Object t = in(sjm, () -> sjm4Connect(sjm, "SMTP_SSL", impostor.port()));
            in(sjm, () -> t.getClass().getMethod("close").invoke(t));
            MiniSmtpServer.Conn conn = impostor.connections().get(0);
            assertTrue(conn.tlsFromFirstByte, "SMTP_SSL speaks TLS from the first byte: " + conn);
            assertEquals(PASSWORD, conn.authPassword, "Simple Java Mail 4.2.3 gave the password to the impostor");
        }
    }

    @Test
    void simpleJavaMail4_smtpPlainIsCleartext(@TempDir Path dir) throws Exception {
        lockfile(dir, "org.simplejavamail:simple-java-mail:4.2.3", "com.sun.mail:javax.mail:1.6.2");
        Check check = Check.of(dir, "simplejavamail.properties", """
                simplejavamail.transportstrategy=SMTP_PLAIN
                simplejavamail.smtp.host=mail.example.com
                simplejavamail.smtp.port=25
                """).without("MP016");
        assertEquals(Severity.ERROR, check.the("MP001").severity());

        try (URLClassLoader sjm = loader("simple-java-mail-4.2.3.jar", "javax.mail-1.6.2.jar", "slf4j-api-1.7.36.jar");
             MiniSmtpServer server = MiniSmtpServer.plain()) {
            Object t = in(sjm, () -> sjm4Connect(sjm, "SMTP_PLAIN", server.port()));
            in(sjm, () -> t.getClass().getMethod("close").invoke(t));
            MiniSmtpServer.Conn conn = server.connections().get(0);
            assertFalse(conn.tlsFromFirstByte || conn.upgradedByStartTls, conn.toString());
            assertEquals(PASSWORD, conn.authPassword, "the password crossed in cleartext");
        }
    }

    @Test
    void simpleJavaMail8_smtpsChecksTheIdentityAndSmtpSslIsNoStrategy(@TempDir Path dir) throws Exception {
        String angus = angusVersion();
        lockfile(dir, "org.simplejavamail:simple-java-mail:8.12.6", "org.eclipse.angus:angus-mail:" + angus);
        Check.of(dir, "simplejavamail.properties", """
                simplejavamail.transportstrategy=SMTPS
                simplejavamail.smtp.host=localhost
                simplejavamail.smtp.port=465
                simplejavamail.smtp.username=app@example.com
                """).without("MP006").without("MP016");
        lockfile(dir.resolve("old-names"), "org.simplejavamail:simple-java-mail:8.12.6");
        Check old = Check.of(dir.resolve("old-names"), "simplejavamail.properties", """
                simplejavamail.transportstrategy=SMTP_SSL
                simplejavamail.smtp.host=localhost
                simplejavamail.smtp.port=465
                """);
        assertTrue(old.the("MP016").message().contains("did you mean SMTPS?"), old.the("MP016").message());
        // the 4.x name does not exist in 8.x: loading the configuration fails as the finding says
        assertTrue(assertThrowsIllegalArgument(() -> org.simplejavamail.api.mailer.config.TransportStrategy.valueOf("SMTP_SSL")));

        try (MiniSmtpServer impostor = MiniSmtpServer.implicitTls(TestPki.Identity.OTHER_HOST)) {
            org.simplejavamail.api.mailer.Mailer mailer = org.simplejavamail.mailer.MailerBuilder
                    .withSMTPServer("localhost", impostor.port(), "app@example.com", PASSWORD)
                    .withTransportStrategy(org.simplejavamail.api.mailer.config.TransportStrategy.SMTPS)
                    .buildMailer();
            Session session = mailer.getSession();
            Properties props = session.getProperties();
            assertEquals("true", String.valueOf(props.get("mail.smtps.ssl.checkserveridentity")),
                    "Simple Java Mail 8 writes the identity check itself: " + props);
            props.put("mail.smtps.ssl.socketFactory", TestPki.get().trustingTestCa());
            props.put("mail.smtps.socketFactory.fallback", "false"); // see javaxProperties
            Throwable failure = Wire.fails(() -> {
                Transport t = session.getTransport();
                t.connect("localhost", impostor.port(), "app@example.com", PASSWORD);
                t.close();
            });
            assertTrue(Wire.chain(failure).contains("No subject alternative DNS name matching localhost found"), Wire.chain(failure));
            assertTrue(MiniSmtpServer.await(() -> impostor.connections().get(0).finished));
            assertNull(impostor.connections().get(0).authPassword);
        }
    }

    private static boolean assertThrowsIllegalArgument(Runnable r) {
        try {
            r.run();
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** A gradle.lockfile naming these artifacts on the runtime class path. */
    static void lockfile(Path dir, String... coordinates) throws Exception {
        StringBuilder s = new StringBuilder("# This is a Gradle generated file for dependency locking.\n");
        for (String c : coordinates) s.append(c).append("=compileClasspath,runtimeClasspath\n");
        s.append("empty=annotationProcessor\n");
        Files.createDirectories(dir);
        Files.write(dir.resolve("gradle.lockfile"), s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The jars under target/runtime-truth-libs, over the platform class loader only (not the test class path). */
    static URLClassLoader loader(String... jars) throws Exception {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            Path jar = LIBS.resolve(jars[i]);
            assertTrue(Files.isRegularFile(jar), jar + " is missing: the POM copies it in generate-test-resources");
            urls[i] = jar.toUri().toURL();
        }
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    static Properties javaxProperties(boolean checkIdentity) {
        Properties p = new Properties();
        p.put("mail.smtps.auth", "true");
        p.put("mail.smtps.connectiontimeout", "5000");
        p.put("mail.smtps.timeout", "5000");
        p.put("mail.smtps.ssl.socketFactory", TestPki.get().trustingTestCa());
        // after a failed handshake through that factory the library retries with the JVM's default one (fallback,
        // default true): a different trust store here, so the retry's error would hide the real one
        p.put("mail.smtps.socketFactory.fallback", "false");
        if (checkIdentity) p.put("mail.smtps.ssl.checkserveridentity", "true");
        return p;
    }

    /** {@code Session.getInstance(p).getTransport("smtps").connect(...)} of the javax.mail in that loader. */
    static Object javaxConnect(ClassLoader cl, Properties p, int port) throws Exception {
        Class<?> session = cl.loadClass("javax.mail.Session");
        Object s = session.getMethod("getInstance", Properties.class).invoke(null, p);
        Object t = session.getMethod("getTransport", String.class).invoke(s, "smtps");
        connect(t, port);
        return t;
    }

    /**
     * The session a Simple Java Mail 4.2.3 {@code Mailer} builds for the strategy, with the test CA trusted (the only
     * addition), and its transport connected as the mailer does.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object sjm4Connect(ClassLoader cl, String strategy, int port) throws Exception {
        Class<? extends Enum> ts = (Class<? extends Enum>) cl.loadClass("org.simplejavamail.mailer.config.TransportStrategy");
        Class<?> mailerClass = cl.loadClass("org.simplejavamail.mailer.Mailer");
        Object mailer = mailerClass.getConstructor(String.class, Integer.class, String.class, String.class, ts)
                .newInstance("localhost", port, "app@example.com", PASSWORD, Enum.valueOf(ts, strategy));
        Object session = mailerClass.getMethod("getSession").invoke(mailer);
        Properties props = (Properties) session.getClass().getMethod("getProperties").invoke(session);
        String protocol = props.getProperty("mail.transport.protocol");
        props.put("mail." + protocol + ".ssl.socketFactory", TestPki.get().trustingTestCa());
        props.put("mail." + protocol + ".socketFactory.fallback", "false"); // see javaxProperties
        props.put("mail." + protocol + ".connectiontimeout", "5000");
        props.put("mail." + protocol + ".timeout", "5000");
        Object t = session.getClass().getMethod("getTransport").invoke(session);
        connect(t, port);
        return t;
    }

    private static void connect(Object transport, int port) throws Exception {
        transport.getClass().getMethod("connect", String.class, int.class, String.class, String.class)
                .invoke(transport, "localhost", port, "app@example.com", PASSWORD);
    }

    /** Runs with the loader as context class loader (JavaMail finds its providers through it); unwraps reflection. */
    static <T> T in(ClassLoader cl, Callable<T> step) throws Exception {
        Thread th = Thread.currentThread();
        ClassLoader old = th.getContextClassLoader();
        th.setContextClassLoader(cl);
        try {
            return step.call();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } finally {
            th.setContextClassLoader(old);
        }
    }

    /** The Angus Mail version on the test class path, from its jar's folder in the repository. */
    static String angusVersion() throws Exception {
        Path jar = Paths.get(org.eclipse.angus.mail.smtp.SMTPTransport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return jar.getParent().getFileName().toString();
    }
}
