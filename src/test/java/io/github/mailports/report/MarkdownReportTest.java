package io.github.mailports.report;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.rules.Severity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportTest {
    @Test
    void headlineTotalsAndATableOfActiveFindings() throws Exception {
        CheckResult r = Results.sample();
        String md = MarkdownReport.render(r, Severity.WARNING, 42);
        assertTrue(md.startsWith("## mailports: failed\n\n"), md);
        assertTrue(md.contains(r.count(Severity.WARNING) + " warning"), md);
        assertTrue(md.contains("in 2 files (2 mail endpoints); 1 suppressed, 0 baselined. The build fails on WARNING and above."), md);
        assertTrue(md.contains("| file:line | rule | severity | message |\n|---|---|---|---|\n"), md);
        List<String> rows = Arrays.stream(md.split("\n")).filter(l -> l.startsWith("| `")).collect(Collectors.toList());
        assertEquals(r.findings().size(), rows.size(), md);
        String mp015 = rows.stream().filter(l -> l.contains("[MP015]")).findFirst().orElseThrow(AssertionError::new);
        assertTrue(mp015.startsWith("| `src/main/resources/application.yml:5` | [MP015](" + ToolInfo.ruleUri("MP015")
                + ") hardcoded-password | **warning** | "), mp015);
        assertTrue(md.contains("<details><summary>1 suppressed or baselined</summary>"), md);
        assertTrue(md.contains("error, suppressed |"), md);
        assertTrue(md.contains("(reason: the contract test double \\| listens &lt;plain&gt; on 465)"), md);
        assertTrue(md.contains("42 ms"), md);
    }

    @Test
    void passingAndCleanSummaries() throws Exception {
        String md = MarkdownReport.render(Results.check("mail.properties", Results.MAIL_PROPERTIES), Severity.ERROR, 0);
        assertTrue(md.startsWith("## mailports: passed\n\n0 errors, 0 warnings, 0 infos in 1 file"), md);
        assertTrue(md.contains("No mail configuration findings."), md);
        assertFalse(md.contains("<details>"), md);
        String none = MarkdownReport.render(Results.sample(), null, 0);
        assertTrue(none.startsWith("## mailports: passed"), none);
        assertTrue(none.contains("(`failOn=NONE`)"), none);
    }

    @Test
    void cellsCannotBreakTheTableOrInjectMarkup() {
        // a line break or a control character becomes a visible escape (a doubled backslash renders as one)
        assertEquals("a \\| b &lt;script&gt; \\*x\\* \\[l\\](u)\\\\u000ac\\\\u001b\\\\u202e",
                MarkdownReport.escape("a | b <script> *x* [l](u)\nc\u001b\u202e"));
    }

    @Test
    void neverWritesASecret() throws Exception {
        assertFalse(MarkdownReport.render(Results.sample(), Severity.INFO, 0).contains(Results.SECRET));
    }
}
