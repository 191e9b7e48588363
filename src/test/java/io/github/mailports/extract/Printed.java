package io.github.mailports.extract;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.EndpointSummary;
import io.github.mailports.report.ConsoleReport;
import io.github.mailports.report.JsonReport;
import io.github.mailports.report.SarifReport;
import io.github.mailports.rules.Finding;

/** Everything a check prints: each finding with its fix, key and subject, each endpoint, and every report. */
final class Printed {
    private Printed() {
    }

    static String all(CheckResult result) {
        StringBuilder all = new StringBuilder();
        for (Finding f : result.findings()) {
            all.append(f).append('\n').append(f.fix()).append('\n').append(f.key()).append('\n').append(f.subject()).append('\n');
        }
        for (EndpointSummary e : result.endpoints()) {
            all.append(e.id()).append(' ').append(e.host()).append(' ').append(e.port()).append('\n');
        }
        for (ConsoleReport.Line line : ConsoleReport.render(result, 1)) all.append(line).append('\n');
        all.append(JsonReport.render(result, 1)).append(SarifReport.render(result));
        return all.toString();
    }
}
