package io.github.mailports.extract;

import io.github.mailports.config.ConfigFormat;
import io.github.mailports.config.Placeholders;
import io.github.mailports.model.Origin;
import io.github.mailports.model.SourceLocation;

/**
 * Variable substitution of the logging libraries, which differs from Spring's {@code ${name:default}}:
 * <ul>
 *   <li>Logback ({@code OptionHelper.substVars}): {@code ${name}} and {@code ${name:-default}}; the default
 *       separator is {@code :-}, so {@code ${HOST:smtp.example.com}} names a variable called
 *       {@code HOST:smtp.example.com}. An undefined variable becomes {@code name_IS_UNDEFINED}.</li>
 *   <li>Log4j2 ({@code StrSubstitutor}): {@code ${name}}, {@code ${prefix:name}} ({@code env:}, {@code sys:},
 *       ...) and {@code :-default}; {@code $${...}} is left for run time.</li>
 * </ul>
 * What a static check can know: a value supplied through the plugin's {@code properties} (by the variable's
 * name), a variable the file defines, else the default; anything else is unresolved.
 */
final class LogPlaceholders {
    private static final int MAX_DEPTH = 16;

    /** Which library's syntax. */
    enum Syntax { LOGBACK, LOG4J }

    /** Answers a variable: {@code prefix} is null without one (always null for Logback). Null when unknown. */
    interface Lookup {
        String find(String prefix, String name);
    }

    /** The outcome for one value. */
    static final class Result {
        final String value;
        final boolean placeholder;
        final String unresolved;

        Result(String value, boolean placeholder, String unresolved) {
            this.value = value;
            this.placeholder = placeholder;
            this.unresolved = unresolved;
        }

        Origin origin() {
            return !placeholder ? Origin.EXPLICIT : unresolved == null ? Origin.PLACEHOLDER : Origin.UNRESOLVED;
        }

        /** A prop for this value written under {@code key} at {@code at}. */
        Prop prop(String key, SourceLocation at, String raw, ConfigFormat format) {
            return new Prop(key, at, raw, unresolved == null ? value : null, origin(), unresolved, format);
        }
    }

    private LogPlaceholders() {
    }

    /**
     * The variable name when the whole value (trimmed) is one {@code ${name}} without a default and without a
     * nested reference; else null. The name keeps any Log4j prefix ({@code env:NAME}).
     */
    static String soleVariable(String raw) {
        if (raw == null) return null;
        String t = raw.trim();
        if (!t.startsWith("${") || !t.endsWith("}") || t.indexOf("${", 2) >= 0 || t.indexOf('}') != t.length() - 1) return null;
        String name = t.substring(2, t.length() - 1).trim();
        return name.isEmpty() || name.contains(":-") ? null : name;
    }

    static Result resolve(String raw, Syntax syntax, Lookup lookup) {
        if (raw == null) return new Result(null, false, null);
        String token = Placeholders.templateToken(raw); // {{SMTP_PORT}}, <SMTP_PORT>: filled in before start-up
        if (token != null) return new Result(null, true, token);
        if (!raw.contains("${")) return new Result(raw, false, null);
        String[] unresolved = new String[1];
        String out = expand(raw, syntax, lookup, unresolved, 0);
        return new Result(unresolved[0] == null ? out : null, true, unresolved[0]);
    }

    private static String expand(String text, Syntax syntax, Lookup lookup, String[] unresolved, int depth) {
        if (depth > MAX_DEPTH) {
            if (unresolved[0] == null) unresolved[0] = "(nested too deep)";
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = closing(text, start + 2);
            if (end < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            String body = text.substring(start + 2, end);
            if (syntax == Syntax.LOG4J && start > 0 && text.charAt(start - 1) == '$') {
                // $${...}: escaped for run time; the value is not known now
                out.setLength(out.length() - 1);
                if (unresolved[0] == null) unresolved[0] = body;
                i = end + 1;
                continue;
            }
            int sep = topLevel(body, ":-");
            String name = sep < 0 ? body : body.substring(0, sep);
            name = expand(name, syntax, lookup, unresolved, depth + 1);
            String prefix = null;
            if (syntax == Syntax.LOG4J) {
                int colon = name.indexOf(':');
                if (colon > 0) {
                    prefix = name.substring(0, colon);
                    name = name.substring(colon + 1);
                }
            }
            String found = lookup.find(prefix, name.trim());
            if (found != null) {
                out.append(expand(found, syntax, lookup, unresolved, depth + 1));
            } else if (sep >= 0) {
                out.append(expand(body.substring(sep + 2), syntax, lookup, unresolved, depth + 1));
            } else if (unresolved[0] == null) {
                unresolved[0] = prefix == null ? name.trim() : prefix + ":" + name.trim();
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static int closing(String text, int from) {
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

    private static int topLevel(String body, String token) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{' && i > 0 && body.charAt(i - 1) == '$') depth++;
            else if (c == '}') depth--;
            else if (depth == 0 && body.startsWith(token, i)) return i;
        }
        return -1;
    }
}
