package io.github.mailports.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's {@link StreamReader} over a whole string, with the same positions and errors, in linear time.
 *
 * <p>SnakeYAML's own reader (2.5) keeps a window of code points that starts at the token being scanned and
 * grows by 1,024 characters at a time, copying the whole window each time ({@code update()}:
 * {@code Arrays.copyOfRange(dataWindow, pointer, dataLength + read)}). A token of L characters (a long
 * key, value or comment) therefore costs L&sup2;/1024 copied code points: a 1 MB value took 17 s and 2 GB of
 * allocation. Here the file is decoded once into one array of code points (4 bytes a character) and every
 * method reads it in place. Non-printable characters are refused as SnakeYAML refuses them ("special
 * characters are not allowed"), when the scanner first looks at them.
 */
final class LinearStreamReader extends StreamReader {
    private static final String NAME = "'reader'";
    private final int[] data;
    private final int length;
    /** Index of the first character SnakeYAML does not accept, or {@code length}. */
    private final int firstBad;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    LinearStreamReader(String text) {
        super("");
        int n = text.codePointCount(0, text.length());
        data = new int[n];
        int bad = n;
        for (int i = 0, k = 0; i < text.length(); k++) {
            int cp = text.codePointAt(i);
            data[k] = cp;
            if (bad == n && !isPrintable(cp)) bad = k;
            i += Character.charCount(cp);
        }
        length = n;
        firstBad = bad;
    }

    private void check(int at) {
        if (at >= firstBad && firstBad < length) {
            throw new ReaderException(NAME, firstBad, data[firstBad], "special characters are not allowed");
        }
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, data, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int count) {
        for (int i = 0; i < count && pointer < length; i++) {
            check(pointer);
            int c = data[pointer++];
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || (c == '\r' && pointer < length && data[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int offset) {
        int at = pointer + offset;
        if (at >= length) return '\0';
        check(at);
        return data[at];
    }

    @Override
    public String prefix(int count) {
        if (count == 0) return "";
        int n = Math.min(count, length - pointer);
        if (n <= 0) return "";
        check(pointer + n - 1);
        return new String(data, pointer, n);
    }

    @Override
    public String prefixForward(int count) {
        String prefix = prefix(count);
        pointer += count;
        index += count;
        documentIndex += count;
        column += count;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}
