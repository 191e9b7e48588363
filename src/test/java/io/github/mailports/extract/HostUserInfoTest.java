package io.github.mailports.extract;

import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.EndpointSummary;
import io.github.mailports.engine.Engine;
import io.github.mailports.report.ConsoleReport;
import io.github.mailports.report.JsonReport;
import io.github.mailports.report.SarifReport;
import io.github.mailports.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * User information written into a host value (issue 13, point 1) in Quarkus, Logback, Log4j2, Simple Java Mail and
 * Thunderbird autoconfig:
 * one MP016 per host, and the password before the '@' appears in no finding, fix, endpoint or report.
 */
class HostUserInfoTest {
    private static final String SECRET = "Hq7Secret";

    @Test
    void a_host_with_user_info_is_invalid_and_never_printed(@TempDir Path dir) throws IOException {
        write(dir, "application.properties", "quarkus.mailer.host=alerts:" + SECRET + "@smtp.example.com\n"
                + "quarkus.mailer.port=465\nquarkus.mailer.tls=true\n");
        write(dir, "simplejavamail.properties", "simplejavamail.smtp.host=u:" + SECRET + "@smtp.example.com\n"
                + "simplejavamail.transportstrategy=SMTPS\n");
        write(dir, "logback.xml", "<configuration><appender name=\"M\" class=\"ch.qos.logback.classic.net.SMTPAppender\">"
                + "<smtpHost>smtp://u:" + SECRET + "@smtp.example.com:25</smtpHost><smtpPort>465</smtpPort><SSL>true</SSL>"
                + "</appender></configuration>\n");
        write(dir, "log4j2.xml", "<Configuration><Appenders><SMTP name=\"M\" to=\"a@example.com\" smtpProtocol=\"smtps\""
                + " smtpHost=\"u:" + SECRET + "@smtp.example.com\"/></Appenders></Configuration>\n");

        write(dir, "config-v1.1.xml", "<clientConfig version=\"1.1\"><emailProvider id=\"example.com\"><incomingServer"
                + " type=\"imap\"><hostname>u:" + SECRET + "@imap.example.com</hostname><port>993</port>"
                + "<socketType>SSL</socketType></incomingServer></emailProvider></clientConfig>\n");

        CheckResult result = Engine.run(CheckRequest.builder(dir)
                .includes(Collections.singletonList("**"))
                .excludes(Collections.<String>emptyList())
                .build());

        long invalid = result.findings().stream().filter(f -> f.ruleId().equals("MP016")).count();
        assertEquals(5, invalid, "one MP016 per host: " + result.findings());
        StringBuilder all = new StringBuilder();
        for (Finding f : result.findings()) {
            all.append(f).append('\n').append(f.fix()).append('\n').append(f.key()).append('\n').append(f.subject()).append('\n');
        }
        for (EndpointSummary e : result.endpoints()) all.append(e.id()).append(' ').append(e.host()).append('\n');
        for (ConsoleReport.Line line : ConsoleReport.render(result, 1)) all.append(line).append('\n');
        all.append(JsonReport.render(result, 1)).append(SarifReport.render(result));
        assertFalse(all.toString().contains(SECRET), "a password was printed:\n" + all);
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }
}
