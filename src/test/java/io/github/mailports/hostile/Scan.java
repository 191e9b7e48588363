package io.github.mailports.hostile;

import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.report.ConsoleReport;
import io.github.mailports.report.BaselineReport;
import io.github.mailports.report.JsonReport;
import io.github.mailports.report.JunitReport;
import io.github.mailports.report.MarkdownReport;
import io.github.mailports.report.SarifReport;
import io.github.mailports.rules.Severity;
import io.github.mailports.rules.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Helpers for tests that run the real engine over a folder of files they write. */
final class Scan {
    private Scan() {
    }

    static Path write(Path dir, String rel, String text) throws IOException {
        return write(dir, rel, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String rel, byte[] bytes) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    static CheckResult run(Path dir) throws IOException {
        return Engine.run(CheckRequest.builder(dir).includes(Collections.singletonList("**"))
                .excludes(Collections.<String>emptyList()).build());
    }

    static List<Finding> of(CheckResult r, String ruleId) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.ruleId().equals(ruleId)) out.add(f);
        }
        return out;
    }

    /** Every text a user can see: console lines and every report format, plus each finding's toString. */
    static String allOutput(CheckResult r) {
        StringBuilder b = new StringBuilder();
        for (ConsoleReport.Line l : ConsoleReport.render(r, 0)) b.append(l.text()).append('\n');
        b.append(reports(r));
        for (Finding f : r.findings()) b.append(f).append('\n');
        return b.toString();
    }

    /** All file reports of a result, with durations fixed at 0 so two runs can be compared byte for byte. */
    static String reports(CheckResult r) {
        return JsonReport.render(r, 0) + SarifReport.render(r) + JunitReport.render(r, Severity.ERROR, 0)
                + MarkdownReport.render(r, Severity.ERROR, 0) + BaselineReport.render(r);
    }
}
