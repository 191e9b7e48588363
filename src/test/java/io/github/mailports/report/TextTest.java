package io.github.mailports.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TextTest {
    @Test
    void controlAndBidiCharactersBecomeVisibleEscapes() {
        assertEquals("a\\u000a::error\\u000d\\u0009b", Text.escape("a\n::error\r\tb"));
        assertEquals("\\u001b]0;t\\u0007 \\u007f \\u0085 \\u009b", Text.escape("\u001b]0;t\u0007 \u007f \u0085 \u009b"));
        assertEquals("\\u202a\\u202e\\u2066\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029",
                Text.escape("\u202a\u202e\u2066\u2069\u200e\u200f\u061c\u2028\u2029"));
        assertEquals("\\ud800x \uD83D\uDE00 \\udc00", Text.escape("\ud800x \uD83D\uDE00 \udc00"), "lone surrogates only");
        String plain = "smtp.example.com:465 \u00e9 \u4e2d";
        assertSame(plain, Text.escape(plain));
    }

    @Test
    void aLineNeverStartsWithACommand() {
        assertEquals("./::error file=x::y", Text.lineStart("::error file=x::y"));
        assertEquals("./##vso[task.complete]", Text.lineStart("##vso[task.complete]"));
        assertEquals("./\\u001b[2J", Text.lineStart("\u001b[2J"));
        assertEquals("src/application.yml:1:1", Text.lineStart("src/application.yml:1:1"));
        assertEquals(".mvn/x", Text.lineStart(".mvn/x"));
    }
}
