package io.github.mailports.engine;

import io.github.mailports.model.SourceLocation;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Rules;
import io.github.mailports.rules.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bound on what one file adds to the reports: at most {@link Engine#MAX_FINDINGS_PER_FILE} findings and as
 * many endpoints per file. A file with more keeps its most severe active findings (then suppressed and baselined
 * ones) and gets one more finding, at line 1, that counts what was left out by severity.
 *
 * <p>That finding is reported as MP900 at INFO. MP900 is the rule for "this file could not be fully checked"
 * (a parse error, a file too large); a cut report is the same kind of news, about the same file, and needs no new
 * rule id in the catalog, the SARIF driver or the baseline format. It is INFO, not ERROR, so it never fails a build
 * by itself: the verdict stays the same because the most severe active findings are always among those kept. It
 * is created after rule overrides, suppressions and the baseline, so it is always reported.
 *
 * <p>Cost: one pass to group by file, and a sort of the findings of each file that is over the bound.
 */
final class Limits {
    private static final Comparator<Finding> MOST_SEVERE_FIRST = (a, b) -> {
        int c = Boolean.compare(inactive(a), inactive(b));
        if (c != 0) return c;
        c = b.severity().compareTo(a.severity());
        return c != 0 ? c : a.compareTo(b);
    };

    private Limits() {
    }

    private static boolean inactive(Finding f) { return f.suppressed() || f.baselined(); }

    static CheckResult apply(List<Finding> findings, List<EndpointSummary> endpoints, List<String> read,
                             List<String> notes) {
        return apply(findings, endpoints, read, notes, Engine.MAX_FINDINGS_PER_FILE);
    }

    static CheckResult apply(List<Finding> findings, List<EndpointSummary> endpoints, List<String> read,
                             List<String> notes, int max) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Finding f : findings) byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
        Map<String, List<EndpointSummary>> endpointsByFile = new LinkedHashMap<>();
        for (EndpointSummary e : endpoints) endpointsByFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
        boolean over = false;
        for (List<Finding> l : byFile.values()) over |= l.size() > max;
        for (List<EndpointSummary> l : endpointsByFile.values()) over |= l.size() > max;
        if (!over) return new CheckResult(findings, endpoints, read, notes);

        Map<String, int[]> leftOut = new LinkedHashMap<>(); // file: errors, warnings, infos, inactive, endpoints
        List<Finding> keptFindings = new ArrayList<>(findings.size());
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            List<Finding> l = e.getValue();
            if (l.size() <= max) {
                keptFindings.addAll(l);
                continue;
            }
            List<Finding> sorted = new ArrayList<>(l);
            Collections.sort(sorted, MOST_SEVERE_FIRST);
            keptFindings.addAll(sorted.subList(0, max));
            int[] counts = leftOut.computeIfAbsent(e.getKey(), k -> new int[5]);
            for (Finding f : sorted.subList(max, sorted.size())) {
                if (inactive(f)) counts[3]++;
                else if (f.severity() == Severity.ERROR) counts[0]++;
                else if (f.severity() == Severity.WARNING) counts[1]++;
                else counts[2]++;
            }
        }
        List<EndpointSummary> keptEndpoints = new ArrayList<>(endpoints.size());
        for (Map.Entry<String, List<EndpointSummary>> e : endpointsByFile.entrySet()) {
            List<EndpointSummary> l = e.getValue();
            if (l.size() <= max) {
                keptEndpoints.addAll(l);
                continue;
            }
            List<EndpointSummary> sorted = new ArrayList<>(l);
            Collections.sort(sorted);
            keptEndpoints.addAll(sorted.subList(0, max));
            leftOut.computeIfAbsent(e.getKey(), k -> new int[5])[4] += l.size() - max;
        }
        for (Map.Entry<String, int[]> e : leftOut.entrySet()) keptFindings.add(note(e.getKey(), e.getValue(), max));
        return new CheckResult(keptFindings, keptEndpoints, read, notes);
    }

    private static Finding note(String file, int[] c, int max) {
        int findings = c[0] + c[1] + c[2] + c[3];
        StringBuilder m = new StringBuilder(file).append(" gave more than ").append(max).append(" findings or endpoints;");
        if (findings > 0) {
            m.append(' ').append(findings).append(findings == 1 ? " finding was" : " findings were").append(" left out of the reports (")
                    .append(c[0]).append(" errors, ").append(c[1]).append(" warnings, ").append(c[2]).append(" infos, ")
                    .append(c[3]).append(" suppressed or baselined)");
        }
        if (c[4] > 0) {
            m.append(findings > 0 ? " and " : " ").append(c[4]).append(c[4] == 1 ? " endpoint was" : " endpoints were")
                    .append(findings > 0 ? "" : " left out of the reports");
        }
        m.append("; the ").append(max).append(" most severe findings are reported");
        return Finding.of(Rules.PARSE_ERROR, Severity.INFO, SourceLocation.of(file, 1, 1), null, null,
                Collections.<String>emptyList(), m.toString(),
                "fix the findings reported and run again to see the others; at most " + max
                        + " findings and endpoints are reported per file, so that one file cannot blow the reports up");
    }
}
