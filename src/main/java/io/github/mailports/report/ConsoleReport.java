package io.github.mailports.report;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The console output: one compiler-style line per active finding, so IDEs and CI link it, its fix and its
 * page, then a one-line summary. The caller prints each line at its level. Text from files is escaped
 * ({@link Text}): a line starts with the finding's path, {@code "  fix: "}, {@code "  see: "}, {@code "note: "} or
 * {@code "mailports: "}, never with text a file chose.
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

    public static List<Line> render(CheckResult result, long durationMs) {
        List<Line> out = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.suppressed() || f.baselined()) continue;
            Severity s = f.severity();
            // every line starts with the path or a fixed word, and no text from a file can break or forge a line
            out.add(new Line(s, Text.lineStart(f.location().toString()) + ": " + s.label() + ": [" + f.ruleId() + " "
                    + f.rule().name() + "] " + Text.escape(f.fullMessage())));
            if (f.fix() != null) out.add(new Line(s, "  fix: " + Text.escape(f.fix())));
            out.add(new Line(s, "  see: " + f.rule().docPath()));
        }
        for (String note : result.notes()) out.add(new Line(Severity.INFO, "note: " + Text.escape(note)));
        out.add(new Line(Severity.INFO, summary(result, durationMs)));
        return Collections.unmodifiableList(out);
    }

    static String summary(CheckResult r, long durationMs) {
        return "mailports: " + plural(r.files().size(), "file") + " read, " + plural(r.endpoints().size(), "endpoint")
                + " found: " + plural(r.count(Severity.ERROR), "error") + ", " + plural(r.count(Severity.WARNING), "warning")
                + ", " + plural(r.count(Severity.INFO), "info") + ", " + r.suppressedCount() + " suppressed, "
                + r.baselinedCount() + " baselined in " + durationMs + " ms";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
