package io.github.mailports.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON document the plugin reads itself (the baseline file), as a tree whose every value remembers its 1-based
 * line and column, so a caller can point at the value it rejects. JSON is YAML (flow style), so SnakeYAML's parser
 * reads it; its events become plain values here and nothing else is ever built: no constructor runs, so no tag can
 * name a class, and the {@code LoaderOptions} allow no alias. What YAML allows and JSON does not is refused where it
 * could change the meaning: block style, a tag, an anchor or alias, a single-quoted string or one holding a raw
 * control character (a line break, a tab), a plain value that is not a JSON number, {@code true}, {@code false} or
 * {@code null}, a key that is not a double-quoted string, a duplicate key, more than one document. JSON's {@code \/}
 * (no YAML 1.1 escape) is read as {@code /}; tabs between tokens and {@code //} comments are read as spaces
 * ({@link JsonText}); YAML leniencies that cannot change a value (a trailing comma, a {@code #} comment) pass.
 *
 * <p>Bounded: nesting is limited to {@value #MAX_DEPTH} levels and the tree to {@value #MAX_NODES} values (built
 * without recursion), a number to {@value #MAX_NUMBER_CHARS} characters (BigDecimal's parse is quadratic in the
 * digits), and the text is read in linear time ({@link LinearStreamReader}). Messages name the problem and its
 * position, never the text of the file (SnakeYAML's problems are worded as {@link YamlReader} words them).
 */
public final class JsonTree {
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;
    /** The most values in one document. */
    public static final int MAX_NODES = 1_000_000;
    /** Longer numbers are refused, so parsing stays linear in the text (BigDecimal's parse is not). */
    public static final int MAX_NUMBER_CHARS = 100;
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");

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

        /** What kind of value this is, as a message names it: an object, an array, a string, a number, a boolean, null. */
        public String kind() {
            if (value == null) return "null";
            if (value instanceof Map) return "an object";
            if (value instanceof List) return "an array";
            if (value instanceof String) return "a string";
            if (value instanceof BigDecimal) return "a number";
            return "a boolean";
        }
    }

    /** An object or array being filled, and the key waiting for its value (objects only). */
    private static final class Open {
        final Node node;
        final Map<String, Node> object;
        final List<Node> array;
        String key;

        Open(Node node, Map<String, Node> object, List<Node> array) {
            this.node = node;
            this.object = object;
            this.array = array;
        }
    }

    private final YamlReader.Text text;
    /**
     * Where the text given to the parser lost a backslash: JSON's {@code \/} is read as {@code /} (YAML 1.1 has no
     * such escape). Code point indexes in that text, ascending; marks are moved back by them.
     */
    private final int[] dropped;
    private final Deque<Open> open = new ArrayDeque<>();
    private Node root;
    private int nodes;

    private JsonTree(YamlReader.Text text, int[] dropped) {
        this.text = text;
        this.dropped = dropped;
    }

    /** Parses a whole document. */
    public static Node parse(String json) throws ConfigParseException {
        String src = json.startsWith("\uFEFF") ? json.substring(1) : json;
        StringBuilder yaml = new StringBuilder(src.length());
        int[] dropped = solidusEscapes(JsonText.forYaml(src), yaml);
        JsonTree tree = new JsonTree(new YamlReader.Text(src), dropped);
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0); // aliases are refused below anyway: JSON has none
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setCodePointLimit(Integer.MAX_VALUE); // the caller bounds the size (the baseline: 16 MiB)
        options.setProcessComments(false);
        ParserImpl parser = new ParserImpl(new LinearStreamReader(yaml.toString()), options);
        try {
            tree.read(parser);
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw tree.error(tree.punctuation(tree.text.syntaxError(e).getMessage(), at), at);
        } catch (ReaderException e) {
            int offset = tree.text.charOffset(tree.original(e.getPosition()));
            throw new ConfigParseException(String.format(Locale.ROOT, "character U+%04X is not allowed",
                    e.getCodePoint()), tree.text.line(offset), tree.text.column(offset));
        } catch (YAMLException e) {
            throw new ConfigParseException("the document could not be read (" + e.getClass().getSimpleName() + ")", 1, 1);
        }
        return tree.root;
    }

    /**
     * Copies {@code json} to {@code out} with each {@code \/} inside a string written {@code /}; returns the code
     * point indexes in {@code out} of those solidi.
     */
    private static int[] solidusEscapes(String json, StringBuilder out) {
        int[] dropped = new int[0];
        int count = 0;
        boolean string = false;
        int codePoints = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (string && c == '\\' && i + 1 < json.length()) {
                char next = json.charAt(++i);
                if (next == '/') {
                    if (count == dropped.length) dropped = Arrays.copyOf(dropped, Math.max(8, count * 2));
                    dropped[count++] = codePoints;
                } else {
                    out.append(c);
                    codePoints++;
                }
                out.append(next);
                if (!Character.isLowSurrogate(next)) codePoints++;
                continue;
            }
            if (c == '"') string = !string;
            out.append(c);
            if (!Character.isLowSurrogate(c)) codePoints++;
        }
        return Arrays.copyOf(dropped, count);
    }

    /** "but found something else" (the YAML reader never quotes the file) says which, when it is JSON punctuation. */
    private String punctuation(String message, Mark at) {
        String unnamed = "but found something else";
        if (at == null || !message.endsWith(unnamed)) return message;
        int offset = offset(at);
        char c = offset < text.s.length() ? text.s.charAt(offset) : 0;
        return "{}[],:".indexOf(c) >= 0 && c != 0
                ? message.substring(0, message.length() - "something else".length()) + "'" + c + "'" : message;
    }

    /** The code point index in the file of an index in the text the parser read. */
    private int original(int index) {
        int lo = 0;
        int hi = dropped.length;
        while (lo < hi) { // how many dropped backslashes are at or before index
            int mid = (lo + hi) >>> 1;
            if (dropped[mid] <= index) lo = mid + 1;
            else hi = mid;
        }
        return index + lo;
    }

    private void read(ParserImpl parser) throws ConfigParseException {
        boolean document = false;
        while (true) {
            Event e = parser.getEvent();
            switch (e.getEventId()) {
                case StreamStart:
                case DocumentEnd:
                    break;
                case MappingEnd:
                case SequenceEnd:
                    open.pop();
                    break;
                case StreamEnd:
                    if (root == null) throw new ConfigParseException("the document is empty: a JSON value was expected", 1, 1);
                    return;
                case DocumentStart:
                    if (document) throw error("a second document: a JSON file holds one value", e.getStartMark());
                    document = true;
                    DocumentStartEvent d = (DocumentStartEvent) e;
                    if (d.getExplicit() || d.getVersion() != null || (d.getTags() != null && !d.getTags().isEmpty())) {
                        throw error("'---' or a % directive is YAML, not JSON", e.getStartMark());
                    }
                    break;
                case Alias:
                    throw error("an alias is YAML, not JSON", e.getStartMark());
                case Scalar:
                    scalar((ScalarEvent) e);
                    break;
                case MappingStart:
                case SequenceStart:
                    collection((CollectionStartEvent) e);
                    break;
                default:
                    throw error("YAML that is not JSON", e.getStartMark());
            }
        }
    }

    private void collection(CollectionStartEvent e) throws ConfigParseException {
        yamlOnly(e, e.getTag());
        boolean object = e.is(Event.ID.MappingStart);
        int at = offset(e.getStartMark());
        if (!e.isFlow() || at >= text.s.length() || text.s.charAt(at) != (object ? '{' : '[')) {
            // block style, or YAML's single-pair mapping in a flow sequence (["a": 1])
            throw error("YAML that is not JSON: an object is written in { } and an array in [ ]", e.getStartMark());
        }
        if (open.size() >= MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels", e.getStartMark());
        Map<String, Node> map = object ? new LinkedHashMap<String, Node>() : null;
        List<Node> list = object ? null : new ArrayList<Node>();
        Node node = node(object ? map : list, e.getStartMark());
        add(node, e);
        open.push(new Open(node, map, list));
    }

    private void scalar(ScalarEvent e) throws ConfigParseException {
        yamlOnly(e, e.getTag());
        Mark at = e.getStartMark();
        Open parent = open.peek();
        boolean key = parent != null && parent.object != null && parent.key == null;
        Object value;
        if (e.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            controlCharacters(at, e.getEndMark());
            value = e.getValue();
        } else if (key) {
            throw error("a key must be a string in double quotes", at);
        } else if (e.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            throw error("a string must be in double quotes", at);
        } else {
            value = literal(e.getValue(), at);
        }
        if (key) {
            String k = (String) value;
            if (parent.object.containsKey(k)) throw error("duplicate key (not quoted)", at);
            parent.key = k;
            count(at);
            return;
        }
        add(node(value, at), e);
    }

    /**
     * JSON requires a control character (a line break, a tab) inside a string to be escaped; YAML does not, and
     * folds its line breaks (NEL, LS and PS too) into spaces, so those are refused as well rather than read changed.
     */
    private void controlCharacters(Mark start, Mark end) throws ConfigParseException {
        int from = offset(start);
        int to = Math.min(offset(end), text.s.length());
        for (int i = from; i < to; i++) {
            char c = text.s.charAt(i);
            if (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                int line = text.line(i);
                throw new ConfigParseException(String.format(Locale.ROOT, "a control character or line break (U+%04X) inside a"
                        + " string must be escaped (\\n, \\t, \\u%04X)", (int) c, (int) c), line, text.column(i));
            }
        }
    }

    /** A plain value: a JSON number, true, false or null. */
    private Object literal(String v, Mark at) throws ConfigParseException {
        switch (v) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            case "null": return null;
            default:
                break;
        }
        if (v.length() > MAX_NUMBER_CHARS) {
            // BigDecimal's parse is quadratic in the digits; a baseline's only number is its version
            throw error("a number longer than " + MAX_NUMBER_CHARS + " characters, or a string without double quotes", at);
        }
        if (!NUMBER.matcher(v).matches()) {
            throw error("a value must be a string in double quotes, a number, true, false or null", at);
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("a number out of range", at);
        }
    }

    private Node node(Object value, Mark at) throws ConfigParseException {
        count(at);
        int offset = offset(at);
        return new Node(value, text.line(offset), text.column(offset));
    }

    /** The char offset in the file of a mark. */
    private int offset(Mark at) {
        return text.charOffset(original(at.getIndex()));
    }

    private void count(Mark at) throws ConfigParseException {
        if (++nodes > MAX_NODES) throw error("more than " + MAX_NODES + " values", at);
    }

    private void add(Node node, NodeEvent e) throws ConfigParseException {
        Open parent = open.peek();
        if (parent == null) {
            root = node;
        } else if (parent.object == null) {
            parent.array.add(node);
        } else if (parent.key == null) {
            throw error("a key must be a string in double quotes", e.getStartMark());
        } else {
            parent.object.put(parent.key, node);
            parent.key = null;
        }
    }

    private void yamlOnly(NodeEvent e, String tag) throws ConfigParseException {
        if (e.getAnchor() != null) throw error("an anchor (&name) is YAML, not JSON", e.getStartMark());
        if (tag != null) throw error("a tag (!name) is YAML, not JSON: no type is ever built from it", e.getStartMark());
    }

    private ConfigParseException error(String message, Mark at) {
        if (at == null) return new ConfigParseException(message, 1, 1);
        int offset = offset(at);
        return new ConfigParseException(message, text.line(offset), text.column(offset));
    }
}
