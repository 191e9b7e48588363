package io.github.mailports.runtime;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real mail server (GreenMail) on 127.0.0.1, on ephemeral ports, with one user. Its TLS services present
 * the {@link TestPki.Identity#LOCALHOST} certificate issued by the test CA: GreenMail reads its key store once
 * per JVM from the {@code greenmail.tls.keystore.file} system property, which is set only for that first
 * read and then restored.
 */
final class LocalGreenMail implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "alice-s3cret-pw";
    static final String EMAIL = "alice@example.com";
    private static boolean keyStoreReady;

    private final GreenMail greenMail;

    private LocalGreenMail(String... protocols) {
        useTestCertificate();
        ServerSetup[] setups = new ServerSetup[protocols.length];
        for (int i = 0; i < protocols.length; i++) {
            ServerSetup s = new ServerSetup(0, "127.0.0.1", protocols[i]);
            s.setServerStartupTimeout(5000);
            setups[i] = s;
        }
        greenMail = new GreenMail(setups);
        greenMail.start();
        greenMail.setUser(EMAIL, USER, PASSWORD);
    }

    /** Starts the given services ({@code smtp}, {@code smtps}, {@code imap}, {@code imaps}, {@code pop3}, {@code pop3s}). */
    static LocalGreenMail start(String... protocols) {
        return new LocalGreenMail(protocols);
    }

    GreenMail greenMail() { return greenMail; }

    int port(String protocol) {
        switch (protocol) {
            case "smtp": return greenMail.getSmtp().getPort();
            case "smtps": return greenMail.getSmtps().getPort();
            case "imap": return greenMail.getImap().getPort();
            case "imaps": return greenMail.getImaps().getPort();
            case "pop3": return greenMail.getPop3().getPort();
            case "pop3s": return greenMail.getPop3s().getPort();
            default: throw new IllegalArgumentException(protocol);
        }
    }

    private static synchronized void useTestCertificate() {
        if (keyStoreReady) return;
        String fileKey = DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY;
        String passKey = DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY;
        String oldFile = System.getProperty(fileKey);
        String oldPass = System.getProperty(passKey);
        try {
            Path ks = Files.createTempFile("greenmail-test-", ".p12");
            ks.toFile().deleteOnExit();
            TestPki.get().writeKeyStore(TestPki.Identity.LOCALHOST, ks);
            System.setProperty(fileKey, ks.toString());
            System.setProperty(passKey, new String(TestPki.PASSWORD));
            DummySSLServerSocketFactory.getDefault(); // read once, kept for the JVM
            keyStoreReady = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            restore(fileKey, oldFile);
            restore(passKey, oldPass);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
