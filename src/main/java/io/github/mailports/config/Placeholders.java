package io.github.mailports.config;

import java.util.function.Function;

/**
 * Resolves {@code ${name}}, {@code ${name:default}} (Spring, Quarkus, nested) and Maven's {@code @name@}
 * in a value. What a static check can know: a value supplied for the name, else the placeholder's default.
 *
 * <p>A fill-in template token ({@link #templateToken}) is never resolved: a value such as
 * {@code {{SMTP_PORT}}} or {@code <SMTP_PORT>} is filled in by a deployment tool, so it is unresolved like a
 * {@code ${name}} without a value (MP017 where it decides the connection), not an invalid value.
 */
public final class Placeholders {
    private static final int MAX_DEPTH = 16;

    /** The outcome of resolving one value. */
    public static final class Result {
        private final String value;
        private final boolean placeholder;
        private final String unresolved;

        private Result(String value, boolean placeholder, String unresolved) {
            this.value = value;
            this.placeholder = placeholder;
            this.unresolved = unresolved;
        }

        /** The resolved text, or null when a placeholder had no value. */
        public String value() { return value; }
        /** Whether the raw text held any placeholder. */
        public boolean hadPlaceholder() { return placeholder; }
        /** The first name that had no value, or null. */
        public String unresolvedName() { return unresolved; }
        public boolean isResolved() { return unresolved == null; }
    }

    private Placeholders() {
    }

    /** Whether the text holds a placeholder of any syntax, a fill-in template token included. */
    public static boolean contains(String raw) {
        if (raw == null) return false;
        return raw.contains("${") || mavenStart(raw, 0) >= 0 || templateToken(raw) != null;
    }

    /** Longest {@code <name>} taken for a template token; a longer bracketed value is just text. */
    private static final int MAX_ANGLE_TOKEN = 64;

    /**
     * The name of the fill-in template token a value holds, or null. Two shapes, both filled in before the
     * application starts (Helm, Ansible/Jinja, Mustache, Go templates; the {@code <...>} of a README's
     * "replace this" sample), and neither a value a mail library can use:
     * <ul>
     *   <li>{@code {{ NAME }}} anywhere in the value ({@code smtp://{{HOST}}:{{PORT}}});</li>
     *   <li>the whole value (trimmed) in angle brackets, {@code <SMTP_PORT>}, {@code <your-smtp-host>}: at most
     *       {@value #MAX_ANGLE_TOKEN} characters inside, no {@code < > @ /} among them (so {@code <a@b.org>}
     *       and markup stay text).</li>
     * </ul>
     */
    public static String templateToken(String raw) {
        if (raw == null) return null;
        int open = raw.indexOf("{{");
        if (open >= 0) {
            int close = raw.indexOf("}}", open + 2);
            if (close >= 0) {
                String name = raw.substring(open + 2, close).trim();
                return name.isEmpty() ? "{{}}" : name;
            }
        }
        String v = raw.trim();
        int n = v.length();
        if (n < 3 || n > MAX_ANGLE_TOKEN + 2 || v.charAt(0) != '<' || v.charAt(n - 1) != '>') return null;
        for (int i = 1; i < n - 1; i++) {
            char c = v.charAt(i);
            if (c == '<' || c == '>' || c == '@' || c == '/' || Character.isISOControl(c)) return null;
        }
        String name = v.substring(1, n - 1).trim();
        return name.isEmpty() ? null : name;
    }

    /**
     * Resolves {@code raw}. {@code lookup} answers a {@code ${name}} (null when unknown); {@code maven}
     * answers an {@code @name@} (null when unknown).
     */
    public static Result resolve(String raw, Function<String, String> lookup, Function<String, String> maven) {
        if (raw == null) return new Result(null, false, null);
        if (!contains(raw)) return new Result(raw, false, null);
        String token = templateToken(raw);
        if (token != null) return new Result(null, true, token);
        String[] unresolved = new String[1];
        String out = expand(raw, lookup, maven, unresolved, 0);
        if (unresolved[0] != null) return new Result(null, true, unresolved[0]);
        return new Result(out, true, null);
    }

    private static String expand(String text, Function<String, String> lookup, Function<String, String> maven,
                                 String[] unresolved, int depth) {
        if (depth > MAX_DEPTH) {
            if (unresolved[0] == null) unresolved[0] = text;
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            int at = mavenStart(text, i);
            if (start < 0 && at < 0) {
                out.append(text, i, text.length());
                break;
            }
            if (start >= 0 && (at < 0 || start < at)) {
                int end = matchingBrace(text, start + 2);
                if (end < 0) { // not a placeholder: Spring leaves it as written
                    out.append(text, i, text.length());
                    break;
                }
                out.append(text, i, start);
                String body = text.substring(start + 2, end);
                int colon = topLevelColon(body);
                String name = colon < 0 ? body : body.substring(0, colon);
                String found = lookup.apply(name.trim());
                if (found != null) {
                    out.append(expand(found, lookup, maven, unresolved, depth + 1));
                } else if (colon >= 0) {
                    out.append(expand(body.substring(colon + 1), lookup, maven, unresolved, depth + 1));
                } else if (unresolved[0] == null) {
                    unresolved[0] = name.trim();
                }
                i = end + 1;
            } else {
                int end = text.indexOf('@', at + 1);
                out.append(text, i, at);
                String name = text.substring(at + 1, end);
                String found = maven.apply(name);
                if (found != null) {
                    out.append(found);
                } else if (unresolved[0] == null) {
                    unresolved[0] = name;
                }
                i = end + 1;
            }
        }
        return out.toString();
    }

    /** Start of an {@code @name@} token at or after {@code from}, or -1. Names are letters, digits, {@code ._-}. */
    private static int mavenStart(String text, int from) {
        int at = text.indexOf('@', from);
        while (at >= 0) {
            int end = at + 1;
            while (end < text.length() && isNameChar(text.charAt(end))) end++;
            if (end > at + 1 && end < text.length() && text.charAt(end) == '@') return at;
            at = text.indexOf('@', at + 1);
        }
        return -1;
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
    }

    private static int matchingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && i > 0 && text.charAt(i - 1) == '$') depth++;
            else if (c == '}') {
                if (depth == 0) return i;
                depth--;
            }
        }
        return -1;
    }

    private static int topLevelColon(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{' && i > 0 && body.charAt(i - 1) == '$') depth++;
            else if (c == '}') depth--;
            else if (c == ':' && depth == 0) return i;
        }
        return -1;
    }
}
