package io.github.mailports.report;

import io.github.mailports.engine.Baseline;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.config.JsonTree;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineReportTest {
    @Test
    void aRecordedBaselineAcceptsEveryActiveFindingAndNothingElse() throws Exception {
        CheckResult before = Results.sample();
        String json = BaselineReport.render(before);
        Baseline b = Baseline.parse(json, "mailports-baseline.json");
        assertEquals(before.findings().size() - before.suppressedCount(), b.entries().size());

        CheckResult after = Results.check(b, "src/main/resources/application.yml", Results.APPLICATION_YML,
                "src/main/resources/mail.properties", Results.MAIL_PROPERTIES);
        for (Finding f : after.findings()) assertTrue(f.suppressed() || f.baselined(), f.toString());
        assertFalse(after.fails(Severity.INFO));
        assertTrue(after.notes().isEmpty(), after.notes().toString());

        String withNew = Results.MAIL_PROPERTIES.replace("mail.smtp.ssl.enable=true", "mail.smtp.ssl.enable=true\nmail.smtp.ssl.trust=*");
        CheckResult next = Results.check(b, "src/main/resources/application.yml", Results.APPLICATION_YML,
                "src/main/resources/mail.properties", withNew);
        assertTrue(next.fails(Severity.ERROR), "a new finding fails: " + next.findings());
    }

    @Test
    void theFileIsDeterministicRelativeAndWithoutLines() throws Exception {
        String a = BaselineReport.render(Results.sample());
        String moved = Results.APPLICATION_YML.replace("    password:", "\n\n    password:");
        String b = BaselineReport.render(Results.check("src/main/resources/application.yml", moved,
                "src/main/resources/mail.properties", Results.MAIL_PROPERTIES));
        assertEquals(a, b, "unrelated edits must not change the baseline");
        assertFalse(a.contains("\"line\""));
        assertFalse(a.contains("\\\\"), "no backslashes in paths");
        assertFalse(a.contains(Results.SECRET));
        JsonTree.Node root = JsonTree.parse(a);
        assertEquals("1", root.object().get("version").value().toString());
        for (JsonTree.Node n : root.object().get("findings").array()) {
            assertFalse(n.object().get("file").string().startsWith("/"));
        }
    }
}
