package io.github.mailports.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact, strict JSON parser (RFC 8259) for the files the plugin reads itself, such as the baseline.
 * Every value remembers its 1-based line and column, so a caller can point at the value it rejects.
 *
 * <p>Strict: no comments, no trailing commas, no single quotes, no leading zeros, no {@code NaN}, no
 * duplicate object keys, no control characters in strings, nothing after the top-level value. A leading
 * byte-order mark is skipped. Nesting is limited to {@value #MAX_DEPTH} levels, so hostile input cannot
 * exhaust the stack. Error messages name the problem and its position, never the text around it.
 */
public final class JsonParser {
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;

    /** A malformed document: what is wrong, and where (1-based line and column). */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        public SyntaxException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() { return line; }
        public int column() { return column; }
    }

    /**
     * One value and where it starts. {@code value} is a {@code Map<String, Node>} (in document order), a
     * {@code List<Node>}, a {@code String}, a {@code BigDecimal}, a {@code Boolean}, or null for JSON null.
     */
    public static final class Node {
        private final Object value;
        private final int line;
        private final int column;

        Node(Object value, int line, int column) {
            this.value = value;
            this.line = line;
            this.column = column;
        }

        public Object value() { return value; }
        public int line() { return line; }
        public int column() { return column; }
        public boolean isObject() { return value instanceof Map; }
        public boolean isArray() { return value instanceof List; }
        public boolean isString() { return value instanceof String; }
        public boolean isNull() { return value == null; }

        @SuppressWarnings("unchecked")
        public Map<String, Node> object() { return (Map<String, Node>) value; }

        @SuppressWarnings("unchecked")
        public List<Node> array() { return (List<Node>) value; }

        public String string() { return (String) value; }

        /** What kind of value this is, as a message names it: object, array, string, number, boolean, null. */
        public String kind() {
            if (value == null) return "null";
            if (value instanceof Map) return "an object";
            if (value instanceof List) return "an array";
            if (value instanceof String) return "a string";
            if (value instanceof BigDecimal) return "a number";
            return "a boolean";
        }
    }

    private final String s;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonParser(String text) {
        this.s = text;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') pos = 1;
    }

    /** Parses a whole document. */
    public static Node parse(String text) throws SyntaxException {
        JsonParser p = new JsonParser(text);
        p.whitespace();
        Node root = p.value(0);
        p.whitespace();
        if (p.pos < p.s.length()) throw p.error("unexpected " + p.describe(p.s.charAt(p.pos)) + " after the end of the document");
        return root;
    }

    private Node value(int depth) throws SyntaxException {
        if (pos >= s.length()) throw error("unexpected end of the document: a value was expected");
        int l = line;
        int c = column();
        char ch = s.charAt(pos);
        switch (ch) {
            case '{': return new Node(object(depth + 1), l, c);
            case '[': return new Node(array(depth + 1), l, c);
            case '"': return new Node(string(), l, c);
            case 't': literal("true"); return new Node(Boolean.TRUE, l, c);
            case 'f': literal("false"); return new Node(Boolean.FALSE, l, c);
            case 'n': literal("null"); return new Node(null, l, c);
            default:
                if (ch == '-' || (ch >= '0' && ch <= '9')) return new Node(number(), l, c);
                throw error("unexpected " + describe(ch) + ": a value was expected");
        }
    }

    private Map<String, Node> object(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
        pos++; // {
        Map<String, Node> out = new LinkedHashMap<>();
        whitespace();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            whitespace();
            if (peek() != '"') throw error(pos >= s.length() ? "unexpected end of the document: a key was expected"
                    : "unexpected " + describe(peek()) + ": a key in double quotes was expected");
            int kl = line;
            int kc = column();
            String key = string();
            if (out.containsKey(key)) throw new SyntaxException("duplicate key \"" + shorten(key) + "\"", kl, kc);
            whitespace();
            expect(':', "':' after a key");
            whitespace();
            out.put(key, value(depth));
            whitespace();
            char c = peek();
            if (c == ',') {
                pos++;
                continue;
            }
            if (c == '}') {
                pos++;
                return out;
            }
            throw error(pos >= s.length() ? "unexpected end of the document: ',' or '}' was expected"
                    : "unexpected " + describe(c) + ": ',' or '}' was expected");
        }
    }

    private List<Node> array(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
        pos++; // [
        List<Node> out = new ArrayList<>();
        whitespace();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            whitespace();
            out.add(value(depth));
            whitespace();
            char c = peek();
            if (c == ',') {
                pos++;
                continue;
            }
            if (c == ']') {
                pos++;
                return out;
            }
            throw error(pos >= s.length() ? "unexpected end of the document: ',' or ']' was expected"
                    : "unexpected " + describe(c) + ": ',' or ']' was expected");
        }
    }

    private String string() throws SyntaxException {
        pos++; // opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) throw error("unexpected end of the document inside a string");
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return b.toString();
            }
            if (c < 0x20) throw error("a control character (U+" + String.format("%04X", (int) c) + ") inside a string must be escaped");
            if (c != '\\') {
                b.append(c);
                pos++;
                continue;
            }
            pos++;
            if (pos >= s.length()) throw error("unexpected end of the document inside a string");
            char e = s.charAt(pos);
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    if (pos + 4 >= s.length()) throw error("incomplete \\u escape");
                    int v = 0;
                    for (int i = 1; i <= 4; i++) {
                        int d = Character.digit(s.charAt(pos + i), 16);
                        if (d < 0) throw error("invalid \\u escape: four hexadecimal digits were expected");
                        v = v * 16 + d;
                    }
                    b.append((char) v);
                    pos += 4;
                    break;
                default:
                    throw error("invalid escape \\" + (e < 0x20 || e > 0x7e ? "?" : String.valueOf(e)));
            }
            pos++;
        }
    }

    /** Longer numbers are refused, so parsing stays linear in the text (BigDecimal's parse is not). */
    static final int MAX_NUMBER_CHARS = 100;

    private BigDecimal number() throws SyntaxException {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) throw error("a number must not have a leading zero");
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("a digit was expected");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) throw error("a digit was expected after the decimal point");
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("a digit was expected in the exponent");
            while (isDigit(peek())) pos++;
        }
        if (pos - start > MAX_NUMBER_CHARS) {
            // BigDecimal's parse is quadratic in the digits; a baseline's only number is its version
            throw new SyntaxException("a number longer than " + MAX_NUMBER_CHARS + " characters", line, start - lineStart + 1);
        }
        try {
            return new BigDecimal(s.substring(start, pos));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SyntaxException("a number out of range", line, start - lineStart + 1);
        }
    }

    private void literal(String word) throws SyntaxException {
        if (!s.startsWith(word, pos)) throw error("unexpected " + describe(s.charAt(pos)) + ": a value was expected");
        pos += word.length();
    }

    private void expect(char c, String what) throws SyntaxException {
        if (peek() != c) throw error(pos >= s.length() ? "unexpected end of the document: " + what + " was expected"
                : "unexpected " + describe(peek()) + ": " + what + " was expected");
        pos++;
    }

    private void whitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c == '\r') {
                if (pos + 1 < s.length() && s.charAt(pos + 1) == '\n') pos++;
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private char peek() { return pos < s.length() ? s.charAt(pos) : '\u0000'; }

    private int column() { return pos - lineStart + 1; }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private SyntaxException error(String message) { return new SyntaxException(message, line, column()); }

    private static String describe(char c) {
        if (c >= 0x21 && c <= 0x7e) return "'" + c + "'";
        return "character U+" + String.format("%04X", (int) c);
    }

    private static String shorten(String key) {
        String k = key.length() > 60 ? key.substring(0, 60) + "..." : key;
        StringBuilder b = new StringBuilder();
        for (char c : k.toCharArray()) b.append(c < 0x20 ? '?' : c);
        return b.toString();
    }
}
