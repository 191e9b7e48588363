package io.github.mailports.report;

/**
 * Text from a configuration file (a file name, a key, a value quoted in a message) made safe for a human-readable
 * output: every character that could break or forge a line, drive a terminal or reorder what is shown becomes a
 * visible {@code \}{@code uXXXX} escape. That is every C0 control (tab, line feed, carriage return, escape, bell,
 * ...), DEL, every C1 control (U+0080 to U+009F, among them CSI U+009B and NEL U+0085), the line and paragraph
 * separators U+2028 and U+2029, the bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
 * U+2069) and a surrogate without its pair. Other text is kept as is; a backslash is not doubled, so a key that
 * already holds such an escape as text is shown the same way (a visible, harmless ambiguity).
 */
public final class Text {
    private Text() {
    }

    /** Whether a character is escaped by {@link #escape}, ignoring surrogate pairing. */
    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\u061C'
                || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** The text with every control, bidi and lone surrogate character escaped; null becomes "null". */
    public static String escape(String s) {
        if (s == null) return "null";
        int i = firstUnsafe(s);
        if (i < 0) return s;
        StringBuilder b = new StringBuilder(s.length() + 16);
        b.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (unsafe(c) || Character.isSurrogate(c)) {
                hex(b, c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A line's first field (a path, or a path with its position): escaped, and given a {@code ./} in front when it
     * would start with anything but a letter, digit, {@code .}, {@code _} or {@code /}, so that no file name can
     * make a line read as a CI command ({@code ::error ...}, {@code ##vso[...]}).
     */
    public static String lineStart(String s) {
        String e = escape(s);
        if (e.isEmpty()) return e;
        char c = e.charAt(0);
        boolean plain = Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '/';
        return plain ? e : "./" + e;
    }

    static void hex(StringBuilder b, char c) {
        b.append("\\u");
        String h = Integer.toHexString(c);
        for (int n = h.length(); n < 4; n++) b.append('0');
        b.append(h);
    }

    private static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) return i;
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                else return i;
            }
        }
        return -1;
    }
}
