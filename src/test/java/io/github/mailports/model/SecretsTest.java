package io.github.mailports.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {
    @Test
    void everyOccurrenceOfEverySecretIsMasked() {
        Secrets s = new Secrets();
        s.add("S3cr3t");
        s.add("cr3t-and-more");
        s.add("");
        s.add("   ");
        s.add(null);
        assertEquals(2, s.size());
        assertEquals("connects to ****@smtp.example.com, ****!", s.redact("connects to S3cr3t@smtp.example.com, S3cr3t!"));
        assertEquals("a **** b", s.redact("a S3cr3t-and-more b"), "overlapping secrets are one masked run");
        assertEquals("nothing here", s.redact("nothing here"));
        assertEquals(null, s.redact(null));
    }

    @Test
    void aLongSecretIsMaskedWholeOrToTheEndOfTheText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 300; i++) b.append(Integer.toString(i * 7919 + 13, 36)).append('-');
        String secret = b.toString(); // not periodic: its prefix occurs in it only at its start
        Secrets s = new Secrets();
        s.add(secret);
        assertEquals("x **** y", s.redact("x " + secret + " y"));
        assertEquals("x ****", s.redact("x " + secret.substring(0, 100) + " y"), "a cut copy is masked to the end");
        Secrets prefixes = new Secrets();
        prefixes.addPrefixes(s);
        assertEquals("x ****", prefixes.redact("x " + secret + " y"));
    }

    @Test
    void hostsWithUserInfo() {
        assertEquals("****@smtp.example.com", Secrets.maskUserInfo("user:S3cr3t@smtp.example.com"));
        assertEquals("****@host:25", Secrets.maskUserInfo("smtp://user:pw@host:25"));
        assertEquals("smtp.example.com", Secrets.maskUserInfo("smtp.example.com"));
        assertEquals(Arrays.asList("user:S3cr3t", "S3cr3t"), Secrets.userInfoSecrets("user:S3cr3t@smtp.example.com"));
        assertEquals(Arrays.asList("user:pw", "pw"), Secrets.userInfoSecrets("smtps://user:pw@host:465/INBOX?x=a@b"));
        assertEquals(Arrays.asList("u:p/w", "p/w"), Secrets.userInfoSecrets("imaps://u:p/w@host"));
        assertEquals(Collections.emptyList(), Secrets.userInfoSecrets("smtp://host:25"));
        assertFalse(Secrets.hasUserInfo(null));
        assertTrue(Secrets.hasUserInfo("a@b"));
    }

    /** Redaction costs at most 64 steps a character plus one, however many secrets there are. */
    @Test
    void redactionIsLinearInTheTextWhateverTheNumberOfSecrets() {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < 10_000; i++) t.append("word").append(i % 97).append(' ');
        String text = t.toString();
        int[] ops = new int[2];
        int[] counts = {1_000, 100_000};
        for (int k = 0; k < 2; k++) {
            Secrets s = new Secrets();
            for (int i = 0; i < counts[k]; i++) s.add("secret-" + i + "-" + Integer.toHexString(i * 7919) + "xyz".substring(i % 3));
            s.redact(text);
            ops[k] = s.operations();
        }
        assertTrue(ops[1] <= (Secrets.PREFIX + 1) * text.length(), ops[1] + " steps for " + text.length() + " characters");
        assertTrue(ops[1] <= ops[0] * 2, "a hundred times the secrets, about the same work: " + ops[0] + " vs " + ops[1]);
    }
}
