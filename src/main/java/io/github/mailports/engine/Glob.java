package io.github.mailports.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ant-style path patterns relative to the base directory, with {@code /}: {@code **} crosses folders,
 * {@code *} and {@code ?} stay within one name, {@code {a,b}} is either. Compiled once.
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    public static Glob of(String text) {
        String t = text.trim().replace('\\', '/');
        while (t.startsWith("./")) t = t.substring(2);
        if (t.endsWith("/")) t = t + "**";
        return new Glob(t, Pattern.compile(toRegex(t)));
    }

    /** Splits a comma-separated list into globs, skipping blanks. */
    public static List<Glob> list(List<String> texts) {
        List<Glob> out = new ArrayList<>();
        for (String t : texts) {
            for (String part : splitTopLevel(t)) {
                if (!part.trim().isEmpty()) out.add(of(part));
            }
        }
        return out;
    }

    /** Splits on commas outside braces. */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    public boolean matches(String relativePath) { return pattern.matcher(relativePath).matches(); }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    if (slashAfter) {
                        re.append("(?:.*/)?");
                        i += 2;
                    } else {
                        re.append(".*");
                        i += 1;
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '{') {
                depth++;
                re.append("(?:");
            } else if (c == '}' && depth > 0) {
                depth--;
                re.append(')');
            } else if (c == ',' && depth > 0) {
                re.append('|');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    @Override
    public String toString() { return text; }
}
