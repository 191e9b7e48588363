package io.github.mailports.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Facts checked here come from eclipse-ee4j/angus-mail: the property tables in the smtp, imap and
 * pop3 package-info.java files and the keys read in SocketFetcher, SMTPTransport, IMAPStore,
 * IMAPProtocol, iap/Protocol, POP3Store and pop3/Protocol (see the comment in JakartaMailKeys).
 */
class JakartaMailKeysTest {

    private static final List<String> FAMILIES = Arrays.asList("smtp", "imap", "pop3");

    // ---- isKnown --------------------------------------------------------------------------------

    @Test
    void starttlsAndSslKeysAreKnownForAllFamilies() {
        for (String f : FAMILIES) {
            assertTrue(JakartaMailKeys.isKnown(f, "starttls.enable"), f);
            assertTrue(JakartaMailKeys.isKnown(f, "starttls.required"), f);
            assertTrue(JakartaMailKeys.isKnown(f, "ssl.enable"), f);
            assertTrue(JakartaMailKeys.isKnown(f, "ssl.checkserveridentity"), f);
            assertTrue(JakartaMailKeys.isKnown(f, "ssl.trust"), f);
            assertTrue(JakartaMailKeys.isKnown(f, "ssl.protocols"), f);
            assertTrue(JakartaMailKeys.isKnown(f, "ssl.ciphersuites"), f);
            assertTrue(JakartaMailKeys.isKnown(f, "ssl.socketFactory.class"), f);
            assertTrue(JakartaMailKeys.isKnown(f, "ssl.hostnameverifier.class"), f);
        }
    }

    @Test
    void genericKeysAreKnownForAllFamilies() {
        for (String f : FAMILIES) {
            for (String s : Arrays.asList("class", "host", "port", "user")) {
                assertTrue(JakartaMailKeys.isKnown(f, s), f + "." + s);
            }
        }
    }

    @Test
    void socketFetcherKeysAreKnownForAllFamilies() {
        List<String> socketKeys = Arrays.asList("connectiontimeout", "timeout", "writetimeout",
                "executor.writetimeout", "localaddress", "localport", "usesocketchannels",
                "socketFactory", "socketFactory.class", "socketFactory.fallback", "socketFactory.port",
                "ssl.socketFactory", "ssl.socketFactory.port", "ssl.hostnameverifier",
                "proxy.host", "proxy.port", "proxy.user", "proxy.password", "socks.host", "socks.port");
        for (String f : FAMILIES) {
            for (String s : socketKeys) {
                assertTrue(JakartaMailKeys.isKnown(f, s), f + "." + s);
            }
        }
    }

    @Test
    void authIsAnSmtpOnlyKey() {
        assertTrue(JakartaMailKeys.isKnown("smtp", "auth"));
        assertFalse(JakartaMailKeys.isKnown("imap", "auth"));
        assertFalse(JakartaMailKeys.isKnown("pop3", "auth"));
    }

    @Test
    void smtpOnlyKeys() {
        for (String s : Arrays.asList("from", "ehlo", "sendpartial", "quitwait", "reportsuccess",
                "dsn.notify", "dsn.ret", "allow8bitmime", "chunksize", "noop.strict", "userset",
                "mailextension", "submitter", "auth.digest-md5.disable", "saslrealm")) {
            assertTrue(JakartaMailKeys.isKnown("smtp", s), s);
            assertFalse(JakartaMailKeys.isKnown("imap", s), s);
        }
        // localhost is the EHLO name for SMTP and the NTLM host name for IMAP; POP3 never reads it
        assertTrue(JakartaMailKeys.isKnown("smtp", "localhost"));
        assertTrue(JakartaMailKeys.isKnown("imap", "localhost"));
        assertFalse(JakartaMailKeys.isKnown("pop3", "localhost"));
    }

    @Test
    void imapOnlyKeys() {
        for (String s : Arrays.asList("peek", "fetchsize", "partialfetch", "connectionpoolsize",
                "connectionpooltimeout", "servertimeout", "compress.enable", "folder.class",
                "proxyauth.user", "sasl.xgwtrustedapphack.enable", "yahoo.guid")) {
            assertTrue(JakartaMailKeys.isKnown("imap", s), s);
            assertFalse(JakartaMailKeys.isKnown("smtp", s), s);
            assertFalse(JakartaMailKeys.isKnown("pop3", s), s);
        }
    }

    @Test
    void pop3OnlyKeys() {
        for (String s : Arrays.asList("rsetbeforequit", "disabletop", "disablecapa", "apop.enable",
                "filecache.enable", "filecache.dir", "pipelining", "message.class",
                "auth.xoauth2.two.line.authentication.format")) {
            assertTrue(JakartaMailKeys.isKnown("pop3", s), s);
            assertFalse(JakartaMailKeys.isKnown("smtp", s), s);
            assertFalse(JakartaMailKeys.isKnown("imap", s), s);
        }
        // SASL is only read by SMTP and IMAP; POP3 reads just sasl.authorizationid
        assertFalse(JakartaMailKeys.isKnown("pop3", "sasl.enable"));
        assertTrue(JakartaMailKeys.isKnown("pop3", "sasl.authorizationid"));
    }

    @Test
    void authMechanismKeys() {
        for (String f : FAMILIES) {
            for (String s : Arrays.asList("auth.mechanisms", "auth.login.disable", "auth.plain.disable",
                    "auth.ntlm.disable", "auth.xoauth2.disable", "auth.ntlm.domain", "auth.ntlm.flags",
                    "auth.ntlm.v2")) {
                assertTrue(JakartaMailKeys.isKnown(f, s), f + "." + s);
            }
        }
        // DIGEST-MD5 is not among IMAP's mechanisms
        assertFalse(JakartaMailKeys.isKnown("imap", "auth.digest-md5.disable"));
        // commented out in the SMTP table and read nowhere
        assertFalse(JakartaMailKeys.isKnown("smtp", "auth.ntlm.unicode"));
        assertFalse(JakartaMailKeys.isKnown("smtp", "auth.ntlm.lmcompat"));
    }

    @Test
    void keysAreCaseSensitive() {
        assertTrue(JakartaMailKeys.isKnown("smtp", "socketFactory.class"));
        assertFalse(JakartaMailKeys.isKnown("smtp", "socketfactory.class"));
        assertFalse(JakartaMailKeys.isKnown("smtp", "SSL.ENABLE"));
        assertFalse(JakartaMailKeys.isKnown("smtp", "ssl.checkServerIdentity"));
    }

    @Test
    void keysNeverReadAreNotKnown() {
        for (String f : FAMILIES) {
            assertFalse(JakartaMailKeys.isKnown(f, "password"), f);
            assertFalse(JakartaMailKeys.isKnown(f, "debug"), f);
            assertFalse(JakartaMailKeys.isKnown(f, "ssl.enabled"), f);
            assertFalse(JakartaMailKeys.isKnown(f, "starttls.enabled"), f);
            assertFalse(JakartaMailKeys.isKnown(f, "ssl.socketFactory.fallback"), f);
            assertFalse(JakartaMailKeys.isKnown(f, "foo.bar"), f);
            assertFalse(JakartaMailKeys.isKnown(f, ""), f);
            assertFalse(JakartaMailKeys.isKnown(f, null), f);
        }
    }

    @Test
    void unknownFamily() {
        assertFalse(JakartaMailKeys.isKnown("smtps", "ssl.enable"));
        assertFalse(JakartaMailKeys.isKnown(null, "ssl.enable"));
        assertTrue(JakartaMailKeys.suffixes("nntp").isEmpty());
        assertTrue(JakartaMailKeys.suffixes(null).isEmpty());
        assertNull(JakartaMailKeys.nearest("nntp", "ssl.enable"));
        assertNull(JakartaMailKeys.describe("nntp", "ssl.enable"));
    }

    @Test
    void familyOf() {
        assertEquals("smtp", JakartaMailKeys.familyOf("smtp"));
        assertEquals("smtp", JakartaMailKeys.familyOf("smtps"));
        assertEquals("imap", JakartaMailKeys.familyOf("imaps"));
        assertEquals("pop3", JakartaMailKeys.familyOf("pop3s"));
        assertNull(JakartaMailKeys.familyOf("nntp"));
        assertNull(JakartaMailKeys.familyOf("s"));
        assertNull(JakartaMailKeys.familyOf(null));
    }

    // ---- nearest --------------------------------------------------------------------------------

    @Test
    void nearestFixesTypos() {
        for (String f : FAMILIES) {
            assertEquals("starttls.required", JakartaMailKeys.nearest(f, "starttls.requierd"), f);
            assertEquals("starttls.required", JakartaMailKeys.nearest(f, "starttls.require"), f);
            assertEquals("starttls.enable", JakartaMailKeys.nearest(f, "starttls.enabled"), f);
            assertEquals("ssl.enable", JakartaMailKeys.nearest(f, "ssl.enabled"), f);
            assertEquals("ssl.protocols", JakartaMailKeys.nearest(f, "ssl.protocol"), f);
            assertEquals("timeout", JakartaMailKeys.nearest(f, "timout"), f);
            assertEquals("auth.mechanisms", JakartaMailKeys.nearest(f, "auth.mechanism"), f);
        }
        assertEquals("host", JakartaMailKeys.nearest("smtp", "hots"));
        assertEquals("port", JakartaMailKeys.nearest("smtp", "prot"));
        assertEquals("sasl.realm", JakartaMailKeys.nearest("smtp", "sasl.relam"));
    }

    @Test
    void nearestIgnoresCaseAndSeparators() {
        assertEquals("socketFactory.class", JakartaMailKeys.nearest("smtp", "socketfactory.class"));
        assertEquals("ssl.socketFactory.class", JakartaMailKeys.nearest("imap", "ssl.socketfactory.class"));
        assertEquals("ssl.checkserveridentity", JakartaMailKeys.nearest("smtp", "ssl.checkServerIdentity"));
        assertEquals("starttls.enable", JakartaMailKeys.nearest("smtp", "startTLS.enable"));
        assertEquals("ssl.enable", JakartaMailKeys.nearest("smtp", "sslenable"));
        assertEquals("ssl.enable", JakartaMailKeys.nearest("pop3", "ssl_enable"));
        assertEquals("connectiontimeout", JakartaMailKeys.nearest("smtp", "connection.timeout"));
        assertEquals("connectiontimeout", JakartaMailKeys.nearest("imap", "connectionTimeout"));
        assertEquals("fetchsize", JakartaMailKeys.nearest("imap", "fetch.size"));
        // sasl.realm and the old saslrealm collide once separators are dropped: the dotted one wins
        assertEquals("sasl.realm", JakartaMailKeys.nearest("smtp", "sasl_realm"));
    }

    @Test
    void nearestKnowsCommonAlternativeNames() {
        assertEquals("timeout", JakartaMailKeys.nearest("smtp", "readtimeout"));
        assertEquals("timeout", JakartaMailKeys.nearest("imap", "read.timeout"));
        assertEquals("connectiontimeout", JakartaMailKeys.nearest("smtp", "connecttimeout"));
        assertEquals("starttls.enable", JakartaMailKeys.nearest("smtp", "tls"));
        assertEquals("ssl.enable", JakartaMailKeys.nearest("smtp", "ssl"));
        assertEquals("ssl.ciphersuites", JakartaMailKeys.nearest("smtp", "ssl.ciphers"));
        assertEquals("user", JakartaMailKeys.nearest("smtp", "username"));
        assertEquals("from", JakartaMailKeys.nearest("smtp", "envelope.from"));
        assertEquals("auth", JakartaMailKeys.nearest("smtp", "auth.enable"));
    }

    @Test
    void nearestBySegments() {
        // ssl.socketFactory.fallback is never read; the fallback key has no "ssl." variant
        assertEquals("socketFactory.fallback", JakartaMailKeys.nearest("smtp", "ssl.socketFactory.fallback"));
        // the protocol prefix written twice
        assertEquals("host", JakartaMailKeys.nearest("smtp", "smtp.host"));
        assertEquals("host", JakartaMailKeys.nearest("smtp", "mail.smtp.host"));
        // a missing leading segment
        assertEquals("ssl.checkserveridentity", JakartaMailKeys.nearest("imap", "checkserveridentity"));
        assertEquals("ssl.trust", JakartaMailKeys.nearest("pop3", "trust"));
        assertEquals("auth.ntlm.domain", JakartaMailKeys.nearest("smtp", "ntlm.domain"));
        // ambiguous: proxy.host, proxy.port, proxy.user and proxy.password
        assertNull(JakartaMailKeys.nearest("smtp", "proxy"));
    }

    @Test
    void nearestGivesUpWhenNothingIsClose() {
        for (String f : FAMILIES) {
            assertNull(JakartaMailKeys.nearest(f, "foo.bar"), f);
            assertNull(JakartaMailKeys.nearest(f, "x"), f);
            assertNull(JakartaMailKeys.nearest(f, ""), f);
            assertNull(JakartaMailKeys.nearest(f, "   "), f);
            assertNull(JakartaMailKeys.nearest(f, null), f);
        }
        // mail.smtp.debug is not a key (mail.debug is); nothing is close
        assertNull(JakartaMailKeys.nearest("smtp", "debug"));
    }

    @Test
    void nearestNeverSuggestsAPlaceForAPassword() {
        for (String f : FAMILIES) {
            assertNull(JakartaMailKeys.nearest(f, "password"), f);
            assertNull(JakartaMailKeys.nearest(f, "pass"), f);
            assertNull(JakartaMailKeys.nearest(f, "ssl.password"), f);
        }
        // but a typo in the proxy password key is still fixed
        assertEquals("proxy.password", JakartaMailKeys.nearest("smtp", "proxy.pasword"));
    }

    @Test
    void nearestLeavesKeysOfOtherFamiliesAlone() {
        // mail.imap.auth and mail.pop3.auth are never read; "auth" is no typo
        assertNull(JakartaMailKeys.nearest("imap", "auth"));
        assertNull(JakartaMailKeys.nearest("pop3", "auth"));
        // one letter from ssl.enable, but a different setting
        assertNull(JakartaMailKeys.nearest("pop3", "sasl.enable"));
        // POP3 never reads localhost; localport would be a wrong guess
        assertNull(JakartaMailKeys.nearest("pop3", "localhost"));
    }

    @Test
    void nearestOfAKnownSuffixIsItself() {
        for (String f : FAMILIES) {
            for (String s : JakartaMailKeys.suffixes(f)) {
                assertEquals(s, JakartaMailKeys.nearest(f, s), f + "." + s);
            }
        }
    }

    @Test
    void nearestIsDeterministic() {
        List<String> inputs = Arrays.asList("starttls.requierd", "ssl.enabled", "sasl_realm",
                "ssl.socketFactory.fallback", "ssl.port", "debug", "ssl.trust.all");
        for (String f : FAMILIES) {
            for (String in : inputs) {
                String first = JakartaMailKeys.nearest(f, in);
                for (int i = 0; i < 5; i++) {
                    assertEquals(first, JakartaMailKeys.nearest(f, in), f + "." + in);
                }
                if (first != null) {
                    assertTrue(JakartaMailKeys.isKnown(f, first), f + "." + first);
                }
            }
        }
    }

    // ---- describe and suffixes ------------------------------------------------------------------

    @Test
    void describeEveryKnownSuffix() {
        for (String f : FAMILIES) {
            for (String s : JakartaMailKeys.suffixes(f)) {
                String d = JakartaMailKeys.describe(f, s);
                assertNotNull(d, f + "." + s);
                assertFalse(d.trim().isEmpty(), f + "." + s);
            }
        }
    }

    @Test
    void describeSomeSuffixes() {
        assertEquals("requires STARTTLS (fail if the server does not offer it)",
                JakartaMailKeys.describe("smtp", "starttls.required"));
        assertTrue(JakartaMailKeys.describe("pop3", "starttls.required").contains("STLS"));
        assertTrue(JakartaMailKeys.describe("smtp", "port").contains("25"));
        assertTrue(JakartaMailKeys.describe("smtp", "port").contains("465"));
        assertTrue(JakartaMailKeys.describe("imap", "port").contains("993"));
        assertTrue(JakartaMailKeys.describe("pop3", "port").contains("995"));
        assertTrue(JakartaMailKeys.describe("smtp", "proxy.port").contains("80"));
        assertTrue(JakartaMailKeys.describe("smtp", "socks.port").contains("1080"));
        assertNull(JakartaMailKeys.describe("smtp", "ssl.enabled"));
        assertNull(JakartaMailKeys.describe("imap", "auth"));
        assertNull(JakartaMailKeys.describe("smtp", null));
    }

    @Test
    void suffixesAreSortedAndUnmodifiable() {
        for (String f : FAMILIES) {
            Set<String> set = JakartaMailKeys.suffixes(f);
            assertTrue(set.size() > 50, f + " has " + set.size());
            String previous = null;
            for (String s : set) {
                assertTrue(JakartaMailKeys.isKnown(f, s), s);
                if (previous != null) {
                    assertTrue(previous.compareTo(s) < 0, previous + " before " + s);
                }
                previous = s;
            }
            assertThrows(UnsupportedOperationException.class, () -> set.add("foo"));
            assertThrows(UnsupportedOperationException.class, () -> set.remove("ssl.enable"));
        }
        assertThrows(UnsupportedOperationException.class, () -> JakartaMailKeys.suffixes("x").add("foo"));
    }
}
