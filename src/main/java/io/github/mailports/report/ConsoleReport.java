package io.github.mailports.report;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console output: one compiler-style line per active finding, so IDEs and CI link it, with its fix and the
 * command that prints its page, then a one-line summary with the counts per rule. The caller prints each line at
 * its level, with one log call per line. Text from files is escaped ({@link Text}): a line starts with the
 * finding's path, {@code "  fix: "}, {@code "  see: "}, {@code "note: "} or {@code "mailports: "}, never with
 * text a file chose.
 */
public final class ConsoleReport {
    /** One line to print and the level to print it at. */
    public static final class Line {
        private final Severity level;
        private final String text;

        Line(Severity level, String text) {
            this.level = level;
            this.text = text;
        }

        public Severity level() { return level; }
        public String text() { return text; }

        @Override
        public String toString() { return text; }
    }

    private ConsoleReport() {
    }

    /** Every active finding at its own severity, then the notes and the summary (paths relative to the base). */
    public static List<Line> render(CheckResult result, long durationMs) {
        return render(result, durationMs, null, true, "", null);
    }

    /**
     * The console lines. Each active finding is one line, to be printed with one log call so that a parallel build
     * never interleaves its parts: the compiler-style first line, its fix and the command that prints its rule page.
     * Findings at or above {@code failOn} are at ERROR level and always there, whatever {@code full} says (the log
     * must show what fails the build, also under {@code -q}); the others only when {@code full} (the {@code console}
     * format), at their own severity. Then the notes and the summary, at INFO. {@code pathPrefix} is put before
     * each path ({@code "module/"}), so that paths are relative to the folder Maven was started in; {@code project},
     * when not null, names the project in the summary.
     */
    public static List<Line> render(CheckResult result, long durationMs, Severity failOn, boolean full, String pathPrefix,
                                    String project) {
        List<Line> out = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.suppressed() || f.baselined()) continue;
            Severity s = f.severity();
            boolean fails = failOn != null && s.isAtLeast(failOn);
            if (!fails && !full) continue;
            // every line starts with the path or a fixed word, and no text from a file can break or forge a line
            StringBuilder text = new StringBuilder();
            text.append(Text.lineStart(pathPrefix + f.location())).append(": ").append(s.label()).append(": [")
                    .append(f.ruleId()).append(' ').append(f.rule().name()).append("] ").append(Text.escape(f.fullMessage()));
            if (f.fix() != null) text.append("\n  fix: ").append(Text.escape(f.fix()));
            text.append("\n  see: ").append(ruleCommand(f.ruleId()));
            out.add(new Line(fails ? Severity.ERROR : s, text.toString()));
        }
        for (String note : result.notes()) out.add(new Line(Severity.INFO, "note: " + Text.escape(note)));
        String summary = summary(result, durationMs);
        if (project != null) summary = "mailports: " + Text.escape(project) + ": " + summary.substring("mailports: ".length());
        out.add(new Line(Severity.INFO, summary));
        return Collections.unmodifiableList(out);
    }

    /** The command that prints a rule's page from the plugin itself, offline. */
    public static String ruleCommand(String ruleId) {
        return "mvn mailports:rule -Drule=" + ruleId;
    }

    static String summary(CheckResult r, long durationMs) {
        String perRule = perRule(r);
        return "mailports: " + plural(r.files().size(), "file") + " read, " + plural(r.endpoints().size(), "endpoint")
                + " found: " + plural(r.count(Severity.ERROR), "error") + ", " + plural(r.count(Severity.WARNING), "warning")
                + ", " + plural(r.count(Severity.INFO), "info") + ", " + r.suppressedCount() + " suppressed, "
                + r.baselinedCount() + " baselined in " + durationMs + " ms" + (perRule.isEmpty() ? "" : "; by rule: " + perRule);
    }

    /** The active findings per rule, e.g. {@code MP002 1, MP003 2}; empty when there are none. */
    public static String perRule(CheckResult r) {
        return perRule(r, null);
    }

    /** {@link #perRule(CheckResult)} for the findings at or above a severity (all when null). */
    public static String perRule(CheckResult r, Severity atLeast) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : r.findings()) {
            if (f.suppressed() || f.baselined() || (atLeast != null && !f.severity().isAtLeast(atLeast))) continue;
            counts.merge(f.ruleId(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (b.length() > 0) b.append(", ");
            b.append(e.getKey()).append(' ').append(e.getValue());
        }
        return b.toString();
    }

    /**
     * The failure message's counts, e.g. {@code 3 errors at or above ERROR in 2 files (MP002 1, MP003 2)}, or null
     * when nothing fails.
     */
    public static String failure(CheckResult r, Severity failOn) {
        if (failOn == null || !r.fails(failOn)) return null;
        int n = 0;
        java.util.Set<String> files = new java.util.TreeSet<>();
        for (Finding f : r.findings()) {
            if (f.suppressed() || f.baselined() || !f.severity().isAtLeast(failOn)) continue;
            n++;
            files.add(f.location().file());
        }
        return plural(n, failOn == Severity.ERROR ? "error" : "finding") + " at or above " + failOn.name() + " in "
                + plural(files.size(), "file") + " (" + perRule(r, failOn) + ")";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
