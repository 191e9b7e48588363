package io.github.mailports.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML file into flattened entries with positions, the way Spring Boot sees it.
 *
 * <p>Only SnakeYAML's composer runs (the node graph, {@code composeAll}); no object is ever constructed,
 * so no tag can instantiate a class (SnakeYAML 2.x already refuses global tags such as
 * {@code !!javax.script.ScriptEngineManager} while composing). What Spring Boot's
 * {@code OriginTrackedYamlLoader} (a {@code SafeConstructor} with {@code setAllowDuplicateKeys(false)} and a
 * resolver without implicit timestamps) and Spring's {@code YamlProcessor} would then do is redone here
 * on the nodes:
 * <ul>
 *   <li>keys are joined with {@code .}, a key starting with {@code [} is appended without one, a
 *       sequence gives {@code key[0]}, {@code key[1]}... ({@code YamlProcessor.buildFlattenedMap});
 *       a key that is not a string (an implicit bool or int such as {@code on:} or {@code 1:}) becomes
 *       {@code [true]}, {@code [1]} ({@code YamlProcessor.asMap});</li>
 *   <li>an empty mapping gives nothing, an empty sequence gives the key with value {@code ""} (both
 *       {@code buildFlattenedMap} and Boot's {@code OriginTrackingConstructor} do that);</li>
 *   <li>a document that is not a mapping is the key {@code document}; an empty document gives nothing
 *       but still counts as a document here;</li>
 *   <li>merge keys {@code <<} as {@code SafeConstructor.mergeNode}: explicit keys win, then the first
 *       merged mapping that has the key;</li>
 *   <li>duplicate keys within one mapping are an error, comparing keys as SafeConstructor constructs
 *       them ({@code on} and {@code true} are the same key, {@code 1} and {@code 0x1} too);</li>
 *   <li>scalars by their resolved tag (YAML 1.1 as SnakeYAML 2.5 resolves plain scalars): bool
 *       ({@code yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF}, not
 *       {@code y}/{@code n}) gives {@code "true"}/{@code "false"}, int ({@code 0x1F}, octal
 *       {@code 017}, {@code 0b101}, underscores, sign, sexagesimal {@code 1:30}) gives its decimal form,
 *       null ({@code ~}, {@code null}, empty) gives {@code ""}, anything else keeps its text (floats as
 *       written); a tag SafeConstructor has no constructor for is an error.</li>
 * </ul>
 *
 * <p>Limits: at most {@value #MAX_ALIASES} aliases to collections, nesting {@value #MAX_NESTING} deep,
 * {@value #MAX_CODE_POINTS} code points, {@value #MAX_NODES} nodes as written, and {@value #MAX_ENTRIES}
 * entries after aliases are expanded. Time is linear in the file (see {@link LinearStreamReader}); memory is
 * the file's code points (4 bytes a character) plus the node graph, which the node cap bounds.
 *
 * <p>Positions are 1-based and count Java {@code char}s; lines end at {@code \n}, {@code \r\n} or
 * {@code \r}. Error messages never quote the text of the file (SnakeYAML's snippet is not used).
 */
public final class YamlReader {

    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 100;
    static final int MAX_CODE_POINTS = 64 * 1024 * 1024;
    static final int MAX_ENTRIES = 200_000;
    /** Nodes built while composing (before aliases are expanded): a key and a value per entry, and the mappings. */
    static final int MAX_NODES = 3 * MAX_ENTRIES;
    /** Nodes visited while flattening (aliases visited again each time), so empty collections cannot bomb. */
    static final int MAX_VISITS = 2_000_000;
    /** Nesting reached through aliases while flattening. */
    static final int MAX_FLATTEN_DEPTH = 1_000;
    /** Total length of the flattened keys (deep aliases multiply key length too). */
    static final long MAX_KEY_CHARS = 64L * 1024 * 1024;
    /** Longest binary, octal or hexadecimal integer converted to decimal (a long is at most 64 binary digits). */
    static final int MAX_CONVERTED_DIGITS = 64;

    private static final String TAG_PREFIX = Tag.PREFIX;
    /** The YAML 1.1 tags SnakeYAML knows ({@code Tag}'s constants): their names are not the file's text. */
    private static final Set<String> STANDARD_TAGS = new HashSet<>(Arrays.asList(Tag.YAML.getValue(),
            Tag.MERGE.getValue(), Tag.SET.getValue(), Tag.PAIRS.getValue(), Tag.OMAP.getValue(), Tag.BINARY.getValue(),
            Tag.INT.getValue(), Tag.FLOAT.getValue(), Tag.TIMESTAMP.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue(),
            Tag.STR.getValue(), Tag.SEQ.getValue(), Tag.MAP.getValue()));

    private YamlReader() {
    }

    public static ConfigFile read(String path, String text) throws ConfigParseException {
        String src = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Text t = new Text(src);
        MavenTokens tokens = MavenTokens.mask(src);
        Flattener flattener = new Flattener(t, tokens);
        List<long[]> scalarRanges = new ArrayList<>();
        int documents = 0;
        // SnakeYAML's composer on a reader that is linear in the token length (see LinearStreamReader)
        LoaderOptions options = loaderOptions();
        CountingComposer composer = new CountingComposer(new ParserImpl(new LinearStreamReader(tokens.text), options),
                RESOLVER, options);
        while (true) {
            Node root;
            try {
                if (!composer.checkNode()) {
                    break;
                }
                root = composer.getNode();
            } catch (MarkedYAMLException e) {
                throw t.syntaxError(e);
            } catch (TooManyNodes e) {
                throw t.error("more than " + MAX_NODES + " YAML nodes: a configuration file has far fewer", e.at);
            } catch (ReaderException e) {
                int offset = t.charOffset(e.getPosition());
                throw new ConfigParseException(String.format(Locale.ROOT,
                        "character U+%04X is not allowed in YAML", e.getCodePoint()), t.line(offset), t.column(offset));
            } catch (YAMLException e) {
                throw limitError(e);
            } catch (StackOverflowError e) {
                throw new ConfigParseException("nesting too deep to read", 1, 1);
            }
            flattener.document(root, documents);
            collectScalarRanges(t, root, scalarRanges);
            documents++;
        }
        List<Comment> comments = scanComments(t, scalarRanges);
        return ConfigFile.of(path, ConfigFormat.YAML, flattener.entries, Math.max(1, documents), comments);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // checked by the flattener: composeAll does not
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false); // a collection key is refused by the flattener anyway
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }

    /**
     * SnakeYAML's composer, counting the nodes it builds: a document's node graph is built whole before it is
     * flattened, so the count stops a file of millions of tiny nodes (a few hundred bytes of heap each) long
     * before memory runs out.
     */
    private static final class CountingComposer extends Composer {
        private int nodes;

        CountingComposer(ParserImpl parser, Resolver resolver, LoaderOptions options) {
            super(parser, resolver, options);
        }

        private Node counted(Node node) {
            if (++nodes > MAX_NODES) throw new TooManyNodes(node.getStartMark());
            return node;
        }

        @Override
        protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
            return counted(super.composeScalarNode(anchor, blockComments));
        }

        @Override
        protected Node composeSequenceNode(String anchor) {
            return counted(super.composeSequenceNode(anchor));
        }

        @Override
        protected Node composeMappingNode(String anchor) {
            return counted(super.composeMappingNode(anchor));
        }
    }

    /** Thrown by {@link CountingComposer} past {@link #MAX_NODES}. */
    private static final class TooManyNodes extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Mark at;

        TooManyNodes(Mark at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /**
     * Shared by every read: a resolver only reads its table of implicit patterns after construction (compiled
     * patterns, thread-safe to match), and building it compiled a dozen regular expressions per file.
     */
    private static final Resolver RESOLVER = new NoTimestampResolver();

    /** Like Spring Boot's resolver: a plain scalar that looks like a date stays a string. */
    private static final class NoTimestampResolver extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (Tag.TIMESTAMP.equals(tag)) {
                return;
            }
            super.addImplicitResolver(tag, regexp, first, limit);
        }
    }

    private static ConfigParseException limitError(YAMLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("Number of aliases")) {
            return new ConfigParseException("too many aliases (limit " + MAX_ALIASES + "): possible alias bomb", 1, 1);
        }
        if (m.startsWith("Nesting Depth exceeded")) {
            return new ConfigParseException("nesting deeper than " + MAX_NESTING + " levels", 1, 1);
        }
        if (m.startsWith("The incoming YAML document exceeds the limit")) {
            return new ConfigParseException("file too large (more than " + MAX_CODE_POINTS + " code points)", 1, 1);
        }
        if (m.startsWith("Recursive key")) {
            return new ConfigParseException("recursive mapping key", 1, 1);
        }
        return new ConfigParseException("YAML could not be read (" + e.getClass().getSimpleName() + ")", 1, 1);
    }

    // ---------------------------------------------------------------- Maven resource filtering

    /**
     * Maven's resource filtering ({@code @name@}, the only delimiter Spring Boot's parent POM keeps) runs on
     * {@code src/main/resources} before Spring reads the file, so {@code active: @spring.profiles.active@} is
     * valid in the shipped file although a plain YAML scalar cannot start with {@code @}. The {@code @} that
     * opens such a token where a plain scalar would start (at a line's indentation, after {@code key: },
     * {@code - }, {@code ? }, or in a flow after {@code [ { ,}) is replaced by one private-use character the
     * file does not hold, so the parser reads a plain scalar; the character is put back in every key and value
     * afterwards. One character for one: lines, columns and code point indexes do not move. The value keeps
     * its {@code @name@} token, which {@link Placeholders} resolves later from the plugin's {@code properties},
     * then the POM's properties, else reports as unresolved (MP017 where it decides the connection).
     */
    static final class MavenTokens {
        final String text;
        /** The stand-in for {@code @}, or 0 when nothing was replaced. */
        final char marker;

        private MavenTokens(String text, char marker) {
            this.text = text;
            this.marker = marker;
        }

        static MavenTokens mask(String src) {
            if (src.indexOf('@') < 0) return new MavenTokens(src, (char) 0);
            char marker = unusedPrivateUseChar(src);
            if (marker == 0) return new MavenTokens(src, (char) 0);
            char[] c = null;
            int n = src.length();
            char before = '\n'; // the last character that is not a space or tab, on this line ('\n' at its start)
            boolean spaced = false;
            for (int i = 0; i < n; i++) {
                char ch = src.charAt(i);
                if (ch == '\n' || ch == '\r') {
                    before = '\n';
                    spaced = false;
                    continue;
                }
                if (ch == ' ' || ch == '\t') {
                    spaced = true;
                    continue;
                }
                if (ch == '@' && scalarStart(before, spaced) && tokenEnd(src, i) > 0) {
                    if (c == null) c = src.toCharArray();
                    c[i] = marker;
                }
                before = ch;
                spaced = false;
            }
            return c == null ? new MavenTokens(src, (char) 0) : new MavenTokens(new String(c), marker);
        }

        private static boolean scalarStart(char before, boolean spaced) {
            switch (before) {
                case '\n':
                case '[':
                case '{':
                case ',':
                    return true;
                case ':':
                case '-':
                case '?':
                    return spaced;
                default:
                    return false;
            }
        }

        /** End (after the closing {@code @}) of an {@code @name@} token at {@code at}, or -1; as {@link Placeholders}. */
        private static int tokenEnd(String s, int at) {
            int end = at + 1;
            while (end < s.length() && Placeholders.isNameChar(s.charAt(end))) end++;
            return end > at + 1 && end < s.length() && s.charAt(end) == '@' ? end + 1 : -1;
        }

        /** A private-use character (U+E000..U+F8FF, which SnakeYAML accepts in a plain scalar) absent from the text. */
        private static char unusedPrivateUseChar(String s) {
            boolean[] used = new boolean[0xF900 - 0xE000];
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch >= 0xE000 && ch < 0xF900) used[ch - 0xE000] = true;
            }
            for (int k = 0; k < used.length; k++) {
                if (!used[k]) return (char) (0xE000 + k);
            }
            return 0;
        }

        /** A key or value as written in the file. */
        String restore(String v) {
            return marker == 0 || v.indexOf(marker) < 0 ? v : v.replace(marker, '@');
        }
    }

    // ---------------------------------------------------------------- positions

    /** Maps SnakeYAML marks (code point indexes) to 1-based line and Java char column. */
    static final class Text {
        final String s;
        private int[] lineStarts = new int[64];
        private int lines;
        /** Code point indexes of the supplementary characters, ascending. */
        private int[] supplementary = new int[0];
        private int supplementaryCount;

        Text(String s) {
            this.s = s;
            addLine(0);
            int n = s.length();
            int cp = 0;
            for (int i = 0; i < n; i++, cp++) {
                char c = s.charAt(i);
                if (c == '\n') {
                    addLine(i + 1);
                } else if (c == '\r') {
                    if (i + 1 < n && s.charAt(i + 1) == '\n') {
                        i++;
                        cp++;
                    }
                    addLine(i + 1);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (supplementaryCount == supplementary.length) {
                        supplementary = Arrays.copyOf(supplementary, Math.max(16, supplementaryCount * 2));
                    }
                    supplementary[supplementaryCount++] = cp;
                    i++;
                }
            }
        }

        private void addLine(int start) {
            if (lines == lineStarts.length) {
                lineStarts = Arrays.copyOf(lineStarts, lines * 2);
            }
            lineStarts[lines++] = start;
        }

        int lineCount() {
            return lines;
        }

        int lineStart(int index) {
            return lineStarts[index];
        }

        /** End of the content of line {@code index} (0-based), before its terminator. */
        int lineEnd(int index) {
            int end = index + 1 < lines ? lineStarts[index + 1] : s.length();
            while (end > lineStarts[index] && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
                end--;
            }
            return end;
        }

        int charOffset(int codePointIndex) {
            int before = 0;
            if (supplementaryCount > 0) {
                int lo = 0;
                int hi = supplementaryCount;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (supplementary[mid] < codePointIndex) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                before = lo;
            }
            return Math.max(0, Math.min(s.length(), codePointIndex + before));
        }

        int lineIndex(int offset) {
            int lo = 0;
            int hi = lines - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }

        /** {@link #lineIndex(int)}, answered without a search when the offset is on line {@code hint}. */
        int lineIndex(int hint, int offset) {
            boolean onHint = lineStarts[hint] <= offset && (hint + 1 >= lines || offset < lineStarts[hint + 1]);
            return onHint ? hint : lineIndex(offset);
        }

        int line(int offset) {
            return lineIndex(offset) + 1;
        }

        int column(int offset) {
            return offset - lineStarts[lineIndex(offset)] + 1;
        }

        int offset(Mark mark) {
            return charOffset(mark.getIndex());
        }

        ConfigParseException error(String message, Mark mark) {
            if (mark == null) {
                return new ConfigParseException(message, 1, 1);
            }
            int offset = offset(mark);
            return new ConfigParseException(message, line(offset), column(offset));
        }

        /** SnakeYAML problems that go on with text of the file: only the words before it are kept. */
        private static final java.util.regex.Pattern FILE_TEXT_AFTER = java.util.regex.Pattern.compile(
                "(found (?:undefined alias|duplicate anchor|duplicate key|undefined tag handle|unknown escape character"
                + "|unexpected end of stream)).*", java.util.regex.Pattern.DOTALL);

        ConfigParseException syntaxError(MarkedYAMLException e) {
            String problem = e.getProblem();
            java.util.regex.Matcher fileText = FILE_TEXT_AFTER.matcher(problem == null ? "" : problem);
            if (problem == null || problem.isEmpty()) {
                problem = "invalid YAML";
            } else if (problem.startsWith("Global tag is not allowed")) {
                // SnakeYAML appends the tag, which is the file's text
                problem = "a global tag (!!name or !<...>) is not allowed: no object is ever built from a tag";
            } else if (fileText.lookingAt()) {
                // "found undefined alias <name>", "found duplicate anchor <name>; first occurrence", ...: the name is
                // the file's text (a fuzz campaign wrote the canary password into an alias name)
                problem = fileText.group(1) + " (not quoted)";
            } else {
                // "expected escape sequence of 2 hexadecimal numbers, but found: <text of the file>"
                int found = problem.indexOf("but found");
                if (found >= 0) {
                    problem = problem.substring(0, found + "but found".length()) + " something else";
                }
            }
            String context = e.getContext();
            String message = context == null || context.isEmpty() ? problem : context + ": " + problem;
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            return error(message, mark);
        }
    }

    // ---------------------------------------------------------------- flattening

    private static final class Flattener {
        private final Text t;
        final List<ConfigEntry> entries = new ArrayList<>();
        private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<Node, Boolean>());
        private final Set<Node> checkedForDuplicates = Collections.newSetFromMap(new IdentityHashMap<Node, Boolean>());
        private final MavenTokens tokens;
        private int document;
        private int visits;
        private long keyChars;

        Flattener(Text t, MavenTokens tokens) {
            this.t = t;
            this.tokens = tokens;
        }

        void document(Node root, int index) throws ConfigParseException {
            this.document = index;
            if (root == null) {
                return;
            }
            if (root instanceof MappingNode) {
                checkCollectionTag(root);
                mapping((MappingNode) root, null, 0);
            } else if (root instanceof ScalarNode) {
                // Spring Boot skips a document that is null or an empty string
                String value = scalarValue((ScalarNode) root);
                if (!value.isEmpty()) {
                    add("document", root.getStartMark(), root, value);
                }
            } else if (!((SequenceNode) root).getValue().isEmpty()) {
                // an empty sequence is "" to Spring Boot, and an empty document is skipped
                value("document", root.getStartMark(), root, 0);
            }
        }

        private void value(String key, Mark keyMark, Node node, int depth) throws ConfigParseException {
            visit(node);
            if (node instanceof ScalarNode) {
                add(key, keyMark, node, scalarValue((ScalarNode) node));
            } else if (node instanceof MappingNode) {
                checkCollectionTag(node);
                mapping((MappingNode) node, key, depth);
            } else {
                checkCollectionTag(node);
                List<Node> items = ((SequenceNode) node).getValue();
                if (items.isEmpty()) {
                    add(key, keyMark, node, "");
                    return;
                }
                enter(node, depth);
                for (int i = 0; i < items.size(); i++) {
                    Node item = items.get(i);
                    value(join(key, "[" + i + "]"), item.getStartMark(), item, depth + 1);
                }
                onPath.remove(node);
            }
        }

        private void mapping(MappingNode node, String path, int depth) throws ConfigParseException {
            enter(node, depth);
            for (NodeTuple tuple : effectiveTuples(node)) {
                ScalarNode keyNode = (ScalarNode) tuple.getKeyNode(); // checked by effectiveTuples
                String key = keyString(keyNode);
                value(join(path, key), keyNode.getStartMark(), tuple.getValueNode(), depth + 1);
            }
            onPath.remove(node);
        }

        private void enter(Node node, int depth) throws ConfigParseException {
            if (depth > MAX_FLATTEN_DEPTH) {
                throw t.error("nesting deeper than " + MAX_FLATTEN_DEPTH + " levels through aliases", node.getStartMark());
            }
            if (!onPath.add(node)) {
                throw t.error("recursive alias: a collection contains itself", node.getStartMark());
            }
        }

        private void visit(Node node) throws ConfigParseException {
            if (++visits > MAX_VISITS) {
                throw t.error("too many nodes after expanding aliases (limit " + MAX_VISITS + "): possible alias bomb",
                        node.getStartMark());
            }
        }

        /** {@code YamlProcessor.buildFlattenedMap}: {@code StringUtils.hasText(path)} decides the prefix. */
        private static String join(String path, String key) {
            if (!hasText(path)) {
                return key;
            }
            return key.startsWith("[") ? path + key : path + '.' + key;
        }

        private static boolean hasText(String s) {
            if (s == null) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                if (!Character.isWhitespace(s.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        private void add(String key, Mark keyMark, Node valueNode, String value) throws ConfigParseException {
            if (entries.size() >= MAX_ENTRIES) {
                throw t.error("more than " + MAX_ENTRIES + " entries after expanding aliases: possible alias bomb",
                        valueNode.getStartMark());
            }
            keyChars += key.length();
            if (keyChars > MAX_KEY_CHARS) {
                throw t.error("flattened keys too long after expanding aliases: possible alias bomb",
                        valueNode.getStartMark());
            }
            int keyOffset = t.offset(keyMark);
            int valueOffset = t.offset(valueNode.getStartMark());
            int keyLine = t.lineIndex(keyOffset);
            int valueLine = t.lineIndex(keyLine, valueOffset);
            entries.add(ConfigEntry.of(key, value, keyLine + 1, keyOffset - t.lineStart(keyLine) + 1,
                    valueLine + 1, valueOffset - t.lineStart(valueLine) + 1, document));
        }

        // ------------------------------------------------------------ merge and duplicate keys

        /** The tuples of a mapping once merge keys are applied ({@code SafeConstructor.flattenMapping}). */
        private List<NodeTuple> effectiveTuples(MappingNode node) throws ConfigParseException {
            checkDuplicates(node);
            if (!node.isMerged()) {
                return node.getValue();
            }
            List<NodeTuple> values = new ArrayList<>();
            merge(node, true, new HashMap<Object, Integer>(), values,
                    Collections.newSetFromMap(new IdentityHashMap<Node, Boolean>()));
            return values;
        }

        /** {@code SafeConstructor.mergeNode}, without changing the nodes. */
        private void merge(MappingNode node, boolean preferred, Map<Object, Integer> keyIndex, List<NodeTuple> values,
                Set<Node> merging) throws ConfigParseException {
            if (!merging.add(node)) {
                throw t.error("recursive merge: a mapping merges itself", node.getStartMark());
            }
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Node valueNode = tuple.getValueNode();
                visit(keyNode);
                if (Tag.MERGE.equals(keyNode.getTag())) {
                    if (valueNode instanceof MappingNode) {
                        merge((MappingNode) valueNode, false, keyIndex, values, merging);
                    } else if (valueNode instanceof SequenceNode) {
                        for (Node sub : ((SequenceNode) valueNode).getValue()) {
                            if (!(sub instanceof MappingNode)) {
                                throw t.error("expected a mapping for merging, but found " + sub.getNodeId(),
                                        sub.getStartMark());
                            }
                            merge((MappingNode) sub, false, keyIndex, values, merging);
                        }
                    } else {
                        throw t.error("expected a mapping or list of mappings for merging, but found "
                                + valueNode.getNodeId(), valueNode.getStartMark());
                    }
                } else {
                    Object id = keyIdentity(keyNode);
                    Integer index = keyIndex.get(id);
                    if (index == null) {
                        values.add(tuple);
                        keyIndex.put(id, values.size() - 1);
                    } else if (preferred) {
                        values.set(index, tuple);
                    }
                }
            }
            merging.remove(node);
        }

        /** {@code SafeConstructor.processDuplicateKeys} with duplicates not allowed. */
        private void checkDuplicates(MappingNode node) throws ConfigParseException {
            if (!checkedForDuplicates.add(node)) {
                return;
            }
            List<NodeTuple> tuples = node.getValue();
            boolean plainStrings = true;
            for (NodeTuple tuple : tuples) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode) || !Tag.STR.equals(keyNode.getTag())) {
                    plainStrings = false;
                    break;
                }
            }
            if (plainStrings) { // nearly every mapping: string keys are equal when their values are, no identity needed
                if (tuples.size() < 2) {
                    return;
                }
                Set<String> names = new HashSet<>(tuples.size() * 4 / 3 + 1);
                for (NodeTuple tuple : tuples) {
                    ScalarNode k = (ScalarNode) tuple.getKeyNode();
                    if (!names.add(k.getValue())) {
                        throw t.error("duplicate key", k.getStartMark());
                    }
                }
                return;
            }
            Set<Object> seen = new HashSet<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (Tag.MERGE.equals(keyNode.getTag())) {
                    continue;
                }
                if (!seen.add(keyIdentity(keyNode))) {
                    throw t.error("duplicate key", keyNode.getStartMark());
                }
            }
        }

        /** What SafeConstructor would build for a key, as something with the same {@code equals}. */
        private Object keyIdentity(Node keyNode) throws ConfigParseException {
            if (!(keyNode instanceof ScalarNode)) {
                throw t.error("mapping keys must be scalars, but found a " + keyNode.getNodeId(), keyNode.getStartMark());
            }
            ScalarNode k = (ScalarNode) keyNode;
            Tag tag = k.getTag();
            String v = k.getValue();
            if (Tag.STR.equals(tag)) {
                return "s:" + v;
            }
            if (Tag.BOOL.equals(tag)) {
                return "b:" + bool(v);
            }
            if (Tag.INT.equals(tag)) {
                return "i:" + integer(k);
            }
            if (Tag.NULL.equals(tag)) {
                return "null";
            }
            if (Tag.FLOAT.equals(tag)) {
                try {
                    return "f:" + Double.valueOf(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    return "f:" + v;
                }
            }
            return "t:" + tag.getValue() + ":" + v;
        }

        /** The key as Spring's {@code YamlProcessor.asMap} writes it: a key that is not a string in brackets. */
        private String keyString(ScalarNode k) throws ConfigParseException {
            Tag tag = k.getTag();
            String v = k.getValue();
            if (Tag.STR.equals(tag)) {
                return tokens.restore(v);
            }
            if (Tag.BOOL.equals(tag)) {
                String b = bool(v);
                if (b == null) {
                    throw t.error("mapping key is null", k.getStartMark());
                }
                return "[" + b + "]";
            }
            if (Tag.INT.equals(tag)) {
                return "[" + integer(k) + "]";
            }
            if (Tag.NULL.equals(tag)) {
                throw t.error("mapping key is null (~, null or empty)", k.getStartMark());
            }
            if (Tag.FLOAT.equals(tag) || Tag.TIMESTAMP.equals(tag) || Tag.BINARY.equals(tag)) {
                return "[" + v + "]";
            }
            throw unsupportedTag(k);
        }

        private String scalarValue(ScalarNode node) throws ConfigParseException {
            Tag tag = node.getTag();
            String v = node.getValue();
            if (Tag.STR.equals(tag)) {
                return tokens.restore(v);
            }
            if (Tag.NULL.equals(tag)) {
                return "";
            }
            if (Tag.BOOL.equals(tag)) {
                String b = bool(v);
                return b == null ? "" : b;
            }
            if (Tag.INT.equals(tag)) {
                return integer(node);
            }
            if (Tag.FLOAT.equals(tag) || Tag.TIMESTAMP.equals(tag) || Tag.BINARY.equals(tag)) {
                return v;
            }
            if (Tag.MERGE.equals(tag)) {
                throw t.error("'<<' (merge) can only be a mapping key", node.getStartMark());
            }
            throw unsupportedTag(node);
        }

        private void checkCollectionTag(Node node) throws ConfigParseException {
            Tag tag = node.getTag();
            if (Tag.MAP.equals(tag) || Tag.SEQ.equals(tag) || Tag.SET.equals(tag) || Tag.OMAP.equals(tag)
                    || Tag.PAIRS.equals(tag)) {
                return;
            }
            throw unsupportedTag(node);
        }

        /** Names a standard YAML tag; any other tag is the file's own text, which a message never quotes. */
        private ConfigParseException unsupportedTag(Node node) {
            String tag = node.getTag().getValue();
            String name = STANDARD_TAGS.contains(tag) ? "!!" + tag.substring(TAG_PREFIX.length()) + " " : "";
            return t.error("unsupported YAML tag " + name + "(Spring Boot's SafeConstructor cannot construct it)",
                    node.getStartMark());
        }

        /** {@code SafeConstructor.ConstructYamlBool}: null when the text is not a YAML 1.1 bool. */
        private static String bool(String v) {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "yes":
                case "true":
                case "on":
                    return "true";
                case "no":
                case "false":
                case "off":
                    return "false";
                default:
                    return null;
            }
        }

        /**
         * {@code SafeConstructor.ConstructYamlInt}, as a decimal string. A decimal is kept as written (without
         * {@code _}, {@code +} and a {@code -0}'s sign): what SnakeYAML builds prints the same digits, and no
         * unbounded digit string is converted ({@code BigInteger} parsing and printing are quadratic: a million
         * digits took 68 s). Binary, octal and hexadecimal are converted up to {@value #MAX_CONVERTED_DIGITS}
         * digits; a longer one is kept as written, which no mail setting takes as a number anyway.
         */
        private String integer(ScalarNode node) throws ConfigParseException {
            String value = node.getValue().replace("_", "");
            if (value.isEmpty()) {
                throw t.error("invalid integer", node.getStartMark());
            }
            String sign = "";
            char first = value.charAt(0);
            if (first == '-') {
                sign = "-";
                value = value.substring(1);
            } else if (first == '+') {
                value = value.substring(1);
            }
            if ("0".equals(value)) {
                return "0";
            }
            int radix;
            String digits;
            if (value.startsWith("0b")) {
                radix = 2;
                digits = value.substring(2);
            } else if (value.startsWith("0x")) {
                radix = 16;
                digits = value.substring(2);
            } else if (value.startsWith("0")) {
                radix = 8;
                digits = value.substring(1);
            } else if (value.indexOf(':') != -1) {
                return sexagesimal(node, sign, value);
            } else {
                radix = 10;
                digits = value;
            }
            if (digits.isEmpty()) {
                throw t.error("invalid integer", node.getStartMark());
            }
            for (int i = 0; i < digits.length(); i++) {
                if (Character.digit(digits.charAt(i), radix) < 0) {
                    throw t.error("invalid integer", node.getStartMark());
                }
            }
            if (radix == 10) {
                return sign + digits;
            }
            if (digits.length() > MAX_CONVERTED_DIGITS) {
                return node.getValue();
            }
            return new BigInteger(sign + digits, radix).toString();
        }

        /** {@code 1:30}, with SnakeYAML's int arithmetic. */
        private String sexagesimal(ScalarNode node, String sign, String value) throws ConfigParseException {
            try {
                String[] digits = value.split(":");
                int bes = 1;
                int val = 0;
                for (int i = 0, j = digits.length; i < j; i++) {
                    val += Long.parseLong(digits[j - i - 1]) * bes;
                    bes *= 60;
                }
                return new BigInteger(sign + val).toString();
            } catch (NumberFormatException e) {
                throw t.error("invalid integer", node.getStartMark());
            }
        }
    }

    // ---------------------------------------------------------------- comments

    /** Adds [start, end) char ranges of every scalar of a document; block scalars start after their header. */
    private static void collectScalarRanges(Text t, Node root, List<long[]> ranges) {
        if (root == null) {
            return;
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<Node, Boolean>());
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node node = stack.remove(stack.size() - 1);
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof ScalarNode) {
                ScalarNode s = (ScalarNode) node;
                int start = t.offset(s.getStartMark());
                int end = s.getEndMark() == null ? start : t.offset(s.getEndMark());
                DumperOptions.ScalarStyle style = s.getScalarStyle();
                if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
                    // a comment may follow the | or > indicator on its line
                    int next = t.lineIndex(start) + 1;
                    start = next < t.lineCount() ? t.lineStart(next) : end;
                }
                if (end > start) {
                    ranges.add(new long[] {start, end});
                }
            } else if (node instanceof MappingNode) {
                for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                    stack.add(tuple.getKeyNode());
                    stack.add(tuple.getValueNode());
                }
            } else if (node instanceof SequenceNode) {
                stack.addAll(((SequenceNode) node).getValue());
            }
        }
    }

    private static List<Comment> scanComments(Text t, List<long[]> ranges) {
        long[][] sorted = ranges.toArray(new long[0][]);
        Arrays.sort(sorted, (a, b) -> Long.compare(a[0], b[0]));
        List<Comment> comments = new ArrayList<>();
        String s = t.s;
        for (int li = 0; li < t.lineCount(); li++) {
            int start = t.lineStart(li);
            int end = t.lineEnd(li);
            int first = start;
            while (first < end && (s.charAt(first) == ' ' || s.charAt(first) == '\t')) {
                first++;
            }
            for (int i = first; i < end; i++) {
                if (s.charAt(i) != '#') {
                    continue;
                }
                boolean ownLine = i == first;
                if (!ownLine && s.charAt(i - 1) != ' ' && s.charAt(i - 1) != '\t') {
                    continue;
                }
                if (insideScalar(sorted, i)) {
                    continue;
                }
                comments.add(Comment.of(s.substring(i + 1, end).trim(), li + 1, i - start + 1, ownLine));
                break;
            }
        }
        return comments;
    }

    private static boolean insideScalar(long[][] sorted, int offset) {
        int lo = 0;
        int hi = sorted.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid][0] <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && offset < sorted[found][1];
    }
}
