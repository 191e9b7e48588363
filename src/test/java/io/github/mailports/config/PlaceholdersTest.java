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
}
