package io.github.mailports.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Spring's profile expressions ({@code prod}, {@code !dev}, {@code prod & eu}, {@code (a | b) & c}) as
 * {@code spring.config.activate.on-profile} takes them, evaluated against a set of active profiles.
 */
final class SpringProfiles {
    private final String text;
    private int pos;

    private SpringProfiles(String text) { this.text = text; }

    /** Whether the expression holds for the active profiles; a malformed expression never matches. */
    static boolean matches(String expression, Collection<String> active) {
        if (expression == null) return true;
        SpringProfiles p = new SpringProfiles(expression);
        try {
            boolean result = p.or(active);
            p.skipSpaces();
            return p.pos >= p.text.length() && result;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The profile names an expression mentions. */
    static List<String> names(String expression) {
        List<String> out = new ArrayList<>();
        if (expression == null) return out;
        for (String token : expression.split("[\\s()!&|,]+")) {
            if (!token.isEmpty()) out.add(token);
        }
        return out;
    }

    private boolean or(Collection<String> active) {
        boolean v = and(active);
        skipSpaces();
        while (pos < text.length() && (text.charAt(pos) == '|' || text.charAt(pos) == ',')) {
            pos++;
            boolean r = and(active);
            v = v || r;
            skipSpaces();
        }
        return v;
    }

    private boolean and(Collection<String> active) {
        boolean v = not(active);
        skipSpaces();
        while (pos < text.length() && text.charAt(pos) == '&') {
            pos++;
            boolean r = not(active);
            v = v && r;
            skipSpaces();
        }
        return v;
    }

    private boolean not(Collection<String> active) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '!') {
            pos++;
            return !not(active);
        }
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            boolean v = or(active);
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != ')') throw new IllegalArgumentException("unbalanced");
            pos++;
            return v;
        }
        int start = pos;
        while (pos < text.length() && "()!&|, \t".indexOf(text.charAt(pos)) < 0) pos++;
        if (start == pos) throw new IllegalArgumentException("empty profile name");
        return active.contains(text.substring(start, pos));
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
}
