package io.github.mailports.extract;

import java.util.Locale;

/** Key spellings: Spring's relaxed binding and its map keys. */
final class Keys {
    static final String SPRING_MAIL_PROPERTIES = "spring.mail.properties.";

    private Keys() {
    }

    /**
     * The key under which two spellings of the same setting merge. Spring keys ({@code spring.*}) are
     * relaxed: {@code defaultEncoding}, {@code default-encoding} and {@code default_encoding} are one key.
     * The map under {@code spring.mail.properties} keeps its keys' case (Jakarta Mail keys are
     * case-sensitive) and drops Spring's brackets. Other keys are kept as written.
     */
    static String mergeKey(String key) {
        if (!key.regionMatches(true, 0, "spring.", 0, 7)) return key;
        int mapStart = propertiesMapStart(key);
        if (mapStart >= 0) return SPRING_MAIL_PROPERTIES + mapKey(key.substring(mapStart));
        return relaxed(key);
    }

    /** Index just after {@code spring.mail.properties.} (or at its {@code [}), or -1. */
    private static int propertiesMapStart(String key) {
        String[] parts = {"spring", "mail", "properties"};
        int pos = 0;
        for (int i = 0; i < parts.length; i++) {
            int end = pos;
            while (end < key.length() && key.charAt(end) != '.' && key.charAt(end) != '[') end++;
            if (!relaxedEquals(key, pos, end, parts[i])) return -1;
            if (end >= key.length()) return -1;
            if (i < parts.length - 1) {
                if (key.charAt(end) != '.') return -1;
                pos = end + 1;
            } else {
                return key.charAt(end) == '.' ? end + 1 : end;
            }
        }
        return -1;
    }

    /** Whether {@code relaxed(key.substring(from, to))} equals {@code part} (lower-case ASCII), mostly without copying. */
    private static boolean relaxedEquals(String key, int from, int to, String part) {
        int j = 0;
        for (int i = from; i < to; i++) {
            char c = key.charAt(i);
            if (c >= 0x80) return relaxed(key.substring(from, to)).equals(part); // rare: the exact rule
            if (c == '-' || c == '_') continue;
            if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            if (j >= part.length() || part.charAt(j) != c) return false; // relaxing never shortens what follows
            j++;
        }
        return j == part.length();
    }

    /** {@code [mail.smtp.auth]} to {@code mail.smtp.auth}; {@code mail.smtp.auth} unchanged. */
    private static String mapKey(String tail) {
        if (tail.startsWith("[")) {
            int close = tail.indexOf(']');
            if (close > 0) {
                String inner = tail.substring(1, close);
                String rest = tail.substring(close + 1);
                return rest.isEmpty() ? inner : inner + (rest.startsWith(".") ? rest : "." + rest);
            }
        }
        return tail;
    }

    /** Spring's uniform form: lower case, without {@code -} and {@code _}. */
    static String relaxed(String key) {
        int i = 0;
        while (i < key.length()) { // most keys are already relaxed: then the key itself is the answer
            char c = key.charAt(i);
            if (c == '-' || c == '_' || c >= 0x80 || (c >= 'A' && c <= 'Z')) break;
            i++;
        }
        if (i == key.length()) return key;
        StringBuilder b = new StringBuilder(key.length());
        b.append(key, 0, i);
        boolean ascii = true;
        for (; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '-' || c == '_') continue;
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c < 0x80 ? c : Character.toLowerCase(c);
            if (lower >= 0x80) ascii = false;
            b.append(lower);
        }
        String relaxed = b.toString();
        // lower-case ASCII is its own lower case; only other characters need the locale-independent pass
        return ascii ? relaxed : relaxed.toLowerCase(Locale.ROOT);
    }

    /**
     * The name among {@code names} that {@code written} means: the same key in Spring's relaxed form, else the
     * closest one within two edits (a transposition is one), else null.
     */
    static String nearest(String written, java.util.Collection<String> names) {
        String w = relaxed(written);
        for (String k : names) {
            if (relaxed(k).equals(w)) return k;
        }
        String best = null;
        int bestDistance = 3;
        for (String k : names) {
            String r = relaxed(k);
            if (Math.abs(r.length() - w.length()) >= bestDistance) continue; // cannot be closer
            int d = distance(r, w);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, and a transposition as one edit. */
    static int distance(String a, String b) {
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1); // a transposition is one edit
                }
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

}
