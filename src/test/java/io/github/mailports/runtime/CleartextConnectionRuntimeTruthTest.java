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
 * MP001 cleartext-connection: "messages and credentials cross the network in cleartext". Shown against
 * GreenMail, a real SMTP server, with a recording proxy in between: the wire carries the password and the
 * message body readable.
 */
class CleartextConnectionRuntimeTruthTest {
    static final String BODY = "MP001 confidential body 4711";

    static final String CLEARTEXT = """
            spring:
              mail:
                host: smtp.example.com
                port: 587
                username: alice
                password: alice-s3cret-pw
                properties:
                  mail.smtp.auth: true
            """;

    static final String STARTTLS_REQUIRED = """
            spring:
              mail:
                host: smtp.example.com
                port: 587
                username: alice
                password: alice-s3cret-pw
                properties:
                  mail.smtp.auth: true
                  mail.smtp.starttls.required: true
            """;

    static final String IMPLICIT_TLS = """
            spring:
              mail:
                host: smtp.example.com
                port: 465
                username: alice
                password: alice-s3cret-pw
                properties:
                  mail.smtp.auth: true
                  mail.smtp.ssl.enable: true
            """;

    @Test
    void mp001_passwordAndMessageCrossTheWireReadable(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", CLEARTEXT);
        Finding f = check.the("MP001");
        assertEquals(Severity.ERROR, f.severity());

        try (LocalGreenMail mail = LocalGreenMail.start("smtp");
             RecordingProxy wire = RecordingProxy.transparent(mail.port("smtp"))) {
            FrameworkSession fs = check.springBoot();
            Transport t = fs.connectTransport(wire.port());
            try {
                Wire.send(t, fs.session(wire.port()), BODY);
            } finally {
                FrameworkSession.closeQuietly(t);
            }
            assertTrue(mail.greenMail().waitForIncomingEmail(5000, 1), "GreenMail received the message");
            RecordingProxy.Relay relay = wire.relays().get(0);
            Wire.assertCleartextPassword(LocalGreenMail.PASSWORD, relay);
            assertTrue(relay.clientText().contains(BODY), "the body crossed the wire readable");
        }
    }

    @Test
    void mp001_requiredStartTlsRefusesTheSameCleartextServer(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", STARTTLS_REQUIRED).without("MP001").without("MP002");
        try (LocalGreenMail mail = LocalGreenMail.start("smtp");
             RecordingProxy wire = RecordingProxy.transparent(mail.port("smtp"))) {
            Throwable failure = Wire.fails(() -> check.springBoot().connectTransport(wire.port()));
            assertTrue(failure.getMessage().contains("STARTTLS is required but host does not support STARTTLS"),
                    Wire.chain(failure));
            Wire.assertNoCleartextPassword(LocalGreenMail.PASSWORD, LocalGreenMail.USER, wire.relays().get(0));
            assertEquals(0, mail.greenMail().getReceivedMessages().length);
        }
    }

    @Test
    void mp001_implicitTlsDeliversWithNothingReadableOnTheWire(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", IMPLICIT_TLS).without("MP001").without("MP003");
        try (LocalGreenMail mail = LocalGreenMail.start("smtps");
             RecordingProxy wire = RecordingProxy.transparent(mail.port("smtps"))) {
            FrameworkSession fs = check.springBoot().trustingTestCa();
            Transport t = fs.connectTransport(wire.port());
            try {
                Wire.send(t, fs.session(wire.port()), BODY);
            } finally {
                FrameworkSession.closeQuietly(t);
            }
            assertTrue(mail.greenMail().waitForIncomingEmail(5000, 1), "GreenMail received the message");
            RecordingProxy.Relay relay = wire.relays().get(0);
            assertTrue(relay.clientStartedWithTls(), "TLS from the first byte");
            Wire.assertNoCleartextPassword(LocalGreenMail.PASSWORD, LocalGreenMail.USER, relay);
            assertTrue(!relay.clientText().contains(BODY), "the body is not readable on the wire");
        }
    }
}
