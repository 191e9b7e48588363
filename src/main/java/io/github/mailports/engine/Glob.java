package io.github.mailports.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Ant-style path patterns relative to the base directory, with {@code /}: {@code **} as a whole name crosses any
 * number of folders (none included), {@code *} and {@code ?} stay within one name, {@code {a,b}} is either. A
 * {@code **} inside a name ({@code src/**.yml}) crosses folders too, as it always did.
 *
 * <p>Matching never backtracks: the alternatives of the braces are expanded once (at most {@value #MAX_ALTERNATIVES}),
 * each alternative is a list of name patterns, and a path is matched name by name with the set of positions the
 * pattern can be at (a Thompson simulation); a name is matched against a name pattern the same way, character by
 * character. The work is at most (characters of the path) x (characters of the pattern), whatever the pattern: a
 * regular expression from {@code **&#47;**&#47;*a*a*a*b} took minutes on one deep path.
 */
public final class Glob {
    /** The most alternatives the braces of one glob may expand to. */
    static final int MAX_ALTERNATIVES = 256;
    private static final String ANY_FOLDERS = "**";

    private final String text;
    /** Each alternative: its names, {@code **} or a name pattern with {@code *} and {@code ?}. */
    private final List<String[]> alternatives;

    private Glob(String text, List<String[]> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /** A glob; a malformed one (an unclosed brace, too many alternatives) is an IllegalArgumentException in words. */
    public static Glob of(String text) {
        String t = text.trim().replace('\\', '/');
        while (t.startsWith("./")) t = t.substring(2);
        if (t.endsWith("/")) t = t + ANY_FOLDERS;
        List<String> expanded = new ArrayList<>();
        expand(t, text.trim(), expanded);
        List<String[]> alts = new ArrayList<>();
        for (String alt : expanded) alts.add(names(alt));
        return new Glob(t, Collections.unmodifiableList(alts));
    }

    /**
     * Splits comma-separated globs, skipping blanks. The entries are joined before they are split at the commas
     * outside braces, so {@code -Dmailports.includes=**&#47;application*.{yml,yaml}}, which Maven hands over cut at
     * its comma, is one glob again.
     */
    public static List<Glob> list(List<String> texts) {
        StringBuilder all = new StringBuilder();
        for (String t : texts) {
            if (t == null) continue;
            if (all.length() > 0) all.append(',');
            all.append(t);
        }
        List<Glob> out = new ArrayList<>();
        for (String part : splitTopLevel(all.toString())) {
            if (!part.trim().isEmpty()) out.add(of(part));
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
            else if (c == '}' && depth > 0) depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** Expands the first brace group (and so, recursively, all), and a {@code **} inside a name. */
    private static void expand(String t, String original, List<String> out) {
        int open = t.indexOf('{');
        if (open < 0) {
            expandInnerAnyFolders(t, original, out);
            return;
        }
        int depth = 0;
        int close = -1;
        List<Integer> commas = new ArrayList<>();
        for (int i = open; i < t.length() && close < 0; i++) {
            char c = t.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) close = i;
            else if (c == ',' && depth == 1) commas.add(i);
        }
        if (close < 0) {
            throw new IllegalArgumentException("the glob '" + original + "' has a '{' without its closing '}'"
                    + " (alternatives are written {a,b}, e.g. **/application*.{yml,yaml})");
        }
        String head = t.substring(0, open);
        String tail = t.substring(close + 1);
        int from = open + 1;
        commas.add(close);
        for (int comma : commas) {
            expand(head + t.substring(from, comma) + tail, original, out);
            from = comma + 1;
        }
    }

    /** {@code a**b} inside a name is {@code a*b} or {@code a*&#47;**&#47;*b}, as the regular expression {@code a.*b} was. */
    private static void expandInnerAnyFolders(String t, String original, List<String> out) {
        int from = 0;
        while (true) {
            int at = t.indexOf(ANY_FOLDERS, from);
            if (at < 0) break;
            boolean startsName = at == 0 || t.charAt(at - 1) == '/';
            int end = at + 2;
            while (end < t.length() && t.charAt(end) == '*') end++; // *** is ** followed by *: the same
            boolean endsName = end == t.length() || t.charAt(end) == '/';
            if (startsName && endsName) {
                from = end;
                continue;
            }
            String head = t.substring(0, at);
            String tail = t.substring(end);
            expandInnerAnyFolders(head + "*" + tail, original, out);
            expandInnerAnyFolders(head + "*/**/*" + tail, original, out);
            return;
        }
        if (out.size() >= MAX_ALTERNATIVES) {
            throw new IllegalArgumentException("the glob '" + original + "' expands to more than " + MAX_ALTERNATIVES
                    + " alternatives; split it into several globs");
        }
        out.add(t);
    }

    private static String[] names(String alt) {
        String[] parts = alt.split("/", -1);
        List<String> out = new ArrayList<>(parts.length);
        for (String p : parts) {
            // a run of ** is one **; *** as a whole name is ** too
            if (p.length() >= 2 && p.replace("*", "").isEmpty()) p = ANY_FOLDERS;
            if (p.equals(ANY_FOLDERS) && !out.isEmpty() && out.get(out.size() - 1).equals(ANY_FOLDERS)) continue;
            out.add(p);
        }
        return out.toArray(new String[0]);
    }

    public boolean matches(String relativePath) { return matches(relativePath, null); }

    /** {@link #matches(String)}, adding the elementary steps taken to {@code work[0]} when work is not null. */
    boolean matches(String relativePath, long[] work) {
        return matches(new Path(relativePath), work);
    }

    /**
     * A relative path as the walk asks about it: its last name at once, split at {@code /} only when some
     * alternative's last name matches, and then once for every glob asked (a walk asks each include and exclude).
     */
    static final class Path {
        final String relative;
        final String last;
        private String[] names;

        Path(String relative) {
            this.relative = relative;
            this.last = relative.substring(relative.lastIndexOf('/') + 1);
        }

        /** The names, split at {@code /} once ({@code [""]} for the base itself, as {@code split} gives). */
        String[] names() {
            if (names == null) names = relative.split("/", -1);
            return names;
        }
    }

    /** {@link #matches(String)} on a path the caller keeps for several globs. */
    boolean matches(Path p, long[] work) {
        // the file's own name first: most paths of a walk fail there, before the path is split at all
        for (String[] alt : alternatives) {
            String lastPattern = alt[alt.length - 1];
            if (!lastPattern.equals(ANY_FOLDERS) && !nameMatches(lastPattern, p.last, work)) continue;
            String[] path = p.names();
            if (accepts(alt, path, path.length, work, false)) return true;
        }
        return false;
    }

    /**
     * Whether a file or folder below this folder (a relative path, {@code ""} for the base) could match: the walk
     * does not enter a folder for which no include says yes.
     */
    boolean couldMatchBelow(String relativeDir) {
        return couldMatchBelow(new Path(relativeDir));
    }

    /** {@link #couldMatchBelow(String)} on a folder the caller keeps for several globs. */
    boolean couldMatchBelow(Path relativeDir) {
        String[] dir = relativeDir.relative.isEmpty() ? new String[0] : relativeDir.names();
        for (String[] alt : alternatives) {
            if (accepts(alt, dir, dir.length, null, true)) return true;
        }
        return false;
    }

    /**
     * The simulation: {@code states[i]} means the first i names of the pattern have matched the names read so far.
     * With {@code prefix}, it answers whether the names read can be the start of a match (some state is left that is
     * not the end, or a {@code **} is).
     */
    private static boolean accepts(String[] pattern, String[] path, int count, long[] work, boolean prefix) {
        int k = pattern.length;
        boolean[] states = new boolean[k + 1];
        boolean[] next = new boolean[k + 1];
        states[0] = true;
        close(pattern, states);
        for (int p = 0; p < count; p++) {
            java.util.Arrays.fill(next, false);
            boolean any = false;
            for (int i = 0; i < k; i++) {
                if (!states[i]) continue;
                if (pattern[i].equals(ANY_FOLDERS)) {
                    next[i] = true; // ** takes this name and stays
                    any = true;
                    if (work != null) work[0]++;
                } else if (nameMatches(pattern[i], path[p], work)) {
                    next[i + 1] = true;
                    any = true;
                }
            }
            if (!any) return false;
            boolean[] swap = states;
            states = next;
            next = swap;
            close(pattern, states);
        }
        if (!prefix) return states[k];
        for (int i = 0; i < k; i++) {
            if (states[i]) return true; // more names to come
        }
        return false;
    }

    /** A {@code **} may match no name at all: reaching it also reaches the position after it. */
    private static void close(String[] pattern, boolean[] states) {
        for (int i = 0; i < pattern.length; i++) {
            if (states[i] && pattern[i].equals(ANY_FOLDERS)) states[i + 1] = true;
        }
    }

    /** One name against a name pattern with {@code *} and {@code ?}: the same simulation, character by character. */
    static boolean nameMatches(String pattern, String name, long[] work) {
        int m = pattern.length();
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            if (work != null) work[0] += Math.min(m, name.length()) + 1;
            return pattern.equals(name);
        }
        // the literal text before the first and after the last wildcard must be there: a cheap refusal of most names
        int first = 0;
        while (pattern.charAt(first) != '*' && pattern.charAt(first) != '?') first++;
        int lastWild = m - 1;
        while (pattern.charAt(lastWild) != '*' && pattern.charAt(lastWild) != '?') lastWild--;
        int suffix = m - 1 - lastWild;
        if (work != null) work[0] += first + suffix + 1;
        if (name.length() < first + suffix || !name.regionMatches(0, pattern, 0, first)
                || !name.regionMatches(name.length() - suffix, pattern, lastWild + 1, suffix)) {
            return false;
        }
        boolean[] states = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        states[0] = true;
        closeStars(pattern, states);
        for (int c = 0; c < name.length(); c++) {
            char ch = name.charAt(c);
            java.util.Arrays.fill(next, false);
            boolean any = false;
            for (int i = 0; i < m; i++) {
                if (!states[i]) continue;
                if (work != null) work[0]++;
                char pc = pattern.charAt(i);
                if (pc == '*') {
                    next[i] = true;
                    any = true;
                } else if (pc == '?' || pc == ch) {
                    next[i + 1] = true;
                    any = true;
                }
            }
            if (!any) return false;
            boolean[] swap = states;
            states = next;
            next = swap;
            closeStars(pattern, states);
        }
        return states[m];
    }

    private static void closeStars(String pattern, boolean[] states) {
        for (int i = 0; i < pattern.length(); i++) {
            if (states[i] && pattern.charAt(i) == '*') states[i + 1] = true;
        }
    }

    @Override
    public String toString() { return text; }
}
