package io.github.mailports.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static io.github.mailports.config.Entries.assertAt;
import static io.github.mailports.config.Entries.entry;

class PropertiesReaderTest {

    private static ConfigFile read(String text) throws ConfigParseException {
        return PropertiesReader.read("src/main/resources/application.properties", text);
    }

    @Test
    void threeSeparatorsAndTheirPositions() throws Exception {
        ConfigFile f = read("a=1\n"
                + "b : 2\n"
                + "c 3\n"
                + "  d:4\n"
                + "e \t= \t5\n"
                + "f = = 6\n"
                + "g :x\n");
        assertEquals(ConfigFormat.PROPERTIES, f.format());
        assertEquals("application.properties", f.fileName());
        assertEquals("1", entry(f, "a").value());
        assertAt(entry(f, "a"), 1, 1, 1, 3);
        assertEquals("2", entry(f, "b").value());
        assertAt(entry(f, "b"), 2, 1, 2, 5);
        assertEquals("3", entry(f, "c").value());
        assertAt(entry(f, "c"), 3, 1, 3, 3);
        assertEquals("4", entry(f, "d").value());
        assertAt(entry(f, "d"), 4, 3, 4, 5);
        assertEquals("5", entry(f, "e").value());
        assertAt(entry(f, "e"), 5, 1, 5, 7);
        // only one separator is skipped: the second '=' belongs to the value
        assertEquals("= 6", entry(f, "f").value());
        assertAt(entry(f, "f"), 6, 1, 6, 5);
        assertEquals("x", entry(f, "g").value());
        assertEquals(1, f.documentCount());
        assertTrue(f.comments().isEmpty());
    }

    @Test
    void valueKeepsTrailingWhiteSpaceAndInnerSeparators() throws Exception {
        ConfigFile f = read("url=smtp://host:25?a=b  \nx:y:z");
        assertEquals("smtp://host:25?a=b  ", entry(f, "url").value());
        assertEquals("y:z", entry(f, "x").value());
    }

    @Test
    void emptyValuePositionIsRightAfterTheSeparator() throws Exception {
        ConfigFile f = read("a=\nb =   \nc\nd   \n");
        assertEquals("", entry(f, "a").value());
        assertAt(entry(f, "a"), 1, 1, 1, 3);
        assertEquals("", entry(f, "b").value());
        assertAt(entry(f, "b"), 2, 1, 2, 4);
        assertEquals("", entry(f, "c").value());
        assertAt(entry(f, "c"), 3, 1, 3, 2);
        assertEquals("", entry(f, "d").value());
        assertAt(entry(f, "d"), 4, 1, 4, 3);
    }

    @Test
    void escapes() throws Exception {
        ConfigFile f = read("tab=a\\tb\n"
                + "nl=a\\nb\n"
                + "cr=a\\rb\n"
                + "ff=a\\fb\n"
                + "uni=caf\\u00e9 \\u00C9\n"
                + "other=\\a\\b\\\\\\#\n"
                + "my\\ key\\=x\\:y=v\n"
                + "\\#notacomment=1\n"
                + "\\!bang=2\n");
        assertEquals("a\tb", entry(f, "tab").value());
        assertEquals("a\nb", entry(f, "nl").value());
        assertEquals("a\rb", entry(f, "cr").value());
        assertEquals("a\fb", entry(f, "ff").value());
        assertEquals("café É", entry(f, "uni").value());
        assertEquals("ab\\#", entry(f, "other").value());
        assertEquals("v", entry(f, "my key=x:y").value());
        assertAt(entry(f, "my key=x:y"), 7, 1, 7, 15);
        assertEquals("1", entry(f, "#notacomment").value());
        assertEquals("2", entry(f, "!bang").value());
        assertTrue(f.comments().isEmpty());
    }

    @Test
    void unicodeEscapeInKey() throws Exception {
        ConfigFile f = read("spring.mail.h\\u006fst=smtp.example.com");
        assertEquals("smtp.example.com", entry(f, "spring.mail.host").value());
        assertAt(entry(f, "spring.mail.host"), 1, 1, 1, 23);
    }

    @Test
    void continuationKeepsKeyOnFirstLineAndValueWhereItStarts() throws Exception {
        ConfigFile f = read("spring.mail.host=\\\n"
                + "    smtp.\\\n"
                + "\t  example.com\n"
                + "spring.mail.\\\n"
                + "  port = 465\n"
                + "next=1\n");
        ConfigEntry host = entry(f, "spring.mail.host");
        assertEquals("smtp.example.com", host.value());
        assertAt(host, 1, 1, 2, 5);
        ConfigEntry port = entry(f, "spring.mail.port");
        assertEquals("465", port.value());
        assertAt(port, 4, 1, 5, 10);
        assertAt(entry(f, "next"), 6, 1, 6, 6);
    }

    @Test
    void evenBackslashesDoNotContinue() throws Exception {
        ConfigFile f = read("a=x\\\\\nb=y\\\\\\\nz\n");
        assertEquals("x\\", entry(f, "a").value());
        assertEquals("y\\z", entry(f, "b").value());
        assertEquals(2, f.entries().size());
    }

    @Test
    void continuationLineStartingWithHashIsNotAComment() throws Exception {
        ConfigFile f = read("a=first\\\n  # not a comment\nb=2\n");
        assertEquals("first# not a comment", entry(f, "a").value());
        assertTrue(f.comments().isEmpty());
    }

    @Test
    void whiteSpaceOnlyContinuationLineEndsTheValue() throws Exception {
        ConfigFile f = read("a=1\\\n   \nb=2\n");
        assertEquals("1", entry(f, "a").value());
        assertEquals("2", entry(f, "b").value());
        assertAt(entry(f, "b"), 3, 1, 3, 3);
    }

    @Test
    void backslashAtEndOfFileIsDropped() throws Exception {
        assertEquals("x", entry(read("a=x\\"), "a").value());
        assertEquals("x", entry(read("a=x\\\n"), "a").value());
    }

    @Test
    void columnsCountJavaCharsIncludingTabsAndMultiByteCharacters() throws Exception {
        ConfigFile f = read("\tkey=\tvalue\n"
                + "ключ=значение\n"
                + "😀=smile\n"
                + "caf\u00e9 = \u00fc\n");
        assertAt(entry(f, "key"), 1, 2, 1, 7);
        assertEquals("value", entry(f, "key").value());
        assertAt(entry(f, "ключ"), 2, 1, 2, 6);
        assertAt(entry(f, "😀"), 3, 1, 3, 4);
        assertAt(entry(f, "café"), 4, 1, 4, 8);
    }

    @Test
    void commentsWithHashAndBang() throws Exception {
        ConfigFile f = read("# first comment  \n"
                + "  ! second\n"
                + "a=1 # not a comment\n"
                + "\t#mailports:ignore MP003\n"
                + "#\n");
        assertEquals("1 # not a comment", entry(f, "a").value());
        List<Comment> c = f.comments();
        assertEquals(4, c.size());
        assertEquals("first comment", c.get(0).text());
        assertEquals(1, c.get(0).line());
        assertEquals(1, c.get(0).column());
        assertTrue(c.get(0).ownLine());
        assertEquals("second", c.get(1).text());
        assertEquals(2, c.get(1).line());
        assertEquals(3, c.get(1).column());
        assertEquals("mailports:ignore MP003", c.get(2).text());
        assertEquals(4, c.get(2).line());
        assertEquals(2, c.get(2).column());
        assertEquals("", c.get(3).text());
        assertEquals(5, c.get(3).line());
    }

    @Test
    void commentLineEndingInBackslashDoesNotContinue() throws Exception {
        ConfigFile f = read("# comment \\\na=1\n");
        assertEquals("1", entry(f, "a").value());
        assertEquals(1, f.comments().size());
    }

    @Test
    void crlfAndCrLineEndings() throws Exception {
        ConfigFile f = read("a=1\r\nb=2\rc=3\\\r\n   4\r\n# c\r\nd=5");
        assertAt(entry(f, "a"), 1, 1, 1, 3);
        assertEquals("1", entry(f, "a").value());
        assertAt(entry(f, "b"), 2, 1, 2, 3);
        assertEquals("2", entry(f, "b").value());
        assertEquals("34", entry(f, "c").value());
        assertAt(entry(f, "c"), 3, 1, 3, 3);
        assertEquals(5, f.comments().get(0).line());
        assertEquals("c", f.comments().get(0).text());
        assertAt(entry(f, "d"), 6, 1, 6, 3);
    }

    @Test
    void leadingByteOrderMarkIsSkipped() throws Exception {
        ConfigFile f = read("\uFEFFspring.mail.port=587\n#---\nx=1");
        assertAt(entry(f, "spring.mail.port"), 1, 1, 1, 18);
        assertEquals(2, f.documentCount());
    }

    @Test
    void emptyKeysAreKept() throws Exception {
        ConfigFile f = read("=value\n:other\n");
        assertEquals(2, f.entries().size());
        assertEquals("", f.entries().get(0).key());
        assertEquals("value", f.entries().get(0).value());
        assertAt(f.entries().get(0), 1, 1, 1, 2);
        assertEquals("other", f.entries().get(1).value());
    }

    @Test
    void malformedUnicodeEscapeIsAnErrorAtTheEscape() {
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> read("ok=1\nspring.mail.password=abc\\u00G1secret\n"));
        assertEquals("malformed \\uXXXX escape", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(25, e.column());
        assertFalse(e.getMessage().contains("secret"));

        ConfigParseException atEnd = assertThrows(ConfigParseException.class, () -> read("a=x\\u12"));
        assertEquals(1, atEnd.line());
        assertEquals(4, atEnd.column());

        ConfigParseException inKey = assertThrows(ConfigParseException.class, () -> read("  k\\u1=v"));
        assertEquals(1, inKey.line());
        assertEquals(4, inKey.column());
    }

    @Test
    void unicodeEscapeMaySpanAContinuation() throws Exception {
        assertEquals("A", entry(read("a=\\u00\\\n   41"), "a").value());
    }

    @Test
    void emptyFileHasOneDocument() throws Exception {
        ConfigFile f = read("");
        assertEquals(1, f.documentCount());
        assertTrue(f.entries().isEmpty());
    }

    // ------------------------------------------------------------------ multi-document (Spring Boot)

    @Test
    void poundAndBangSeparatorsStartDocuments() throws Exception {
        ConfigFile f = read("a=1\n#---\nspring.config.activate.on-profile=dev\nb=2\n!---\nc=3\n");
        assertEquals(3, f.documentCount());
        assertEquals(0, entry(f, "a").document());
        assertEquals(1, entry(f, "spring.config.activate.on-profile").document());
        assertEquals(1, entry(f, "b").document());
        assertEquals(2, entry(f, "c").document());
        assertEquals(2, f.document(1).size());
        // separators are comment lines too
        assertEquals(2, f.comments().size());
        assertEquals("---", f.comments().get(0).text());
        // positions stay file-global
        assertAt(entry(f, "c"), 6, 1, 6, 3);
    }

    @Test
    void separatorRulesFollowSpringBoot() throws Exception {
        // cases from spring-boot OriginTrackedPropertiesLoaderTests
        assertEquals(2, read("a=a\n#---\nb=b").documentCount());
        assertEquals(2, read("a=a\n!---\nb=b").documentCount());
        assertEquals(1, read("a=a\n \t#---\nb=b").documentCount());
        assertEquals(1, read("a=a\n \t!---\nb=b").documentCount());
        assertEquals(2, read("a=a\n#--- \t \nb=b").documentCount());
        assertEquals(2, read("a=a\n!--- \t \nb=b").documentCount());
        assertEquals(1, read("a=a\n#--- \tcomment\nb=b").documentCount());
        assertEquals(1, read("a=a\n!--- \tcomment\nb=b").documentCount());
        assertEquals(2, read("a=a\n# comment\n!---\nb=b").documentCount());
        assertEquals(2, read("a=a\n! comment\n#---\nb=b").documentCount());
        // exactly three hyphens
        assertEquals(1, read("a=a\n#----\nb=b").documentCount());
        assertEquals(1, read("a=a\n#--\nb=b").documentCount());
        // a comment with the same prefix just before: a banner, not a separator
        assertEquals(1, read("a=a\n# comment\n#---\nb=b").documentCount());
        // CRLF separators
        assertEquals(2, read("a=a\r\n#---\r\nb=b\r\n").documentCount());
    }

    @Test
    void existingCommentBannersAreNotMultiDocument() throws Exception {
        // the content of spring-boot's existingCommentsAreNotTreatedAsMultiDoc test
        String text = "#---\n# Test\n#---\n\nspring=boot\n\n#---\n# Test\n\nboot=bar\n\n\n# Test\n#---\n\nbar=ok\n\n"
                + "!---\n! Test\n!---\n\nok=well\n\n!---\n! Test\n\nwell=hello\n\n! Test\n!---\n\nhello=world\n\n";
        ConfigFile f = read(text);
        assertEquals(1, f.documentCount());
        assertEquals(6, f.entries().size());
        for (ConfigEntry e : f.entries()) {
            assertEquals(0, e.document(), e.key());
        }
    }

    @Test
    void commentRightAfterSeparatorReopensThePreviousDocumentLikeSpring() throws Exception {
        // Spring takes "#---" followed by a comment for a banner: everything stays in one document
        ConfigFile f = read("spring.mail.host=prod\n#---\n# dev settings\nspring.config.activate.on-profile=dev\n"
                + "spring.mail.host=dev\n");
        assertEquals(1, f.documentCount());
        assertEquals(0, f.entries().get(2).document());
        // a key first, then the comment: two documents
        ConfigFile g = read("spring.mail.host=prod\n#---\nspring.config.activate.on-profile=dev\n# dev settings\n"
                + "spring.mail.host=dev\n");
        assertEquals(2, g.documentCount());
        assertEquals(1, g.entries().get(2).document());
    }

    @Test
    void emptyDocumentsAreNotCounted() throws Exception {
        ConfigFile f = read("#---\na=1\n#---\n#---\n\nb=2\n#---\n");
        assertEquals(2, f.documentCount());
        assertEquals(0, entry(f, "a").document());
        assertEquals(1, entry(f, "b").document());
    }

    // ------------------------------------------------------------------ same answers as java.util.Properties

    @Test
    void keysAndValuesMatchJavaUtilProperties() throws Exception {
        String[] inputs = {
            "a=1\nb = 2\nc:3\nd 4\n\te\t\t5\n",
            "key\\ with\\ spaces = v\\\n   continued\\\n\tmore\n",
            "x=\\u0041\\u00e9\\t|\\n|\\r|\\f|\\q|\\\\|\n",
            "  # comment\n! comment\n  key = value # not comment\n",
            "a=1\\\\\nb=2\\\\\\\n  3\n",
            "a=\\\n\\\n  x\n",
            "only-key\nother-key   \n=empty-key\n:also\n",
            "a = = b\nc : : d\ne   f   g\n",
            "a=1\r\nb=2\rc=3\\\r\n 4\r\n",
            "k\\=e\\:y\\ =v\n\\#k=1\n\\!k=2\n",
            "a=b\\\n   \nc=d\n",
            "a=\\\n# not a comment\n",
            "\\\n# a comment after an empty continued line\nz=1\n",
            "trailing=x\\",
            "ü=ö\n😀=\\uD83D\\uDE00\n",
        };
        for (String input : inputs) {
            Properties expected = new Properties();
            expected.load(new StringReader(input));
            Map<String, String> actual = new LinkedHashMap<>();
            for (ConfigEntry e : read(input).entries()) {
                actual.put(e.key(), e.value());
            }
            Map<String, String> expectedMap = new LinkedHashMap<>();
            for (String name : expected.stringPropertyNames()) {
                expectedMap.put(name, expected.getProperty(name));
            }
            assertEquals(new java.util.TreeMap<>(expectedMap), new java.util.TreeMap<>(actual), "input: " + input);
        }
    }

    @Test
    void malformedEscapesFailLikeJavaUtilProperties() throws IOException {
        String[] inputs = {"a=\\u", "a=\\u1", "a=\\u12\nb=1", "a=\\uXYZW", "\\u004=x"};
        for (String input : inputs) {
            assertThrows(IllegalArgumentException.class, () -> new Properties().load(new StringReader(input)), input);
            assertThrows(ConfigParseException.class, () -> read(input), input);
        }
    }

    @Test
    void entriesAreCappedLikeYaml() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < PropertiesReader.MAX_ENTRIES; i++) b.append("k").append(i).append("=v\n");
        assertEquals(PropertiesReader.MAX_ENTRIES, PropertiesReader.read("a.properties", b.toString()).entries().size());
        b.append("# a comment is no entry\n  last = v\n");
        ConfigParseException e = assertThrows(ConfigParseException.class,
                () -> PropertiesReader.read("a.properties", b.toString()));
        assertTrue(e.getMessage().contains("more than " + PropertiesReader.MAX_ENTRIES + " entries"), e.getMessage());
        assertEquals(PropertiesReader.MAX_ENTRIES + 2, e.line());
        assertEquals(3, e.column());
    }
}
