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
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: user information written into a host value ({@code user:S3cr3t@smtp.example.com}, a whole
 * {@code smtp://user:pw@host:25} URL) is no host name the library can use (MP016), and the password in it is
 * printed nowhere: not in a message, a fix, an endpoint's host, nor in any report.
 */
class HostWithUserInfoTest {
    private static final String SECRET = "S3cr3tHost7";

    @Test
    void hostWithUserInfoIsInvalidAndNeverPrinted(@TempDir Path dir) throws IOException {
        write(dir, "application.properties", "spring.mail.host=user:" + SECRET + "@smtp.example.com\n"
                + "spring.mail.port=465\n"
                + "spring.mail.properties.mail.smtp.ssl.enable=true\n");
        write(dir, "mail.properties", "mail.smtp.host=smtp://user:" + SECRET + "@smtp.example.com:25\n"
                + "mail.smtp.port=587\n"
                + "mail.smtp.starttls.required=true\n"
                + "mail.imap.host=user:" + SECRET + "@imap.example.com\n"
                + "mail.imap.ssl.enable=true\n");
        CheckResult result = Engine.run(CheckRequest.builder(dir)
                .includes(Collections.singletonList("**"))
                .excludes(Collections.<String>emptyList())
                .build());

        List<String> invalid = result.findings().stream().filter(f -> f.ruleId().equals("MP016"))
                .map(f -> f.location().file() + ":" + f.location().line()).sorted().collect(Collectors.toList());
        assertEquals(List.of("application.properties:1", "mail.properties:1", "mail.properties:4"), invalid);
        assertTrue(result.findings().stream().noneMatch(f -> f.subject().startsWith("url:")),
                "a URL written as a host is no mail URL endpoint: " + result.findings());

        String text = Printed.all(result);
        assertFalse(text.contains(SECRET), "a password was printed:\n" + text);
        assertTrue(text.contains("smtp.example.com"), "the host part is kept:\n" + text);
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }
}
