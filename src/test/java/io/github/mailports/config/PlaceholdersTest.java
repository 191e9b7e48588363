package io.github.mailports.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceholdersTest {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> maven = new HashMap<>();

    private Placeholders.Result resolve(String raw) {
        return Placeholders.resolve(raw, values::get, maven::get);
    }

    @Test
    void literalsPassThrough() {
        Placeholders.Result r = resolve("smtp.example.com");
        assertEquals("smtp.example.com", r.value());
        assertFalse(r.hadPlaceholder());
        assertTrue(r.isResolved());
    }

    @Test
    void defaultIsUsedWhenNoValueIsSupplied() {
        assertEquals("587", resolve("${SMTP_PORT:587}").value());
        values.put("SMTP_PORT", "465");
        assertEquals("465", resolve("${SMTP_PORT:587}").value());
    }

    @Test
    void unresolvedNamesTheFirstMissingPlaceholder() {
        Placeholders.Result r = resolve("smtp.${REGION}.example.com:${PORT}");
        assertNull(r.value());
        assertEquals("REGION", r.unresolvedName());
    }

    @Test
    void nestedAndEmbeddedPlaceholders() {
        values.put("REGION", "eu");
        assertEquals("smtp.eu.example.com", resolve("smtp.${REGION}.example.com").value());
        assertEquals("25", resolve("${A:${B:25}}").value());
        assertEquals("", resolve("${EMPTY:}").value());
    }

    @Test
    void mavenFilteringTokens() {
        maven.put("mail.port", "465");
        assertEquals("465", resolve("@mail.port@").value());
        assertEquals("MISSING", resolve("@MISSING@").unresolvedName());
        assertEquals("alerts@example.com", resolve("alerts@example.com").value(), "an e-mail address is not a token");
    }

    @Test
    void aSelfReferenceEndsInsteadOfLooping() {
        values.put("A", "${A}");
        Placeholders.Result r = resolve("${A}");
        assertFalse(r.isResolved());
    }

    @Test
    void anUnclosedPlaceholderIsLeftAsWritten() {
        assertEquals("${oops", resolve("${oops").value());
    }

    @Test
    void fillInTemplateTokensAreUnresolved() {
        values.put("SMTP_PORT", "587"); // a template token is filled in by a deployment tool, never by a lookup
        String[][] cases = {
                {"{{SMTP_PORT}}", "SMTP_PORT"},
                {"{{ .Values.smtp.port }}", ".Values.smtp.port"},
                {"smtp://{{HOST}}:{{PORT}}", "HOST"},
                {"<SMTP_PORT>", "SMTP_PORT"},
                {" <your smtp host> ", "your smtp host"},
        };
        for (String[] c : cases) {
            Placeholders.Result r = resolve(c[0]);
            assertTrue(Placeholders.contains(c[0]), c[0]);
            assertTrue(r.hadPlaceholder(), c[0]);
            assertFalse(r.isResolved(), c[0]);
            assertNull(r.value(), c[0]);
            assertEquals(c[1], r.unresolvedName(), c[0]);
        }
        // not template tokens: text a mail setting may hold, markup, an address in brackets, a lone brace
        for (String text : new String[] {"<ops@example.com>", "<b>", "a <b> c", "<>", "{not}", "{{unclosed",
                "<" + "x".repeat(65) + ">", "<a/b>"}) {
            if (text.equals("<b>")) {
                assertEquals("b", Placeholders.templateToken(text)); // a bare word in brackets is a token
                continue;
            }
            assertNull(Placeholders.templateToken(text), text);
            assertEquals(text, resolve(text).value(), text);
        }
    }
}
