package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MP003 implicit-tls-port-without-tls: "465 expects TLS from the first byte: the handshake fails or hangs".
 * A plain (or STARTTLS) client waits for the server's greeting while the server waits for the TLS
 * ClientHello: with the library's default infinite timeouts it hangs; with a read timeout it fails.
 */
class ImplicitTlsPortWithoutTlsRuntimeTruthTest {
    static final String SMTP_465_STARTTLS = """
            spring:
              mail:
                host: smtp.example.com
                port: 465
                username: alice
                password: alice-s3cret-pw
                properties:
                  mail.smtp.starttls.enable: true
                  mail.smtp.starttls.required: true
            """;

    static final String SMTP_465_SSL = """
            spring:
              mail:
                host: smtp.example.com
                port: 465
                username: alice
                password: alice-s3cret-pw
                properties:
                  mail.smtp.ssl.enable: true
            """;

    static final String IMAP_993_PLAIN = """
            mail.store.protocol=imap
            mail.imap.host=imap.example.com
            mail.imap.port=993
            mail.imap.user=alice
            mail.imap.password=alice-s3cret-pw
            """;

    static final String IMAP_993_SSL = IMAP_993_PLAIN + "mail.imap.ssl.enable=true\n";

    static final String POP3_995_PLAIN = """
            mail.store.protocol=pop3
            mail.pop3.host=pop.example.com
            mail.pop3.port=995
            mail.pop3.user=alice
            mail.pop3.password=alice-s3cret-pw
            """;

    @Test
    void mp003_startTlsClientOnSmtpsPortFailsOnlyThroughTheReadTimeout(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", SMTP_465_STARTTLS);
        Finding f = check.the("MP003");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("the handshake fails or hangs"), f.message());

        try (LocalGreenMail mail = LocalGreenMail.start("smtps")) {
            FrameworkSession fs = check.springBoot().timeouts(1000);
            Throwable failure = Wire.fails(() -> fs.connectTransport(mail.port("smtps")));
            assertTrue(Wire.causedBy(failure, SocketTimeoutException.class),
                    "it waited for a greeting that never came: " + Wire.chain(failure));
        }
    }

    @Test
    void mp003_withTheDefaultInfiniteTimeoutTheClientHangs(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", SMTP_465_STARTTLS);
        check.the("MP003");
        ExecutorService exec = Executors.newSingleThreadExecutor();
        try (MiniSmtpServer server = MiniSmtpServer.implicitTls(TestPki.Identity.LOCALHOST)) {
            FrameworkSession fs = check.springBoot().timeouts(0); // as configured: no timeouts at all
            Future<Transport> connect = exec.submit(() -> fs.connectTransport(server.port()));
            Thread.sleep(2000); // a busy machine only makes the client wait longer: this can only pass more easily, not fail
            assertFalse(connect.isDone(), "after 2 s the client still waits for the greeting");
            assertTrue(MiniSmtpServer.await(() -> server.connections().size() == 1));
            assertTrue(server.connections().get(0).commands.isEmpty(), "nothing was said");
            server.close(); // the server gives up: only then does the client learn anything
            Throwable failure = assertThrows(Exception.class, () -> connect.get(MiniSmtpServer.HANG_GUARD_MS, TimeUnit.MILLISECONDS));
            assertTrue(Wire.chain(failure).contains("Got bad greeting from SMTP host"), Wire.chain(failure));
        } finally {
            exec.shutdownNow();
        }
    }

    @Test
    void mp003_plainImapClientOnImapsPortFails(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "mail.properties", IMAP_993_PLAIN);
        check.the("MP003");
        try (LocalGreenMail mail = LocalGreenMail.start("imaps")) {
            FrameworkSession fs = check.jakartaMail("imap").timeouts(1000);
            Throwable failure = Wire.fails(() -> fs.connectStore(mail.port("imaps")).close());
            assertTrue(Wire.causedBy(failure, SocketTimeoutException.class), Wire.chain(failure));
        }
    }

    @Test
    void mp003_plainPop3ClientOnPop3sPortFails(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "mail.properties", POP3_995_PLAIN);
        check.the("MP003");
        try (LocalGreenMail mail = LocalGreenMail.start("pop3s")) {
            FrameworkSession fs = check.jakartaMail("pop3").timeouts(1000);
            Throwable failure = Wire.fails(() -> fs.connectStore(mail.port("pop3s")).close());
            // Angus' POP3 store reports the read timeout as an AuthenticationFailedException with its text
            assertTrue(Wire.causedBy(failure, SocketTimeoutException.class) || Wire.chain(failure).contains("Read timed out"),
                    Wire.chain(failure));
        }
    }

    @Test
    void mp003_sslEnabledOnSmtpsPortConnects(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", SMTP_465_SSL).without("MP003");
        try (LocalGreenMail mail = LocalGreenMail.start("smtps")) {
            Transport t = check.springBoot().trustingTestCa().connectTransport(mail.port("smtps"));
            assertTrue(t.isConnected());
            FrameworkSession.closeQuietly(t);
        }
    }

    @Test
    void mp003_sslEnabledImapOnImapsPortConnects(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "mail.properties", IMAP_993_SSL).without("MP003");
        try (LocalGreenMail mail = LocalGreenMail.start("imaps")) {
            Store s = check.jakartaMail("imap").trustingTestCa().connectStore(mail.port("imaps"));
            try {
                Folder inbox = s.getFolder("INBOX");
                assertTrue(inbox.exists(), "logged in over TLS and saw the INBOX");
            } finally {
                s.close();
            }
        }
    }
}
