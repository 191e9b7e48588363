package io.github.mailports.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a {@code .properties} file into entries with positions.
 *
 * <p>The grammar is the one of {@code java.util.Properties.load(Reader)} (JDK 9+):
 * <ul>
 *   <li>natural lines end in {@code \n}, {@code \r\n} or {@code \r}; a natural line ending in an odd
 *       number of backslashes continues on the next one, whose leading white space
 *       ({@code ' '}, {@code '\t'}, {@code '\f'}) is skipped; a white-space-only continuation line ends
 *       the logical line; a trailing backslash at the end of the file is dropped;</li>
 *   <li>a line whose first non-white character is {@code #} or {@code !} while the logical line is still
 *       empty is a comment (so a continuation line is never a comment);</li>
 *   <li>the key ends at the first unescaped {@code =}, {@code :} or white space, then white space, at most
 *       one {@code =}/{@code :} and more white space are skipped; the value is the rest (trailing white
 *       space kept);</li>
 *   <li>escapes {@code \t \n \r \f \}{@code uXXXX}, any other {@code \x} is {@code x}; a malformed
 *       {@code \}{@code u} escape is an error.</li>
 * </ul>
 *
 * <p>Spring Boot's multi-document syntax is followed the way {@code OriginTrackedPropertiesLoader} does
 * it (checked at spring-boot HEAD, {@code core/spring-boot/.../env/OriginTrackedPropertiesLoader.java}):
 * a comment line that is {@code #---} or {@code !---} with no leading white space and nothing after but
 * white space starts a new document, unless the comment line just before used the same prefix character
 * (so {@code #---}/{@code # Title}/{@code #---} banners stay comments). Spring never keeps an empty
 * document: a separator before any key does not open a document, and a comment line that comes after a
 * separator but before the first key of the new document re-opens the previous document, which is how
 * Spring tells a separator from the top rule of a comment banner. Empty keys ({@code =value}) are kept
 * here, as {@code java.util.Properties} keeps them, but like Spring they do not make a document
 * non-empty.
 *
 * <p>Positions are 1-based and count Java {@code char}s (a tab is one column, a character outside the
 * BMP is two). A leading byte order mark is skipped and not counted.
 *
 * <p>Limits: at most {@value #MAX_ENTRIES} entries (an error at the first one over). Memory is linear in the
 * file: the line table (two ints a line), one buffer for the logical line being read, and the entries.
 */
public final class PropertiesReader {
    /** The same cap as {@link YamlReader#MAX_ENTRIES}: a configuration file has hundreds of entries, not millions. */
    static final int MAX_ENTRIES = YamlReader.MAX_ENTRIES;

    private PropertiesReader() {
    }

    public static ConfigFile read(String path, String text) throws ConfigParseException {
        String src = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new Parser(src).parse(path);
    }

    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    /** One document as Spring builds it; entries keep file order. */
    private static final class Doc {
        final List<Pending> entries = new ArrayList<>();
        /** Spring's {@code !Document.isEmpty()}: holds at least one non-empty key. */
        boolean hasKeys;
    }

    private static final class Pending {
        final String key;
        final String value;
        final int line;
        final int column;
        final int valueLine;
        final int valueColumn;

        Pending(String key, String value, int line, int column, int valueLine, int valueColumn) {
            this.key = key;
            this.value = value;
            this.line = line;
            this.column = column;
            this.valueLine = valueLine;
            this.valueColumn = valueColumn;
        }
    }

    private static final class Parser {
        private final String text;
        /** Offset of the first char of each natural line. */
        private int[] lineStarts = new int[64];
        /** Offset just past the last content char of each natural line (before its terminator). */
        private int[] lineEnds = new int[64];
        private int lineCount;

        // the logical line being built: raw chars (escapes not yet processed) and their source offsets
        private char[] buf = new char[256];
        private int[] offs = new int[256];
        private int len;

        private final List<Comment> comments = new ArrayList<>();
        private final List<Doc> documents = new ArrayList<>();
        private Doc current = new Doc();
        /** Spring's {@code lastLineCommentPrefixCharacter}: 0 initially, -1 after a non-comment line. */
        private int lastCommentPrefix;
        private int entryCount;

        Parser(String text) {
            this.text = text;
            splitLines();
        }

        private void splitLines() {
            int n = text.length();
            int start = 0;
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    addLine(start, i);
                    i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
                    start = i;
                } else {
                    i++;
                }
            }
            if (start < n || lineCount == 0) {
                addLine(start, n);
            }
        }

        private void addLine(int start, int end) {
            if (lineCount == lineStarts.length) {
                lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
                lineEnds = Arrays.copyOf(lineEnds, lineCount * 2);
            }
            lineStarts[lineCount] = start;
            lineEnds[lineCount] = end;
            lineCount++;
        }

        /** 0-based index of the natural line holding {@code offset} (a terminator belongs to its line). */
        private int lineIndexOf(int offset) {
            int lo = 0;
            int hi = lineCount - 1;
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

        private int lineOf(int offset) {
            return lineIndexOf(offset) + 1;
        }

        private int columnOf(int offset) {
            return offset - lineStarts[lineIndexOf(offset)] + 1;
        }

        ConfigFile parse(String path) throws ConfigParseException {
            int li = 0;
            while (li < lineCount) {
                int s = lineStarts[li];
                int e = lineEnds[li];
                int p = s;
                while (p < e && isWhite(text.charAt(p))) {
                    p++;
                }
                if (p == e) {
                    // blank line: not a comment for Spring either
                    lastCommentPrefix = -1;
                    li++;
                    continue;
                }
                char first = text.charAt(p);
                if (first == '#' || first == '!') {
                    comment(li, s, p, e, first);
                    li++;
                    continue;
                }
                li = logicalLine(li, p);
            }
            return finish(path);
        }

        private void comment(int li, int lineStart, int p, int e, char prefix) {
            comments.add(Comment.of(text.substring(p + 1, e).trim(), li + 1, p - lineStart + 1, true));
            if (isDocumentSeparator(lineStart, p, e, prefix)) {
                if (current.hasKeys) {
                    documents.add(current);
                    current = new Doc();
                }
                // else Spring replaces one empty document with another; any empty-key entries stay with it
                return;
            }
            if (!current.hasKeys && !documents.isEmpty()) {
                // Spring re-opens the previous document: the separator was the top of a comment banner
                Doc previous = documents.remove(documents.size() - 1);
                previous.entries.addAll(current.entries);
                current = previous;
            }
            lastCommentPrefix = prefix;
        }

        private boolean isDocumentSeparator(int lineStart, int p, int e, char prefix) {
            if (p != lineStart || lastCommentPrefix == prefix) {
                return false;
            }
            if (e - p < 4 || !text.startsWith("---", p + 1)) {
                return false;
            }
            for (int i = p + 4; i < e; i++) {
                if (!isWhite(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Reads the logical line starting at natural line {@code li}, offset {@code p} (its first non-white
         * char), and returns the index of the next natural line to read.
         */
        private int logicalLine(int li, int p) throws ConfigParseException {
            len = 0;
            int next = li;
            int from = p;
            while (true) {
                int e = lineEnds[next];
                int startLen = len;
                for (int i = from; i < e; i++) {
                    append(text.charAt(i), i);
                }
                next++;
                int backslashes = 0;
                for (int i = len - 1; i >= startLen && buf[i] == '\\'; i--) {
                    backslashes++;
                }
                if ((backslashes & 1) == 0) {
                    break;
                }
                len--; // the continuation backslash is not part of the line
                if (next >= lineCount) {
                    break; // backslash at the end of the file: dropped
                }
                int s = lineStarts[next];
                int ne = lineEnds[next];
                int q = s;
                while (q < ne && isWhite(text.charAt(q))) {
                    q++;
                }
                if (q == ne) {
                    // a white-space-only continuation line ends the logical line (it is consumed)
                    next++;
                    if (len == 0) {
                        // nothing collected yet: keep reading as a fresh logical line
                        return next;
                    }
                    break;
                }
                if (len == 0 && (text.charAt(q) == '#' || text.charAt(q) == '!')) {
                    // JDK 9+: the logical line is still empty, so this is a comment line
                    return next;
                }
                from = q;
            }
            if (len > 0) {
                keyValue();
            }
            return next;
        }

        private void append(char c, int offset) {
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, len * 2);
                offs = Arrays.copyOf(offs, len * 2);
            }
            buf[len] = c;
            offs[len] = offset;
            len++;
        }

        private void keyValue() throws ConfigParseException {
            int limit = len;
            int keyLen = 0;
            int valueStart = limit;
            int separator = -1; // index of the '=' or ':' consumed, if any
            boolean precedingBackslash = false;
            while (keyLen < limit) {
                char c = buf[keyLen];
                if ((c == '=' || c == ':') && !precedingBackslash) {
                    valueStart = keyLen + 1;
                    separator = keyLen;
                    break;
                } else if (isWhite(c) && !precedingBackslash) {
                    valueStart = keyLen + 1;
                    break;
                }
                precedingBackslash = c == '\\' ? !precedingBackslash : false;
                keyLen++;
            }
            while (valueStart < limit) {
                char c = buf[valueStart];
                if (!isWhite(c)) {
                    if (separator < 0 && (c == '=' || c == ':')) {
                        separator = valueStart;
                    } else {
                        break;
                    }
                }
                valueStart++;
            }
            String key = convert(0, keyLen);
            String value = convert(valueStart, limit);
            int keyOffset = offs[0];
            int valueOffset;
            if (valueStart < limit) {
                valueOffset = offs[valueStart];
            } else if (separator >= 0) {
                valueOffset = offs[separator] + 1;
            } else if (keyLen < limit) {
                valueOffset = offs[keyLen] + 1; // after the white space that ended the key
            } else {
                valueOffset = offs[limit - 1] + 1; // a key alone: right after it
            }
            if (++entryCount > MAX_ENTRIES) {
                throw new ConfigParseException("more than " + MAX_ENTRIES + " entries: a configuration file has far fewer",
                        lineOf(keyOffset), columnOf(keyOffset));
            }
            Pending entry = new Pending(key, value, lineOf(keyOffset), columnOf(keyOffset),
                    lineOf(valueOffset), columnOf(valueOffset));
            current.entries.add(entry);
            if (!key.isEmpty()) {
                current.hasKeys = true;
            }
            lastCommentPrefix = -1;
        }

        /** {@code Properties.loadConvert} on {@code buf[from, to)}. */
        private String convert(int from, int to) throws ConfigParseException {
            int i = from;
            while (i < to && buf[i] != '\\') {
                i++;
            }
            if (i == to) {
                return new String(buf, from, to - from);
            }
            StringBuilder out = new StringBuilder(to - from);
            out.append(buf, from, i - from);
            while (i < to) {
                char c = buf[i++];
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                int escape = i - 1;
                if (i >= to) {
                    break; // cannot happen: an odd trailing backslash was a continuation
                }
                c = buf[i++];
                if (c == 'u') {
                    if (i > to - 4) {
                        throw malformedUnicode(escape);
                    }
                    int value = 0;
                    for (int k = 0; k < 4; k++) {
                        int digit = hexValue(buf[i++]);
                        if (digit < 0) {
                            throw malformedUnicode(escape);
                        }
                        value = (value << 4) + digit;
                    }
                    out.append((char) value);
                } else if (c == 't') {
                    out.append('\t');
                } else if (c == 'r') {
                    out.append('\r');
                } else if (c == 'n') {
                    out.append('\n');
                } else if (c == 'f') {
                    out.append('\f');
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** Only ASCII hex digits, as {@code Properties.loadConvert} accepts. */
        private static int hexValue(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            return -1;
        }

        private ConfigParseException malformedUnicode(int index) {
            int offset = offs[index];
            return new ConfigParseException("malformed \\uXXXX escape", lineOf(offset), columnOf(offset));
        }

        private ConfigFile finish(String path) {
            if (current.hasKeys) {
                documents.add(current);
            } else if (!current.entries.isEmpty()) {
                // only empty keys left: Spring drops them; keep them with the document they follow
                if (documents.isEmpty()) {
                    documents.add(current);
                } else {
                    documents.get(documents.size() - 1).entries.addAll(current.entries);
                }
            }
            List<ConfigEntry> entries = new ArrayList<>();
            for (int d = 0; d < documents.size(); d++) {
                for (Pending p : documents.get(d).entries) {
                    entries.add(ConfigEntry.of(p.key, p.value, p.line, p.column, p.valueLine, p.valueColumn, d));
                }
            }
            return ConfigFile.of(path, ConfigFormat.PROPERTIES, entries, Math.max(1, documents.size()), comments);
        }
    }
}
