package io.github.mailports.extract;

import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A password written in a mail URL, in Quarkus or in Simple Java Mail configuration is reported (MP015) but
 * never printed: not in a message, a fix, a key, an endpoint's host or id, nor in any report, however
 * oddly the URL is written (unencoded '@', '/', '?', '#' in the password, a numeric password that a
 * careless parser would take for a port, the password where the port belongs).
 */
class SecretsNeverPrintedTest {
    private static final String SECRET = "Zq9Secret";
    private static final String NUMERIC = "73914";

    @Test
    void passwords_in_urls_quarkus_and_simple_java_mail_are_reported_but_never_printed(@TempDir Path dir) throws IOException {
        write(dir, "application.properties",
                "a=imaps://reader:" + SECRET + "@imap.example.com/INBOX\n"
                + "b=smtp://user:" + SECRET + "#frag@smtp.example.com:25\n"
                + "c=smtp://user:" + NUMERIC + "#@smtp.example.com\n"
                + "d=smtp://user:" + NUMERIC + "@\n"
                + "e=smtp://user:" + SECRET + "/x@smtp.example.com\n"
                + "f=smtp://user:" + SECRET + "?x@smtp.example.com\n"
                + "g=smtp://:" + SECRET + "@smtp.example.com\n"
                + "h=smtps://smtp.example.com?username=app&password=" + SECRET + "\n"
                + "i=smtps://smtp.example.com:" + SECRET + "\n"
                + "j=smtp://us@er:" + SECRET + "@ex@smtp.example.com:587\n"
                + "k=smtp:user:" + SECRET + "@smtp.example.com:25\n"
                + "l=pop3://user:" + NUMERIC + "\n"
                + "m=smtps://smtp.example.com?mail.smtps.ssl.trust=*&password=" + SECRET + "\n"
                + "quarkus.mailer.host=smtp.example.com\n"
                + "quarkus.mailer.password=" + SECRET + "\n");
        write(dir, "simplejavamail.properties",
                "simplejavamail.smtp.host=smtp.example.com\n"
                + "simplejavamail.smtp.password=" + SECRET + "\n");

        CheckResult result = Engine.run(CheckRequest.builder(dir)
                .includes(Collections.singletonList("**"))
                .excludes(Collections.<String>emptyList())
                .build());

        long passwords = result.findings().stream().filter(f -> f.ruleId().equals("MP015")).count();
        assertTrue(passwords >= 10, "MP015 reported for the literal passwords, got " + passwords);
        String text = Printed.all(result);
        assertFalse(text.contains(SECRET), "a password was printed:\n" + text);
        assertFalse(text.contains(NUMERIC), "a numeric password was printed:\n" + text);
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }
}
