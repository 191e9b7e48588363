package io.github.mailports.runtime;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Small shared steps: send a message, expect a bounded failure, look for a secret on the wire. */
final class Wire {
    static final String FROM = "app@example.com";
    static final String TO = "alice@example.com";

    private Wire() {
    }

    /** Sends a one-line text message over an already connected transport. */
    static void send(Transport t, Session s, String body) throws MessagingException {
        MimeMessage m = new MimeMessage(s);
        m.setFrom(new InternetAddress(FROM));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(TO));
        m.setSubject("runtime truth");
        m.setText(body, "US-ASCII");
        m.saveChanges();
        t.sendMessage(m, m.getAllRecipients());
    }

    /**
     * Runs the step, which must fail; returns the failure. Each caller asserts what the failure is (a certificate
     * refused, a handshake, a read timeout where that is the point): the cause, not the time it took, which a busy
     * machine stretches.
     */
    static Throwable fails(Executable step) {
        try {
            step.execute();
        } catch (Throwable t) {
            System.out.println("[runtime-truth] expected failure: " + chain(t));
            return t;
        }
        return fail("expected the connection to fail, but it succeeded");
    }

    /** Every class and message of a cause chain, for assertions and failure text. */
    static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        List<Throwable> seen = new ArrayList<>();
        for (Throwable c = t; c != null && !seen.contains(c) && seen.size() < 20; c = c.getCause()) {
            seen.add(c);
            if (sb.length() > 0) sb.append(" <- ");
            sb.append(c.getClass().getName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable c = t; c != null && !seen.contains(c) && seen.size() < 20; c = c.getCause()) {
            seen.add(c);
            if (type.isInstance(c)) return true;
        }
        return false;
    }

    /** Asserts the password crossed the wire readable: as is, or in the base64 of an AUTH exchange. */
    static void assertCleartextPassword(String password, RecordingProxy.Relay relay) {
        boolean plain = relay.clientText().contains(password);
        boolean inAuth = RecordingProxy.cleartextSmtpCredentials(relay.clientText()).stream()
                .anyMatch(c -> c.password().equals(password));
        assertTrue(plain || inAuth, "the password was not readable on the wire: " + relay.clientText());
    }

    /** Asserts the password appears nowhere on the wire, neither as is nor base64 encoded in any AUTH form. */
    static void assertNoCleartextPassword(String password, String user, RecordingProxy.Relay relay) {
        String wire = relay.clientText();
        assertFalse(wire.contains(password), "the password crossed the wire in cleartext");
        assertTrue(RecordingProxy.cleartextSmtpCredentials(wire).isEmpty(), "AUTH was sent in cleartext: " + wire);
        String b64Login = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
        String b64Plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
        assertFalse(wire.contains(b64Login) || wire.contains(b64Plain), "the password crossed the wire base64 encoded");
    }
}
