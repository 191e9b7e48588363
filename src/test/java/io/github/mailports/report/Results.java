package io.github.mailports.report;

import io.github.mailports.engine.Baseline;
import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/** Check results for report tests, from configuration text given inline. */
final class Results {
    /** A password literal that must never appear in any output. */
    static final String SECRET = "s3cr3t-Hunter2-value";

    /** Suppressed MP003 on 465, an active MP014 and MP015 (the password literal), plus a clean second file. */
    static final String APPLICATION_YML = "spring:\n"
            + "  mail:\n"
            + "    host: smtp.example.com\n"
            + "    username: app\n"
            + "    password: " + SECRET + "\n"
            + "    # mailports:disable-next-line MP003 the contract test double | listens <plain> on 465\n"
            + "    port: 465\n"
            + "    properties:\n"
            + "      mail.smtp.starttls.enable: true\n"
            + "      mail.smtp.starttls.required: true\n";
    static final String MAIL_PROPERTIES = "mail.smtp.host=smtp.example.com\nmail.smtp.port=465\nmail.smtp.ssl.enable=true\n"
            + "mail.smtp.connectiontimeout=5000\nmail.smtp.timeout=5000\nmail.smtp.writetimeout=5000\n";

    private Results() {
    }

    /** Files as path, text, path, text... */
    static CheckResult check(String... pathsAndTexts) throws Exception {
        return check(Baseline.none(), pathsAndTexts);
    }

    static CheckResult check(Baseline baseline, String... pathsAndTexts) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return Engine.run(CheckRequest.builder(Paths.get(".")).baseline(baseline).build(), files);
    }

    static CheckResult sample() throws Exception {
        return check("src/main/resources/application.yml", APPLICATION_YML, "src/main/resources/mail.properties", MAIL_PROPERTIES);
    }
}
