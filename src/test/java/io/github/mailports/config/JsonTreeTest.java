package io.github.mailports.config;

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

/** JSON read through SnakeYAML's parser: the values, their positions, and what YAML allows that JSON files may not hold. */
class JsonTreeTest {
    @Test
    void readsEveryKindOfValueWithPositions() throws Exception {
        JsonTree.Node root = JsonTree.parse("{\n  \"a\": [1, -2.5e3, 0],\n  \"b\": {\"c\": \"x\\\"\\u00e9\\n\"},\n"
                + "  \"t\": true, \"f\": false, \"n\": null\n}");
        Map<String, JsonTree.Node> top = root.object();
        assertEquals(Arrays.asList("a", "b", "t", "f", "n"), Arrays.asList(top.keySet().toArray()));
        List<JsonTree.Node> a = top.get("a").array();
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
    void acceptsEmptyContainersScalarsTabsAndAByteOrderMark() throws Exception {
        assertTrue(JsonTree.parse("{}").object().isEmpty());
        assertTrue(JsonTree.parse(" [ ] ").array().isEmpty());
        assertEquals("s", JsonTree.parse("\uFEFF\"s\"").string());
        assertNull(JsonTree.parse("null").value());
        assertEquals("\uD83D\uDE00", JsonTree.parse("\"\\ud83d\\ude00\"").string());
        assertEquals("a/b", JsonTree.parse("\"a\\/b\"").string());
        // JSON's \/ is no YAML 1.1 escape: read as /, and positions after it stay those of the file
        assertEquals(10, JsonTree.parse("[\"a\\/b\", 1]").array().get(1).column());
        ConfigParseException after = assertThrows(ConfigParseException.class, () -> JsonTree.parse("[\"a\\/\\/b\", x]"));
        assertEquals("1:12", after.line() + ":" + after.column(), after.getMessage());
        assertEquals(3, JsonTree.parse("\r\n[\r\n1]").array().get(0).line());
        // a file indented with tabs is JSON, though YAML does not allow tabs there
        JsonTree.Node tabbed = JsonTree.parse("{\n\t\"a\":\t[1, \"\\t\"]\n}");
        assertEquals("\t", tabbed.object().get("a").array().get(1).string());
        assertEquals(2, tabbed.object().get("a").line());
        assertEquals(7, tabbed.object().get("a").column());
    }

    /** What JSON rejects, and the YAML that is not JSON: refused with the position, whatever SnakeYAML would accept. */
    @Test
    void rejectsWhatIsNotJson() {
        String[][] bad = {
                {"", "1:1", "empty"},
                {"{'a': 1}", "1:2", "a key must be a string in double quotes"},
                {"[\"x\", 'y']", "1:7", "a string must be in double quotes"},
                {"{\"a\" 1}", "1:6", "a value must be"},
                {"[01]", "1:2", "a value must be"},
                {"[1.]", "1:2", "a value must be"},
                {"[1e]", "1:2", "a value must be"},
                {"[-]", "1:2", "a value must be"},
                {"[NaN]", "1:2", "a value must be"},
                {"[tru]", "1:2", "a value must be"},
                {"[yes, ~, 0x1F, 1_000, .5, +1]", "1:2", "a value must be"},
                {"\"\\x\"", "1:4", "escape sequence"},
                {"\"\\u12g4\"", "1:4", "escape sequence"},
                {"\"open", "1:6", "end of stream"},
                {"[\"a\nb\"]", "1:4", "(U+000A) inside a string must be escaped"},
                {"[\"a\u2028b\"]", "1:4", "(U+2028) inside a string must be escaped"},
                {"\"a\tb\"", "1:3", "(U+0009) inside a string must be escaped"},
                {"{} {}", "1:4", "document start"},
                {"{\"a\": 1, \"a\": 2}", "1:10", "duplicate key"},
                {"[1\n  2]", "1:2", "a value must be"},
                {"{\"a\": 1\n", "2:1", "',' or '}'"},
                {"{[1]: 2}", "1:2", "a key must be a string in double quotes"},
                {"[\"a\": 1]", "1:2", "an object is written in { }"},
                {"version: 1\nfindings: []", "1:1", "an object is written in { }"},
                {"- 1", "1:1", "an array in [ ]"},
                {"---\n{}", "1:1", "'---'"},
                {"%YAML 1.1\n--- {}", "1:1", "directive"},
                {"[1]\n---\n[2]", "2:1", "a second document"},
                {"!foo {}", "1:1", "a tag (!name)"},
                {"[!!python/object:java.net.URL 1]", "1:2", "a tag (!name)"},
                {"[!!str 1]", "1:2", "a tag (!name)"},
                {"&a [*a]", "1:1", "an anchor"},
                {"[1, *a]", "1:5", "an alias"},
                {"{\"version\": 1e99999999999}", "1:13", "a number out of range"},
        };
        for (String[] c : bad) {
            ConfigParseException e = assertThrows(ConfigParseException.class, () -> JsonTree.parse(c[0]), c[0]);
            assertEquals(c[1], e.line() + ":" + e.column(), c[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains(c[2]), c[0] + " -> " + e.getMessage());
        }
    }

    /** Issue 13: BigDecimal parses digits in quadratic time (2 million digits took 152 s); long numbers are refused. */
    @Test
    void refusesNumbersLongerThanAHundredCharacters() throws Exception {
        StringBuilder digits = new StringBuilder("{\"version\": 1, \"x\": ");
        for (int i = 0; i < 2_000_000; i++) digits.append('7');
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> JsonTree.parse(digits + "}"));
        assertTrue(e.getMessage().contains("longer than 100 characters"), e.getMessage());
        assertEquals(1, e.line());
        assertEquals(21, e.column());
        StringBuilder hundred = new StringBuilder("-0.");
        while (hundred.length() < JsonTree.MAX_NUMBER_CHARS - 3) hundred.append('1');
        hundred.append("e-9");
        assertEquals(JsonTree.MAX_NUMBER_CHARS, hundred.length());
        assertEquals(new BigDecimal(hundred.toString()), JsonTree.parse("[" + hundred + "]").array().get(0).value());
    }

    @Test
    void boundsNestingSoHostileInputCannotExhaustTheStack() throws Exception {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 100_000; i++) deep.append('[');
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> JsonTree.parse(deep.toString()));
        assertTrue(e.getMessage().contains("nesting deeper than " + JsonTree.MAX_DEPTH), e.getMessage());
        assertEquals("1:" + (JsonTree.MAX_DEPTH + 1), e.line() + ":" + e.column());
        StringBuilder ok = new StringBuilder();
        for (int i = 0; i < JsonTree.MAX_DEPTH; i++) ok.append('[');
        for (int i = 0; i < JsonTree.MAX_DEPTH; i++) ok.append(']');
        assertEquals(1, JsonTree.parse(ok.toString()).array().size());
    }

    @Test
    void messagesNeverQuoteTheDocument() {
        for (String doc : Arrays.asList("{\"password\": hunter2}", "{\"hunter2\": 1, \"hunter2\": 2}", "[*hunter2]",
                "[!hunter2 1]", "[&hunter2 1]", "[\"\\xhunter2\"]", "{\"a\": 1 hunter2}")) {
            ConfigParseException e = assertThrows(ConfigParseException.class, () -> JsonTree.parse(doc), doc);
            assertFalse(e.getMessage().contains("hunter2"), doc + " -> " + e.getMessage());
        }
    }
    /** Random edits of a baseline (fixed seed, bounded count): every outcome is a tree or a positioned ConfigParseException. */
    @Test
    void mutatedDocumentsEndInATreeOrAPositionedError() {
        String seed = "{\"version\": 1, \"findings\": [{\"ruleId\": \"MP003\", \"file\": \"a\\/b.yml\", \"key\": null,"
                + " \"profiles\": [\"default\"], \"n\": -1.5e3, \"t\": true, \"u\": \"\\u00e9\\n\"}]}";
        String alphabet = "{}[],:\"\\/ \t\n\r!&*#%-?|>'@`~0123456789eE.+aultrsnfxbu\u00e9\u2028\u0000\u0085\ufeff\ud83d\ude00";
        java.util.Random random = new java.util.Random(42);
        int trees = 0;
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder(seed);
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                int at = random.nextInt(b.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0: b.insert(at, c); break;
                    case 1: b.deleteCharAt(at); break;
                    default: b.setCharAt(at, c);
                }
            }
            try {
                JsonTree.parse(b.toString());
                trees++;
            } catch (ConfigParseException e) {
                assertTrue(e.line() >= 1 && e.column() >= 1 && !e.getMessage().isEmpty(), b + " -> " + e.getMessage());
            }
        }
        assertTrue(trees > 150, "the edits leave many documents valid: " + trees);
    }
}
