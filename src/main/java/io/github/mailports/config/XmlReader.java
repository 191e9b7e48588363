package io.github.mailports.config;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML file into a small immutable tree ({@link XmlElement}) that keeps the line and column of every
 * element, attribute and text, plus the file's comments.
 *
 * <p>Safety: a document type declaration is read by this class before the parser sees the file, and then
 * blanked out (line breaks kept, so positions do not move): the StAX parser never sees a DOCTYPE, so it has
 * no DTD to load and no entity to expand. What the libraries do decides what is accepted:
 * <ul>
 *   <li>Logback ({@code SaxEventRecorder.buildSaxParser}, qos-ch/logback HEAD f4c7de4) leaves
 *       {@code disallow-doctype-decl} commented out ("See LOGBACK-1465") and only turns
 *       {@code external-general-entities} and {@code external-parameter-entities} off; since 1.5.13
 *       (commit 5f05041, "prevent SSRF attacks by ignoring external DTD files in DOCTYPE") its
 *       {@code resolveEntity} answers every external DTD with a single space and a warning.</li>
 *   <li>Log4j2 ({@code XmlConfiguration.disableDtdProcessing}) sets validating off,
 *       {@code setExpandEntityReferences(false)}, both external-entity features off and
 *       {@code nonvalidating/load-external-dtd} off.</li>
 * </ul>
 * So a DOCTYPE such as JHipster's {@code <!DOCTYPE configuration>} is accepted; a DOCTYPE with a
 * {@code SYSTEM}/{@code PUBLIC} id is accepted and its DTD ignored (never fetched), as both libraries do;
 * an internal subset may hold element and notation declarations, comments and processing instructions
 * (ignored). Entity declarations and parameter-entity references are refused (no entity is ever
 * expanded), and so are attribute-list declarations, whose default values would change the attributes the
 * library reads. XInclude ({@code <xi:include>}, which Log4j2 enables) is never processed: it is an element
 * like any other. The StAX factory is configured without DTD support and without external entities as a
 * second line of defence, and its resolver refuses everything. Nesting is limited to {@value #MAX_DEPTH}
 * levels and {@value #MAX_ELEMENTS} elements.
 *
 * <p>Positions: StAX validates and decodes the document; positions come from a scan of the raw text that
 * follows the parser's events in document order (the next start tag in the text is the next start
 * element), so they do not depend on how a StAX implementation reports locations. Lines end at
 * {@code \n}, {@code \r\n} or {@code \r}; columns count Java {@code char}s, 1-based. An element is at its
 * {@code <}, an attribute at the first character of its name, a comment at its {@code <!--}.
 *
 * <p>Parse errors carry the parser's line and column and a message that never quotes the file's text.
 */
public final class XmlReader {
    static final int MAX_DEPTH = 64; // below the JDK parsers' own limits (JDK 24+ stops at 100), so ours speaks first
    static final int MAX_ELEMENTS = 500_000;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*([\"'])([A-Za-z0-9._:-]+)\\1");

    private XmlReader() {
    }

    /**
     * Decodes the bytes of an XML file: a byte-order mark (UTF-8, UTF-16) wins, then UTF-16 detected from
     * {@code <?}, then the encoding named by the XML declaration, else UTF-8. Malformed bytes are an error.
     */
    public static String decode(byte[] bytes) throws ConfigParseException {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 4 && bytes[0] == '<' && bytes[1] == 0 && bytes[2] == '?' && bytes[3] == 0) {
            cs = StandardCharsets.UTF_16LE;
        } else if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == '<' && bytes[2] == 0 && bytes[3] == '?') {
            cs = StandardCharsets.UTF_16BE;
        } else {
            int n = Math.min(bytes.length, 200);
            String head = new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            Matcher m = DECLARED_ENCODING.matcher(head);
            if (m.find()) {
                try {
                    cs = Charset.forName(m.group(2));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new ConfigParseException("the XML declaration names an encoding this Java runtime does not"
                            + " support", 1, m.start(2) + 1);
                }
            }
        }
        CharsetDecoder d = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            CharBuffer chars = d.decode(in);
            return chars.toString();
        } catch (CharacterCodingException e) {
            // find the offending byte for the position
            CharsetDecoder again = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in2 = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
            CharBuffer out = CharBuffer.allocate(bytes.length + 1);
            again.decode(in2, out, true);
            int bad = in2.position();
            int line = 1;
            int col = 1;
            for (int i = skip; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            throw new ConfigParseException("the file is not valid " + cs.name() + " (invalid byte at offset " + bad + ")",
                    line, col);
        }
    }

    /** Parses the text of an XML file (already decoded). */
    public static ConfigFile read(String path, String text) throws ConfigParseException {
        String src = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Text t = new Text(src);
        String blanked = withoutDoctype(t);
        if (blanked != src) t = new Text(blanked); // same line starts: the scan below never sees the DOCTYPE either
        XMLStreamReader r;
        try {
            r = FACTORY.get().createXMLStreamReader(new StringReader(t.src));
        } catch (XMLStreamException e) {
            throw error(e, t);
        }
        List<Comment> comments = new ArrayList<>();
        Deque<Builder> stack = new ArrayDeque<>();
        XmlElement root = null;
        int cursor = 0;
        int elements = 0;
        try {
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD: // only the prolog's DOCTYPE is read (and blanked) above
                        throw new ConfigParseException("DOCTYPE is not allowed here: only one, before the root element",
                                t.line(cursor), t.column(cursor));
                    case XMLStreamConstants.START_ELEMENT: {
                        Tag tag = t.nextStartTag(cursor);
                        if (tag == null) throw new ConfigParseException("the reader lost its place in the file", 1, 1);
                        cursor = tag.end;
                        if (stack.size() >= MAX_DEPTH) {
                            throw new ConfigParseException("elements nested deeper than " + MAX_DEPTH + " levels",
                                    t.line(tag.start), t.column(tag.start));
                        }
                        if (++elements > MAX_ELEMENTS) {
                            throw new ConfigParseException("more than " + MAX_ELEMENTS + " elements",
                                    t.line(tag.start), t.column(tag.start));
                        }
                        stack.push(new Builder(tag, attributes(r, tag, t), t));
                        break;
                    }
                    case XMLStreamConstants.END_ELEMENT: {
                        Builder b = stack.pop();
                        if (!b.selfClosing) cursor = t.endTagEnd(cursor);
                        XmlElement done = b.build();
                        if (stack.isEmpty()) root = done;
                        else stack.peek().children.add(done);
                        break;
                    }
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE: {
                        Builder b = stack.peek();
                        if (b == null) break;
                        String chunk = r.getText();
                        if (b.textOffset < 0 && !chunk.trim().isEmpty()) b.textOffset = t.firstTextChar(cursor);
                        b.text.append(chunk);
                        break;
                    }
                    case XMLStreamConstants.COMMENT: {
                        int start = t.nextComment(cursor);
                        if (start < 0) break;
                        int end = t.src.indexOf("-->", start + 4);
                        cursor = end < 0 ? t.src.length() : end + 3;
                        comments.add(Comment.of(r.getText().trim(), t.line(start), t.column(start), t.ownLine(start)));
                        break;
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION: {
                        int start = t.nextPi(cursor);
                        if (start >= 0) {
                            int end = t.src.indexOf("?>", start + 2);
                            cursor = end < 0 ? t.src.length() : end + 2;
                        }
                        break;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE:
                    case XMLStreamConstants.ENTITY_DECLARATION:
                    case XMLStreamConstants.NOTATION_DECLARATION:
                        throw new ConfigParseException("entity references to declared entities are not allowed",
                                t.line(cursor), t.column(cursor));
                    default:
                        break;
                }
            }
        } catch (XMLStreamException e) {
            throw error(e, t);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to release: the input is a string
            }
        }
        if (root == null) throw new ConfigParseException("the file holds no XML element", 1, 1);
        return ConfigFile.ofXml(path, root, comments);
    }

    /**
     * One configured factory per thread: {@code XMLInputFactory.newInstance()} looks the implementation up and builds
     * its property tables on every call, which was 7 % of reading a monorepo's files in a fresh JVM. A factory is not
     * promised to be thread-safe, so each thread has its own; readers are created from it and closed per file.
     */
    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XmlReader::factory);

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newInstance();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        optional(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        optional(f, "http://javax.xml.XMLConstants/property/accessExternalSchema", "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed");
        });
        return f;
    }

    private static void optional(XMLInputFactory f, String name, Object value) {
        try {
            f.setProperty(name, value);
        } catch (IllegalArgumentException e) {
            // an implementation without this property: DOCTYPE is refused before parsing anyway
        }
    }

    /**
     * The text with the prolog's document type declaration replaced by spaces (line breaks kept), after
     * checking it: the name and an optional external id (never loaded), then an optional internal subset
     * holding only element and notation declarations, comments and processing instructions.
     */
    private static String withoutDoctype(Text t) throws ConfigParseException {
        String s = t.src;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (s.startsWith("<?", i)) {
                int end = s.indexOf("?>", i + 2);
                if (end < 0) return s;
                i = end + 2;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                if (end < 0) return s;
                i = end + 3;
            } else if (s.startsWith("<!DOCTYPE", i)) {
                int end = new Doctype(t, i).end();
                char[] out = s.toCharArray();
                for (int k = i; k < end; k++) {
                    if (out[k] != '\n' && out[k] != '\r') out[k] = ' ';
                }
                return new String(out);
            } else if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                throw new ConfigParseException("malformed XML: the document type declaration must be written <!DOCTYPE",
                        t.line(i), t.column(i));
            } else {
                return s;
            }
        }
        return s;
    }

    /** A scan of one {@code <!DOCTYPE ...>} declaration (XML 1.0, production [28] doctypedecl). */
    private static final class Doctype {
        private final Text t;
        private final String s;
        private int i;

        Doctype(Text t, int start) {
            this.t = t;
            this.s = t.src;
            this.i = start + "<!DOCTYPE".length();
        }

        /** Offset just after the declaration's {@code >}. */
        int end() throws ConfigParseException {
            if (!space()) throw malformed();
            if (name() == 0) throw malformed();
            boolean spaced = space();
            if (spaced && (s.startsWith("SYSTEM", i) || s.startsWith("PUBLIC", i))) {
                boolean pub = s.startsWith("PUBLIC", i);
                i += 6;
                if (!space()) throw malformed();
                literal();
                if (pub) {
                    if (!space()) throw malformed();
                    literal();
                }
                space();
            }
            if (i < s.length() && s.charAt(i) == '[') {
                i++;
                internalSubset();
                space();
            }
            if (i < s.length() && s.charAt(i) == '>') return i + 1;
            throw malformed();
        }

        private void internalSubset() throws ConfigParseException {
            while (true) {
                space();
                if (i >= s.length()) throw malformed();
                char c = s.charAt(i);
                if (c == ']') {
                    i++;
                    return;
                }
                if (c == '%') {
                    throw new ConfigParseException("DOCTYPE is not allowed with a parameter-entity reference:"
                            + " entities are never expanded or loaded", t.line(i), t.column(i));
                }
                if (s.startsWith("<!--", i)) {
                    i = past("-->", i + 4);
                } else if (s.startsWith("<?", i)) {
                    i = past("?>", i + 2);
                } else if (s.startsWith("<!ENTITY", i)) {
                    throw new ConfigParseException("DOCTYPE is not allowed with entity declarations: entities are"
                            + " never expanded or loaded", t.line(i), t.column(i));
                } else if (s.startsWith("<!ATTLIST", i)) {
                    throw new ConfigParseException("DOCTYPE is not allowed with attribute-list declarations: their"
                            + " default values would change the attributes the library reads", t.line(i), t.column(i));
                } else if (s.startsWith("<!ELEMENT", i) || s.startsWith("<!NOTATION", i)) {
                    declaration();
                } else {
                    throw malformed();
                }
            }
        }

        /** An element or notation declaration, up to its {@code >}, quoted literals skipped. */
        private void declaration() throws ConfigParseException {
            i += 2;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '>') {
                    i++;
                    return;
                }
                if (c == '%') {
                    throw new ConfigParseException("DOCTYPE is not allowed with a parameter-entity reference:"
                            + " entities are never expanded or loaded", t.line(i), t.column(i));
                }
                if (c == '"' || c == '\'') {
                    literal();
                } else {
                    i++;
                }
            }
            throw malformed();
        }

        private int past(String end, int from) throws ConfigParseException {
            int at = s.indexOf(end, from);
            if (at < 0) throw malformed();
            return at + end.length();
        }

        private void literal() throws ConfigParseException {
            if (i >= s.length() || (s.charAt(i) != '"' && s.charAt(i) != '\'')) throw malformed();
            int close = s.indexOf(s.charAt(i), i + 1);
            if (close < 0) throw malformed();
            i = close + 1;
        }

        private int name() {
            int start = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Text.isSpace(c) || c == '>' || c == '[' || c == '"' || c == '\'' || c == '<' || c == '%') break;
                i++;
            }
            return i - start;
        }

        private boolean space() {
            int start = i;
            while (i < s.length() && Text.isSpace(s.charAt(i))) i++;
            return i > start;
        }

        private ConfigParseException malformed() {
            int at = Math.min(i, s.length());
            return new ConfigParseException("malformed XML: the document type declaration (DOCTYPE) is not well-formed",
                    t.line(at), t.column(at));
        }
    }

    /** Values from the parser (entities decoded), names and positions from the raw tag. */
    private static List<XmlElement.Attribute> attributes(XMLStreamReader r, Tag tag, Text t) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String prefix = r.getAttributePrefix(i);
            String local = r.getAttributeLocalName(i);
            String qname = prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
            values.put(qname, r.getAttributeValue(i));
            values.putIfAbsent(local, r.getAttributeValue(i));
        }
        List<XmlElement.Attribute> out = new ArrayList<>();
        for (int i = 0; i < tag.attrNames.size(); i++) {
            String name = tag.attrNames.get(i);
            int at = tag.attrOffsets.get(i);
            String v = values.get(name);
            if (v == null) {
                int colon = name.indexOf(':');
                v = values.get(colon < 0 ? name : name.substring(colon + 1));
            }
            out.add(XmlElement.Attribute.of(name, v, t.line(at), t.column(at)));
        }
        return out;
    }

    private static ConfigParseException error(XMLStreamException e, Text t) {
        Location loc = e.getLocation();
        int line = loc == null ? 1 : loc.getLineNumber();
        int column = loc == null ? 1 : loc.getColumnNumber();
        String m = String.valueOf(e.getMessage());
        String why;
        if (m.contains("DOCTYPE") || m.contains("DTD")) {
            why = "DOCTYPE is not allowed: DTDs and entity declarations are refused";
        } else if (m.contains("must be terminated by the matching end-tag")) {
            why = "an element is not closed by its matching end tag";
        } else if (m.contains("referenced, but not declared") || m.contains("entity")) {
            why = "an entity reference names an entity that is not one of XML's five predefined ones"
                    + " (entity declarations are refused)";
        } else if (m.contains("Content is not allowed in prolog")) {
            why = "text before the root element";
        } else if (m.contains("following the root element")) {
            why = "content after the root element";
        } else if (m.contains("must start and end within the same entity") || m.contains("Premature end of file")
                || m.contains("end of file") || m.contains("Unexpected EOF")) {
            why = "the file ends before the document is complete";
        } else if (m.contains("invalid XML character") || m.contains("Invalid byte")) {
            why = "a character that is not allowed in XML";
        } else if (m.contains("must be followed by") || m.contains("Attribute")) {
            why = "a start tag or attribute is malformed";
        } else {
            why = "the file is not well-formed XML";
        }
        return new ConfigParseException("malformed XML: " + why, Math.max(1, line), Math.max(1, column));
    }

    /** An element being read. */
    private static final class Builder {
        final String name;
        final int line;
        final int column;
        final boolean selfClosing;
        final List<XmlElement.Attribute> attributes;
        final StringBuilder text = new StringBuilder();
        int textOffset = -1;
        final List<XmlElement> children = new ArrayList<>();
        final Text t;

        Builder(Tag tag, List<XmlElement.Attribute> attributes, Text t) {
            this.name = tag.name;
            this.line = t.line(tag.start);
            this.column = t.column(tag.start);
            this.selfClosing = tag.selfClosing;
            this.attributes = attributes;
            this.t = t;
        }

        XmlElement build() {
            String trimmed = text.toString().trim();
            int tl = textOffset >= 0 ? t.line(textOffset) : line;
            int tc = textOffset >= 0 ? t.column(textOffset) : column;
            return XmlElement.of(name, line, column, attributes, trimmed, tl, tc, children);
        }
    }

    /** A start tag found in the raw text. */
    private static final class Tag {
        int start;
        int end;
        String name;
        boolean selfClosing;
        final List<String> attrNames = new ArrayList<>();
        final List<Integer> attrOffsets = new ArrayList<>();
    }

    /** The raw text with line starts, and a forward scanner over its markup. */
    private static final class Text {
        final String src;
        final int[] lineStarts;

        Text(String src) {
            this.src = src;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < src.length(); i++) {
                char c = src.charAt(i);
                if (c == '\n') {
                    starts.add(i + 1);
                } else if (c == '\r') {
                    if (i + 1 < src.length() && src.charAt(i + 1) == '\n') i++;
                    starts.add(i + 1);
                }
            }
            lineStarts = new int[starts.size()];
            for (int i = 0; i < lineStarts.length; i++) lineStarts[i] = starts.get(i);
        }

        int lineIndex(int offset) {
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= offset) lo = mid;
                else hi = mid - 1;
            }
            return lo;
        }

        int line(int offset) { return lineIndex(offset) + 1; }

        int column(int offset) { return offset - lineStarts[lineIndex(offset)] + 1; }

        boolean ownLine(int offset) {
            for (int i = lineStarts[lineIndex(offset)]; i < offset; i++) {
                char c = src.charAt(i);
                if (c != ' ' && c != '\t') return false;
            }
            return true;
        }

        /** Offset after the markup at {@code i} ({@code <!-- -->}, CDATA, PI, declaration), or -1 when {@code i} holds none. */
        private int skipOther(int i) {
            if (src.startsWith("<!--", i)) return after("-->", i + 4);
            if (src.startsWith("<![CDATA[", i)) return after("]]>", i + 9);
            if (src.startsWith("<?", i)) return after("?>", i + 2);
            if (src.startsWith("<!", i)) return after(">", i + 2);
            return -1;
        }

        private int after(String end, int from) {
            int at = src.indexOf(end, from);
            return at < 0 ? src.length() : at + end.length();
        }

        /** The next start tag at or after {@code from}. */
        Tag nextStartTag(int from) {
            int i = from;
            while (true) {
                int lt = src.indexOf('<', i);
                if (lt < 0 || lt + 1 >= src.length()) return null;
                int skipped = skipOther(lt);
                if (skipped >= 0) {
                    i = skipped;
                    continue;
                }
                if (src.charAt(lt + 1) == '/') {
                    i = after(">", lt + 2);
                    continue;
                }
                return parseTag(lt);
            }
        }

        private Tag parseTag(int lt) {
            Tag tag = new Tag();
            tag.start = lt;
            int i = lt + 1;
            int n = src.length();
            int nameStart = i;
            while (i < n && !isSpace(src.charAt(i)) && src.charAt(i) != '/' && src.charAt(i) != '>') i++;
            tag.name = src.substring(nameStart, i);
            while (i < n) {
                char c = src.charAt(i);
                if (isSpace(c)) {
                    i++;
                } else if (c == '>') {
                    tag.end = i + 1;
                    return tag;
                } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '>') {
                    tag.selfClosing = true;
                    tag.end = i + 2;
                    return tag;
                } else {
                    int an = i;
                    while (i < n && !isSpace(src.charAt(i)) && src.charAt(i) != '=' && src.charAt(i) != '>'
                            && src.charAt(i) != '/') i++;
                    if (i > an) {
                        tag.attrNames.add(src.substring(an, i));
                        tag.attrOffsets.add(an);
                    } else {
                        i++;
                        continue;
                    }
                    while (i < n && isSpace(src.charAt(i))) i++;
                    if (i < n && src.charAt(i) == '=') {
                        i++;
                        while (i < n && isSpace(src.charAt(i))) i++;
                        if (i < n && (src.charAt(i) == '"' || src.charAt(i) == '\'')) {
                            char q = src.charAt(i);
                            int close = src.indexOf(q, i + 1);
                            i = close < 0 ? n : close + 1;
                        }
                    }
                }
            }
            tag.end = n;
            return tag;
        }

        /** Offset after the next end tag at or after {@code from}. */
        int endTagEnd(int from) {
            int i = from;
            while (true) {
                int lt = src.indexOf('<', i);
                if (lt < 0) return src.length();
                int skipped = skipOther(lt);
                if (skipped >= 0) {
                    i = skipped;
                    continue;
                }
                if (lt + 1 < src.length() && src.charAt(lt + 1) == '/') return after(">", lt + 2);
                i = lt + 1; // cannot happen in a well-formed document: a start tag before our end tag
            }
        }

        /** Offset of the next {@code <!--} at or after {@code from}, skipping CDATA. */
        int nextComment(int from) {
            int i = from;
            while (true) {
                int lt = src.indexOf('<', i);
                if (lt < 0) return -1;
                if (src.startsWith("<!--", lt)) return lt;
                int skipped = skipOther(lt);
                i = skipped >= 0 ? skipped : lt + 1;
            }
        }

        /** Offset of the next {@code <?} at or after {@code from}, skipping comments and CDATA. */
        int nextPi(int from) {
            int i = from;
            while (true) {
                int lt = src.indexOf('<', i);
                if (lt < 0) return -1;
                if (src.startsWith("<?", lt)) return lt;
                int skipped = skipOther(lt);
                i = skipped >= 0 ? skipped : lt + 1;
            }
        }

        /** The first character of text content at or after {@code from}, looking into CDATA; else {@code from}. */
        int firstTextChar(int from) {
            int i = from;
            int n = src.length();
            boolean cdata = false;
            while (i < n) {
                if (cdata) {
                    if (src.startsWith("]]>", i)) {
                        cdata = false;
                        i += 3;
                        continue;
                    }
                } else if (src.charAt(i) == '<') {
                    if (src.startsWith("<![CDATA[", i)) {
                        cdata = true;
                        i += 9;
                        continue;
                    }
                    if (src.startsWith("<!--", i) || src.startsWith("<?", i)) {
                        i = skipOther(i);
                        continue;
                    }
                    return from;
                }
                if (!isSpace(src.charAt(i))) return i;
                i++;
            }
            return from;
        }

        static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }
    }
}
