package io.github.mailports.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The rule pages ({@code docs/rules/MPxxx.md}) as the plugin jar carries them: the build copies the folder to
 * {@code io/github/mailports/docs/rules/} on the class path, so reports can quote the one text that the catalog
 * test keeps in step with the registry, instead of a second, drifting copy in code. {@code mvn mailports:rule
 * -Drule=MP003} prints a page offline, and the console's {@code see:} line points there.
 */
public final class RuleDocs {
    static final String RESOURCE_DIR = "/io/github/mailports/docs/rules/";
    private static final ConcurrentMap<String, String> PAGES = new ConcurrentHashMap<>();

    private RuleDocs() {
    }

    /** The whole page, or null when the jar does not carry it. */
    public static String page(String ruleId) {
        String cached = PAGES.get(ruleId);
        if (cached != null) return cached.isEmpty() ? null : cached;
        String text = load(ruleId);
        PAGES.putIfAbsent(ruleId, text == null ? "" : text);
        return text;
    }

    /** The body of a {@code ## heading} section, trimmed, or null. */
    static String section(String page, String heading) {
        if (page == null) return null;
        String marker = "\n## " + heading + "\n";
        int at = page.indexOf(marker);
        if (at < 0) return null;
        int start = at + marker.length();
        int end = page.indexOf("\n## ", start);
        return page.substring(start, end < 0 ? page.length() : end).trim();
    }

    /** The first paragraph of a section, lines joined with spaces. */
    static String firstParagraph(String section) {
        if (section == null) return null;
        int end = section.indexOf("\n\n");
        return (end < 0 ? section : section.substring(0, end)).replaceAll("\\s*\n\\s*", " ").trim();
    }

    private static String load(String ruleId) {
        if (!ruleId.matches("MP\\d{3}")) return null;
        try (InputStream in = RuleDocs.class.getResourceAsStream(RESOURCE_DIR + ruleId + ".md")) {
            if (in == null) return null;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) out.write(buf, 0, n);
            return new String(out.toByteArray(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            return null;
        }
    }
}
