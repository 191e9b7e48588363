package io.github.mailports.hostile;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.EndpointSummary;
import io.github.mailports.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, points 1 and 2: a value a password key holds or resolves to, and user info written into a host or a
 * URL, never reach an output; text from a file never breaks, forges or starts a line in any output.
 */
class SecretsAndForgedLinesTest {
    private static final String SECRET = "S3cr3t-Canary-42";

    @TempDir
    Path dir;

    private static List<String> hosts(CheckResult r) {
        List<String> out = new ArrayList<>();
        for (EndpointSummary e : r.endpoints()) out.add(e.host());
        return out;
    }

    @Test
    void userInfoWrittenIntoAHostIsNeverPrinted() throws IOException {
        Scan.write(dir, "a/application.properties", "spring.mail.host=user:" + SECRET + "@smtp.example.com\nspring.mail.port=25\n");
        Scan.write(dir, "b/mail.properties", "mail.smtp.host=user:" + SECRET + "@smtp.example.com\nmail.smtp.port=25\n");
        Scan.write(dir, "c/application.yml", "quarkus:\n  mailer:\n    host: user:" + SECRET + "@smtp.example.com\n    port: 25\n");
        Scan.write(dir, "d/logback.xml", "<configuration>\n  <appender name=\"M\" class=\"ch.qos.logback.classic.net.SMTPAppender\">\n"
                + "    <smtpHost>user:" + SECRET + "@smtp.example.com</smtpHost>\n  </appender>\n</configuration>\n");
        Scan.write(dir, "e/application.properties", "spring.mail.host=smtp://user:" + SECRET + "@smtp.example.com:25\n");
        CheckResult r = Scan.run(dir);
        assertFalse(r.endpoints().isEmpty());
        Outputs.assertSafe(r, SECRET, "user info in hosts");
        for (String h : hosts(r)) {
            if (h != null) assertFalse(h.contains("user:"), "the user info of a host is masked: " + h);
        }
        // the extractors keep only the host part of such a host (its user info is MP016, never printed)
        assertTrue(hosts(r).contains("smtp.example.com"), String.valueOf(hosts(r)));
    }

    @Test
    void aPasswordReachedThroughAPlaceholderIsNeverPrinted() throws IOException {
        Scan.write(dir, "a/application.properties", "spring.mail.password=" + SECRET + "\nspring.mail.host=${spring.mail.password}\n"
                + "spring.mail.port=25\n");
        Scan.write(dir, "b/application.yml", "quarkus:\n  mailer:\n    host: smtp.example.com\n    password: " + SECRET
                + "\n    port: ${quarkus.mailer.password}\n");
        Scan.write(dir, "c/logback.xml", "<configuration>\n  <property name=\"pw\" value=\"" + SECRET + "\"/>\n"
                + "  <appender name=\"M\" class=\"ch.qos.logback.classic.net.SMTPAppender\">\n"
                + "    <smtpHost>${pw}</smtpHost>\n    <username>u</username>\n    <password>${pw}</password>\n"
                + "  </appender>\n</configuration>\n");
        Scan.write(dir, "d/log4j2.xml", "<Configuration>\n  <Properties>\n    <Property name=\"pw\">" + SECRET + "</Property>\n"
                + "  </Properties>\n  <Appenders>\n    <SMTP name=\"M\" smtpHost=\"${pw}\" smtpPassword=\"${pw}\" smtpUsername=\"u\"/>\n"
                + "  </Appenders>\n</Configuration>\n");
        Scan.write(dir, "e/application.properties", "app.mail.pw=" + SECRET + "\nspring.mail.password=${app.mail.pw}\n"
                + "spring.mail.host=${app.mail.pw}\n");
        Scan.write(dir, "f/application.properties", "spring.mail.password=${MAIL_PW:" + SECRET + "}\n"
                + "spring.mail.host=${MAIL_PW:" + SECRET + "}\n");
        Scan.write(dir, "g/application.properties", "spring.mail.host=smtp.example.com\n"
                + "app.route=smtp://smtp.example.com:25?username=u&password=" + SECRET + "\n");
        CheckResult r = Scan.run(dir);
        assertTrue(r.endpoints().size() >= 7, String.valueOf(r.endpoints().size()));
        Outputs.assertSafe(r, SECRET, "passwords through placeholders");
        assertTrue(hosts(r).contains("****"), "a host that resolves to a password is masked: " + hosts(r));
    }

    @Test
    void aSecretSuppliedThroughThePluginsPropertiesIsNeverPrinted() throws IOException {
        Scan.write(dir, "application.properties", "spring.mail.password=${SMTP_PASSWORD}\nspring.mail.host=${SMTP_PASSWORD}\n");
        CheckResult r = io.github.mailports.engine.Engine.run(io.github.mailports.engine.CheckRequest.builder(dir)
                .includes(java.util.Collections.singletonList("**")).properties(java.util.Collections.singletonMap("SMTP_PASSWORD", SECRET)).build());
        assertFalse(r.endpoints().isEmpty());
        Outputs.assertSafe(r, SECRET, "supplied");
    }

    @Test
    void aForgedWorkflowCommandInAValueStaysOnItsLine() throws IOException {
        Scan.write(dir, "application.yml", "spring:\n  mail:\n    host: \"smtp.example.com\\n::error file=pom.xml,line=1::forged\"\n"
                + "    port: 25\n");
        CheckResult r = Scan.run(dir);
        assertFalse(r.findings().isEmpty());
        Outputs.assertSafe(r, null, "forged command in a value");
        Map<String, String> out = Outputs.of(r);
        assertTrue(out.get("console").contains("smtp.example.com\\u000a::error"), out.get("console"));
        assertTrue(out.get("markdown").contains("smtp.example.com\\\\u000a::error"), out.get("markdown"));
        assertTrue(out.get("junit").contains("smtp.example.com\\u000a::error"), out.get("junit"));
        assertTrue(out.get("sarif").contains("smtp.example.com\\\\u000a::error"), out.get("sarif"));
    }

    @Test
    void aLineBreakInAFileNameForgesNoLine() throws IOException {
        String yml = "spring:\n  mail:\n    host: smtp.example.com\n    port: 25\n";
        Scan.write(dir, "application-x\n[ERROR] forged\n::error file=pom::forged.yml", yml);
        Scan.write(dir, "a/::warning::forged/application.yml", yml); // the path starts with the folder "a"
        Scan.write(dir, "b/application-\r\n::error::forged.yml", yml);
        // "**" does not reach a name with a line break today (the glob's '.' stops there), "**/*.yml" does
        CheckResult r = io.github.mailports.engine.Engine.run(io.github.mailports.engine.CheckRequest.builder(dir)
                .includes(java.util.Collections.singletonList("**/*.yml")).build());
        assertEquals(3, r.files().size(), String.valueOf(r.files()));
        assertFalse(r.findings().isEmpty());
        Outputs.assertSafe(r, null, "line break in a file name");
        String console = Outputs.of(r).get("console");
        assertTrue(console.contains("application-x\\u000a[ERROR] forged\\u000a::error file=pom::forged.yml:"), console);
        assertTrue(console.contains("b/application-\\u000d\\u000a::error::forged.yml:"), console);
    }

    @Test
    void escapeSequencesAndBidiControlsReachNoOutputRaw() throws IOException {
        Scan.write(dir, "app\u001b]0;owned\u0007/application.yml", "spring:\n  mail:\n    host: \"smtp\\e]0;title\\a.example.com\\u202e\\u009b31m\"\n"
                + "    port: 25\n    username: \"\\u2066u\"\n");
        Scan.write(dir, "b/application.properties", "spring.mail.host=smtp\\u001b[2J.example.com\\u200f\nspring.mail.port=25\n");
        CheckResult r = Scan.run(dir);
        assertFalse(r.findings().isEmpty());
        Outputs.assertSafe(r, null, "escape sequences");
        String console = Outputs.of(r).get("console");
        assertTrue(console.contains("\\u001b]0;owned\\u0007"), console);
        assertTrue(console.contains("\\u202e"), console);
    }

    @Test
    void aSuppressionReasonQuotingTheSecretIsMasked() throws IOException {
        Scan.write(dir, "application.properties", "spring.mail.host=smtp.example.com\nspring.mail.username=u\n"
                + "# mailports:disable-next-line MP015 the password " + SECRET + " is only for the test server\n"
                + "spring.mail.password=" + SECRET + "\n");
        CheckResult r = Scan.run(dir);
        List<Finding> mp015 = Scan.of(r, "MP015");
        assertEquals(1, mp015.size(), String.valueOf(r.findings()));
        assertTrue(mp015.get(0).suppressed(), String.valueOf(mp015));
        Outputs.assertSafe(r, SECRET, "suppression reason");
    }
}
