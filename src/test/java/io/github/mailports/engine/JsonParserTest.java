package io.github.mailports.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonParserTest {
    @Test
    void parsesEveryKindOfValueWithPositions() throws Exception {
        JsonParser.Node root = JsonParser.parse("{\n  \"a\": [1, -2.5e3, 0],\n  \"b\": {\"c\": \"x\\\"\\u00e9\\n\"},\n"
                + "  \"t\": true, \"f\": false, \"n\": null\n}");
        Map<String, JsonParser.Node> top = root.object();
        assertEquals(Arrays.asList("a", "b", "t", "f", "n"), Arrays.asList(top.keySet().toArray()));
        List<JsonParser.Node> a = top.get("a").array();
        assertEquals(new BigDecimal("1"), a.get(0).value());
        assertEquals(0, new BigDecimal("-2500").compareTo((BigDecimal) a.get(1).value()));
        assertEquals("x\"\u00e9\n", top.get("b").object().get("c").string());
        assertEquals(Boolean.TRUE, top.get("t").value());
        assertEquals(Boolean.FALSE, top.get("f").value());
        assertTrue(top.get("n").isNull());
        assertEquals(2, top.get("a").line());
        assertEquals(8, top.get("a").column());
        assertEquals(3, top.get("b").object().get("c").line());
        assertEquals(14, top.get("b").object().get("c").column());
    }

    @Test
    void acceptsEmptyContainersScalarsAndAByteOrderMark() throws Exception {
        assertTrue(JsonParser.parse("{}").object().isEmpty());
        assertTrue(JsonParser.parse(" [ ] ").array().isEmpty());
        assertEquals("s", JsonParser.parse("\uFEFF\"s\"").string());
        assertNull(JsonParser.parse("null").value());
        assertEquals("\uD83D\uDE00", JsonParser.parse("\"\\ud83d\\ude00\"").string());
        assertEquals("a/b", JsonParser.parse("\"a\\/b\"").string());
        assertEquals(3, JsonParser.parse("\r\n[\r\n1]").array().get(0).line());
    }

    @Test
    void rejectsWhatRfc8259Rejects() {
        String[][] bad = {
                {"", "1:1", "end of the document"},
                {"{\"a\": 1,}", "1:9", "a key in double quotes"},
                {"[1, 2,]", "1:7", "a value was expected"},
                {"{'a': 1}", "1:2", "a key in double quotes"},
                {"{\"a\" 1}", "1:6", "':' after a key"},
                {"[01]", "1:3", "leading zero"},
                {"[1.]", "1:4", "after the decimal point"},
                {"[1e]", "1:4", "exponent"},
                {"[-]", "1:3", "a digit"},
                {"[NaN]", "1:2", "a value was expected"},
                {"[tru]", "1:2", "a value was expected"},
                {"\"a\tb\"", "1:3", "control character"},
                {"\"\\x\"", "1:3", "invalid escape"},
                {"\"\\u12g4\"", "1:3", "\\u escape"},
                {"\"open", "1:6", "inside a string"},
                {"{} {}", "1:4", "after the end of the document"},
                {"// comment\n{}", "1:1", "a value was expected"},
                {"{\"a\": 1, \"a\": 2}", "1:10", "duplicate key \"a\""},
                {"[1\n  2]", "2:3", "',' or ']'"},
                {"{\"a\": 1\n", "2:1", "',' or '}'"},
        };
        for (String[] c : bad) {
            JsonParser.SyntaxException e = assertThrows(JsonParser.SyntaxException.class, () -> JsonParser.parse(c[0]), c[0]);
            assertEquals(c[1], e.line() + ":" + e.column(), c[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains(c[2]), c[0] + " -> " + e.getMessage());
        }
    }

    /** Issue 13: BigDecimal parses digits in quadratic time (2 million digits took 152 s); long numbers are refused. */
    @Test
    void refusesNumbersLongerThanAHundredCharacters() throws Exception {
        StringBuilder digits = new StringBuilder("{\"version\": 1, \"x\": ");
        for (int i = 0; i < 2_000_000; i++) digits.append('7');
        JsonParser.SyntaxException e = assertThrows(JsonParser.SyntaxException.class, () -> JsonParser.parse(digits + "}"));
        assertTrue(e.getMessage().contains("longer than 100 characters"), e.getMessage());
        assertEquals(1, e.line());
        assertEquals(21, e.column());
        StringBuilder hundred = new StringBuilder("-0.");
        while (hundred.length() < JsonParser.MAX_NUMBER_CHARS - 3) hundred.append('1');
        hundred.append("e-9");
        assertEquals(JsonParser.MAX_NUMBER_CHARS, hundred.length());
        assertEquals(new BigDecimal(hundred.toString()), JsonParser.parse(hundred.toString()).value());
    }

    @Test
    void boundsNestingSoHostileInputCannotExhaustTheStack() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 100_000; i++) deep.append('[');
        JsonParser.SyntaxException e = assertThrows(JsonParser.SyntaxException.class, () -> JsonParser.parse(deep.toString()));
        assertTrue(e.getMessage().contains("nesting deeper than " + JsonParser.MAX_DEPTH), e.getMessage());
        StringBuilder ok = new StringBuilder();
        for (int i = 0; i < JsonParser.MAX_DEPTH; i++) ok.append('[');
        for (int i = 0; i < JsonParser.MAX_DEPTH; i++) ok.append(']');
        assertEquals(1, assertDoesNotThrow(ok.toString()).array().size());
    }

    @Test
    void messagesNeverQuoteTheDocument() {
        JsonParser.SyntaxException e = assertThrows(JsonParser.SyntaxException.class,
                () -> JsonParser.parse("{\"password\": hunter2}"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    private static JsonParser.Node assertDoesNotThrow(String text) {
        try {
            return JsonParser.parse(text);
        } catch (JsonParser.SyntaxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
