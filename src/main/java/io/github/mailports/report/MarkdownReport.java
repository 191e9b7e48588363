package io.github.mailports.report;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mailports-summary.md}: a short Markdown summary for a CI job summary ({@code $GITHUB_STEP_SUMMARY}) or a
 * pull request comment. A headline with the verdict and counts, a table of the active findings, most severe first
 * (file:line, rule, severity, message), and the suppressed and baselined ones in a collapsed section. Tables are cut at
 * {@value #MAX_ROWS} rows so the text stays far below the size limits of comments (65,536 characters on
 * GitHub). Only messages are quoted, and messages never hold a secret.
 */
public final class MarkdownReport {
    public static final String FILE_NAME = "mailports-summary.md";
    static final int MAX_ROWS = 100;

    private MarkdownReport() {
    }

    /** The summary; {@code failOn} null means nothing fails ({@code failOn=NONE}). */
    public static String render(CheckResult result, Severity failOn, long durationMs) {
        List<Finding> active = new ArrayList<>();
        List<Finding> accepted = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.suppressed() || f.baselined()) accepted.add(f);
            else active.add(f);
        }
        // most severe first (stable: file order within a severity), so the row cut never drops what fails the build
        active.sort((a, b) -> b.severity().compareTo(a.severity()));
        boolean fails = result.fails(failOn);
        StringBuilder b = new StringBuilder();
        b.append("## mailports: ").append(fails ? "failed" : "passed").append("\n\n");
        b.append(count(result.count(Severity.ERROR), "error")).append(", ")
                .append(count(result.count(Severity.WARNING), "warning")).append(", ")
                .append(count(result.count(Severity.INFO), "info")).append(" in ")
                .append(count(result.files().size(), "file")).append(" (")
                .append(count(result.endpoints().size(), "mail endpoint")).append("); ")
                .append(result.suppressedCount()).append(" suppressed, ").append(result.baselinedCount()).append(" baselined. ")
                .append(failOn == null ? "The build does not fail on findings (`failOn=NONE`)."
                        : "The build fails on " + failOn.name() + (failOn == Severity.ERROR ? "" : " and above") + ".")
                .append("\n\n");
        if (active.isEmpty()) {
            b.append("No mail configuration findings.\n");
        } else {
            table(b, active, failOn, false);
        }
        if (!accepted.isEmpty()) {
            b.append("\n<details><summary>").append(accepted.size()).append(" suppressed or baselined</summary>\n\n");
            table(b, accepted, failOn, true);
            b.append("\n</details>\n");
        }
        b.append("\n<sub>").append(ToolInfo.NAME).append(' ').append(escape(ToolInfo.version())).append(", ")
                .append(durationMs).append(" ms. Rule pages: ").append(ToolInfo.informationUri())
                .append("/tree/main/docs/rules</sub>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, List<Finding> findings, Severity failOn, boolean accepted) {
        b.append("| file:line | rule | severity | message |\n|---|---|---|---|\n");
        int rows = 0;
        for (Finding f : findings) {
            if (rows++ == MAX_ROWS) {
                b.append("\n").append(findings.size() - MAX_ROWS)
                        .append(" more; see mailports-report.json or mailports.sarif for all of them.\n");
                return;
            }
            String severity = f.severity().label();
            if (accepted) severity += f.suppressed() ? ", suppressed" : ", baselined";
            else if (failOn != null && f.severity().isAtLeast(failOn)) severity = "**" + severity + "**";
            String message = f.fullMessage();
            if (f.suppressed() && !f.suppressionReason().isEmpty()) message += " (reason: " + f.suppressionReason() + ")";
            b.append("| `").append(code(f.location().file() + ":" + f.location().line())).append("` | [")
                    .append(f.ruleId()).append("](").append(ToolInfo.ruleUri(f.ruleId())).append(") ")
                    .append(escape(f.rule().name())).append(" | ").append(severity).append(" | ")
                    .append(escape(message)).append(" |\n");
        }
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * Text in a table cell: no line breaks, no pipes, no HTML, no accidental emphasis or links; control and bidi
     * characters become visible escapes ({@link Text}), a backslash, u and four hexadecimal digits.
     */
    static String escape(String raw) {
        String s = Text.escape(raw);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '|': b.append("\\|"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '\r': break;
                case '\n': b.append(' '); break;
                case '\\': case '*': case '_': case '[': case ']': case '`': case '#': case '~':
                    b.append('\\').append(c);
                    break;
                default: b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.toString();
    }

    /**
     * Text inside a code span in a table: a backtick cannot be escaped there, a pipe is escaped as GFM allows;
     * control and bidi characters become visible escapes ({@link Text}).
     */
    private static String code(String s) {
        return Text.escape(s).replace('`', '\'').replace("|", "\\|");
    }
}
