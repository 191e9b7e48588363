package io.github.mailports.report;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code mailports-junit.xml}, for the test-report views of GitLab, Jenkins and others: one {@code testsuite} per
 * file read, one {@code testcase} per finding, with a {@code failure} for active findings at or above the
 * failure threshold; findings below it pass (their message in {@code system-out}), suppressed and baselined ones
 * are {@code skipped} with the reason. A file without findings has one passing test case, so the report shows
 * every file that was checked. Test names are unique within a suite (GitLab drops duplicates).
 */
public final class JunitReport {
    public static final String FILE_NAME = "mailports-junit.xml";

    private JunitReport() {
    }

    /**
     * The report. {@code failOn} is the lowest severity that fails (null: nothing fails, as with
     * {@code failOn=NONE}); {@code durationMs} is the time of the whole check.
     */
    public static String render(CheckResult result, Severity failOn, long durationMs) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (String f : result.files()) byFile.put(f, new ArrayList<Finding>());
        for (Finding f : result.findings()) byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);

        StringBuilder suites = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            String file = e.getKey();
            List<Finding> findings = e.getValue();
            StringBuilder cases = new StringBuilder();
            int suiteFailures = 0;
            int suiteSkipped = 0;
            Set<String> names = new HashSet<>();
            Map<String, Integer> nextSuffix = new HashMap<>();
            if (findings.isEmpty()) {
                cases.append("    <testcase name=\"no mail findings\" classname=\"").append(attr(file)).append("\" time=\"0\"/>\n");
            }
            for (Finding f : findings) {
                String name = unique(names, nextSuffix, f.ruleId() + " " + f.rule().name() + " at line " + f.location().line()
                        + ", column " + f.location().column() + (f.key() != null ? " (" + f.key() + ")" : ""));
                cases.append("    <testcase name=\"").append(attr(name)).append("\" classname=\"").append(attr(file))
                        .append("\" file=\"").append(attr(file)).append("\" line=\"").append(f.location().line())
                        .append("\" time=\"0\">\n");
                // the only raw line breaks are the ones between these parts: file text is escaped (Text)
                String detail = Text.lineStart(f.location().toString()) + ": " + f.severity().label() + ": [" + f.ruleId()
                        + " " + f.rule().name() + "] " + Text.escape(f.fullMessage())
                        + (f.fix() != null ? "\nfix: " + Text.escape(f.fix()) : "") + "\nsee: " + f.rule().docPath();
                if (f.suppressed()) {
                    suiteSkipped++;
                    cases.append("      <skipped message=\"").append(attr("suppressed"
                            + (f.suppressionReason().isEmpty() ? "" : ": " + f.suppressionReason()))).append("\"/>\n");
                } else if (f.baselined()) {
                    suiteSkipped++;
                    cases.append("      <skipped message=\"baselined: recorded in the baseline file\"/>\n");
                } else if (failOn != null && f.severity().isAtLeast(failOn)) {
                    suiteFailures++;
                    cases.append("      <failure message=\"").append(attr(f.fullMessage())).append("\" type=\"")
                            .append(f.ruleId()).append(' ').append(f.severity().name()).append("\">")
                            .append(text(detail)).append("</failure>\n");
                } else {
                    cases.append("      <system-out>").append(text(detail)).append("</system-out>\n");
                }
                cases.append("    </testcase>\n");
            }
            int suiteTests = Math.max(1, findings.size());
            suites.append("  <testsuite name=\"").append(attr(file)).append("\" tests=\"").append(suiteTests)
                    .append("\" failures=\"").append(suiteFailures).append("\" errors=\"0\" skipped=\"").append(suiteSkipped)
                    .append("\" time=\"0\">\n").append(cases).append("  </testsuite>\n");
            tests += suiteTests;
            failures += suiteFailures;
            skipped += suiteSkipped;
        }
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"").append(ToolInfo.NAME).append("\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"")
                .append(seconds(durationMs)).append("\">\n");
        b.append(suites);
        b.append("</testsuites>\n");
        return b.toString();
    }

    /**
     * The name, or the name with the next free {@code #n}: the counter per name resumes where it stopped, so n equal
     * names take n steps in all, not n squared.
     */
    static String unique(Set<String> names, Map<String, Integer> nextSuffix, String name) {
        if (names.add(name)) return name;
        int i = nextSuffix.getOrDefault(name, 2);
        String n = name + " #" + i;
        while (!names.add(n)) n = name + " #" + ++i;
        nextSuffix.put(name, i + 1);
        return n;
    }

    private static String seconds(long ms) {
        return (ms / 1000) + "." + String.format("%03d", ms % 1000);
    }

    /** Escapes an attribute value; control and bidi characters become visible escapes ({@link Text}). */
    static String attr(String raw) {
        String s = Text.escape(raw);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\n': b.append("&#10;"); break;
                case '\r': b.append("&#13;"); break;
                case '\t': b.append("&#9;"); break;
                default: b.append(legal(c) ? c : '\uFFFD');
            }
        }
        return b.toString();
    }

    /** Escapes element text (already escaped by {@link Text} but for the line breaks between its parts). */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '\n': b.append(c); break;
                case '\r': b.append("&#13;"); break;
                default: b.append(legal(c) ? c : '\uFFFD');
            }
        }
        return b.toString();
    }

    private static boolean legal(char c) {
        return c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
    }
}
