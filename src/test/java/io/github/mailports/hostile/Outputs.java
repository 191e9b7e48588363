package io.github.mailports.hostile;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.config.JsonTree;
import io.github.mailports.report.BaselineReport;
import io.github.mailports.report.ConsoleReport;
import io.github.mailports.report.JsonReport;
import io.github.mailports.report.JunitReport;
import io.github.mailports.report.MarkdownReport;
import io.github.mailports.report.SarifReport;
import io.github.mailports.rules.Severity;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/** Every output a user or a CI system sees, by name, and the checks every one of them must pass. */
final class Outputs {
    private Outputs() {
    }

    /** console, json, sarif, junit, markdown and baseline output of a result (durations fixed at 0). */
    static Map<String, String> of(CheckResult r) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder console = new StringBuilder();
        for (ConsoleReport.Line l : ConsoleReport.render(r, 0)) console.append(l.text()).append('\n');
        out.put("console", console.toString());
        out.put("json", JsonReport.render(r, 0));
        out.put("sarif", SarifReport.render(r));
        out.put("junit", JunitReport.render(r, Severity.ERROR, 0));
        out.put("markdown", MarkdownReport.render(r, Severity.ERROR, 0));
        out.put("baseline", BaselineReport.render(r));
        return out;
    }

    /** Whether a character may not appear raw in any output (a line feed between lines is the only exception). */
    static boolean forbidden(char c) {
        return (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\u061C'
                || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * Fails unless every output is free of the canary, of raw control and bidi characters and of lines that start
     * with {@code ::} (a GitHub Actions command), every console line starts with a path or a fixed word, and the
     * JSON, SARIF, baseline and JUnit reports parse.
     */
    static void assertSafe(CheckResult r, String canary, String context) {
        for (Map.Entry<String, String> o : of(r).entrySet()) {
            String name = o.getKey();
            String text = o.getValue();
            if (canary != null && text.contains(canary)) fail(name + " holds the secret canary (" + context + "):\n" + text);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (forbidden(c)) fail(name + " holds a raw U+" + String.format("%04X", (int) c) + " at " + i + " (" + context + ")");
                if (Character.isSurrogate(c)) {
                    boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                            : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
                    if (!paired) fail(name + " holds a lone surrogate at " + i + " (" + context + ")");
                }
            }
            for (String line : text.split("\n", -1)) {
                if (line.startsWith("::") || line.startsWith("##")) {
                    if (!(name.equals("markdown") && line.startsWith("## mailports: "))) {
                        fail(name + " has a line that a CI runner could read as a command (" + context + "): " + line);
                    }
                }
                if (name.equals("console") && !line.isEmpty() && !consoleLineStart(line)) {
                    fail("a console line starts with text from a file (" + context + "): " + line);
                }
            }
            try {
                if (name.equals("json") || name.equals("sarif") || name.equals("baseline")) JsonTree.parse(text);
                if (name.equals("junit")) {
                    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
                }
            } catch (Exception e) {
                fail(name + " does not parse (" + context + "): " + e + "\n" + text, e);
            }
        }
    }

    /** A console line starts with a path (letters, digits, '.', '_', '/'), or "  fix: ", "  see: ", "note: ", "mailports: ". */
    private static boolean consoleLineStart(String line) {
        if (line.startsWith("  fix: ") || line.startsWith("  see: ") || line.startsWith("note: ") || line.startsWith("mailports: ")) {
            return true;
        }
        char c = line.charAt(0);
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '/';
    }
}
