package io.github.mailports.extract;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpringProfilesTest {
    private static boolean matches(String expr, String active) {
        return SpringProfiles.matches(expr, Collections.singletonList(active));
    }

    @Test
    void expressions() {
        assertTrue(matches("prod", "prod"));
        assertFalse(matches("prod", "default"));
        assertTrue(matches("prod | staging", "staging"));
        assertTrue(matches("!dev", "default"));
        assertFalse(matches("!dev", "dev"));
        assertFalse(matches("prod & eu", "prod"));
        assertTrue(matches("(prod | staging) & !dev", "prod"));
        assertTrue(matches("a, b", "b"));
    }

    @Test
    void malformedNeverMatches() {
        assertFalse(matches("(prod", "prod"));
        assertFalse(matches("prod &", "prod"));
    }

    @Test
    void names() {
        assertEquals(Arrays.asList("prod", "staging", "dev"), SpringProfiles.names("(prod | staging) & !dev"));
    }

    @Test
    void mergeKeysFollowRelaxedBinding() {
        assertEquals("spring.mail.defaultencoding", Keys.mergeKey("spring.mail.default-encoding"));
        assertEquals("spring.mail.defaultencoding", Keys.mergeKey("spring.mail.defaultEncoding"));
        assertEquals("spring.mail.properties.mail.smtp.socketFactory.class",
                Keys.mergeKey("spring.mail.properties[mail.smtp.socketFactory.class]"));
        assertEquals("spring.mail.properties.mail.smtp.auth", Keys.mergeKey("spring.mail.properties.mail.smtp.auth"));
        assertEquals("myapp.mail.smtp.Host", Keys.mergeKey("myapp.mail.smtp.Host"), "keys outside spring.* keep their case");
    }
}
