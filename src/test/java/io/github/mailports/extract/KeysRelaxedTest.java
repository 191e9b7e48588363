package io.github.mailports.extract;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Keys#relaxed} and {@link Keys#mergeKey} take shortcuts for speed (no copy of a key that is already
 * relaxed, no second lower-casing pass for ASCII, no substrings while looking for {@code spring.mail.properties});
 * they must give exactly what the plain definitions give, for any key.
 */
class KeysRelaxedTest {
    /** The definition: every character lower-cased, {@code -} and {@code _} dropped, then lower-cased as a whole. */
    private static String relaxedByDefinition(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '-' && c != '_') b.append(Character.toLowerCase(c));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** {@link Keys#mergeKey} as first written, with substrings and {@link #relaxedByDefinition}. */
    private static String mergeKeyByDefinition(String key) {
        if (!key.regionMatches(true, 0, "spring.", 0, 7)) return key;
        String[] parts = {"spring", "mail", "properties"};
        int pos = 0;
        for (int i = 0; i < parts.length; i++) {
            int end = pos;
            while (end < key.length() && key.charAt(end) != '.' && key.charAt(end) != '[') end++;
            if (!relaxedByDefinition(key.substring(pos, end)).equals(parts[i]) || end >= key.length()) {
                return relaxedByDefinition(key);
            }
            if (i < parts.length - 1) {
                if (key.charAt(end) != '.') return relaxedByDefinition(key);
                pos = end + 1;
            } else {
                int start = key.charAt(end) == '.' ? end + 1 : end;
                String tail = key.substring(start);
                if (tail.startsWith("[")) {
                    int close = tail.indexOf(']');
                    if (close > 0) {
                        String inner = tail.substring(1, close);
                        String rest = tail.substring(close + 1);
                        tail = rest.isEmpty() ? inner : inner + (rest.startsWith(".") ? rest : "." + rest);
                    }
                }
                return Keys.SPRING_MAIL_PROPERTIES + tail;
            }
        }
        return relaxedByDefinition(key);
    }

    @Test
    void shortcutsGiveWhatTheDefinitionGives() {
        String[] fixed = {"", "spring.mail.host", "Spring.Mail.Host", "spring.mail.default-encoding", "SPRING_MAIL_HOST",
                "spring.mail.properties.mail.smtp.auth", "spring.mail.properties[mail.smtp.auth]",
                "spring.Mail.PROPERTIES.mail.smtp.starttls.enable", "spring.ma-il.pro_perties.x", "spring.mail.properties",
                "spring.mail.propertiesx.y", "spring.config.activate.on-profile", "spring.profiles[0]",
                "spring.mail.h\u212Aost", "\u017Fpring.profiles", "spr\u0130ng.mail.host", "spring.m\u00C0il.properties.x",
                "server.servlet.context-path", "logging.level.com.Example", "\u03A3\u03A3.mail"};
        for (String k : fixed) check(k);
        String alphabet = "sSpPrRiInNgG.mMaAiIlLoOeEtT-_[]0\u212A\u0130\u017F\u00C0\u03A3\uD801\uDC00";
        Random random = new Random(20261122);
        String[] seeds = {"spring.", "spring.mail.", "spring.mail.properties", "spring.profiles", "mail.smtp.", ""};
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int i = random.nextInt(12); i > 0; i--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            check(b.toString());
        }
    }

    private static void check(String key) {
        assertEquals(relaxedByDefinition(key), Keys.relaxed(key), key);
        assertEquals(mergeKeyByDefinition(key), Keys.mergeKey(key), key);
    }
}
