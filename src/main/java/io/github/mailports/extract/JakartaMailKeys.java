package io.github.mailports.extract;

/*
 * Where this list comes from
 * ==========================
 * Every suffix below is either documented in the provider's property table or read by the
 * provider's code, as in eclipse-ee4j/angus-mail (Angus Mail 2.x, org.eclipse.angus.mail.*; the
 * key names are the same as in Jakarta Mail 1.6/2.0 and JavaMail). Files read (commit of the
 * stored copy in brackets):
 *
 *   Property tables (package documentation):
 *     providers/smtp/src/main/java/org/eclipse/angus/mail/smtp/package-info.java  [07d27cce24e2, e403f3dd796e]
 *     providers/imap/src/main/java/org/eclipse/angus/mail/imap/package-info.java  [07d27cce24e2]
 *     providers/pop3/src/main/java/org/eclipse/angus/mail/pop3/package-info.java  [07d27cce24e2]
 *   Keys read in code:
 *     core/src/main/java/org/eclipse/angus/mail/util/SocketFetcher.java           [029ef50df93d, 7a7f5594a46d]
 *       (socket, socket factory, SSL, proxy, SOCKS, timeout and local address keys, all protocols)
 *     providers/smtp/src/main/java/org/eclipse/angus/mail/smtp/SMTPTransport.java  [1a73caafc30d]
 *     providers/imap/src/main/java/org/eclipse/angus/mail/imap/IMAPStore.java      [216c5f802cb6]
 *     providers/imap/src/main/java/org/eclipse/angus/mail/imap/protocol/IMAPProtocol.java [00db10d29b8c]
 *     providers/imap/src/main/java/org/eclipse/angus/mail/imap/protocol/IMAPSaslAuthenticator.java [216c5f802cb6]
 *     providers/imap/src/main/java/org/eclipse/angus/mail/iap/Protocol.java        [150e0ff71e3f]
 *     providers/pop3/src/main/java/org/eclipse/angus/mail/pop3/POP3Store.java      [216c5f802cb6]
 *     providers/pop3/src/main/java/org/eclipse/angus/mail/pop3/Protocol.java       [216c5f802cb6]
 *   Generic keys (class, host, user) are read by the Jakarta Mail API itself (jakartaee/mail-api
 *   Session.getProvider and Service.connect); see /work/shared/reference/mail-config-keys.md 1.3.
 *
 * Notes found while reading:
 *   - No key family has a free-form tail. "auth.<mechanism>.disable" is built from a mechanism
 *     name, but only for the provider's built-in default mechanisms (SMTP: LOGIN PLAIN DIGEST-MD5
 *     NTLM XOAUTH2; IMAP: PLAIN LOGIN NTLM XOAUTH2; POP3: LOGIN PLAIN NTLM XOAUTH2), and only when
 *     auth.mechanisms is not set. Those are listed one by one, so no prefix list is needed.
 *   - mail.pop3.auth.digest-md5.disable is documented, but the POP3 provider has no DIGEST-MD5
 *     authenticator (it is commented out in Protocol.java), so the key is never read. It is kept
 *     as known because it is documented.
 *   - auth.ntlm.unicode and auth.ntlm.lmcompat appear only inside an HTML comment of the SMTP and
 *     POP3 tables and are read nowhere, so they are not listed.
 *   - "auth" (attempt AUTH) exists only for SMTP. mail.imap.auth and mail.pop3.auth are never read.
 *   - Read in code but not in the tables: usesocketchannels (all protocols, SocketFetcher;
 *     documented for IMAP only), auth.ntlm.v2 (all), sasl.authorizationid (POP3), saslrealm (SMTP,
 *     the old name of sasl.realm), localhost (IMAP, NTLM host name in iap/Protocol), and for IMAP
 *     servertimeout, pruninginterval, connectionpool.debug, messagecache.debug,
 *     forcepasswordrefresh and yahoo.guid; for POP3 pipelining.
 *   - Jakarta Mail never reads a password from the properties: mail.<protocol>.password is not a
 *     key (only proxy.password, the HTTP proxy's password, is).
 */

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code mail.<protocol>.<suffix>} keys that Angus Mail / Jakarta Mail reads, per protocol
 * family, with a short description of each and a "did you mean" lookup for keys it never reads.
 *
 * <p>A family is the protocol name without the trailing "s": {@code "smtp"} (also used by
 * {@code smtps}), {@code "imap"} ({@code imaps}) and {@code "pop3"} ({@code pop3s}). The keys of the
 * secure variants have the same suffixes under their own prefix ({@code mail.smtps.*} and so on).
 *
 * <p>Suffixes are case-sensitive, as Jakarta Mail looks them up in a {@link java.util.Properties}
 * object: {@code socketFactory.class} is read, {@code socketfactory.class} is not.
 *
 * <p>All data is immutable and built once when the class is loaded.
 */
public final class JakartaMailKeys {

    /** family -> (suffix -> description), sorted by suffix. */
    private static final Map<String, Map<String, String>> KEYS;

    /** family -> unmodifiable sorted set of suffixes. */
    private static final Map<String, Set<String>> SUFFIXES;

    /** family -> (normalized suffix -> suffix); see {@link #normalize(String)}. */
    private static final Map<String, Map<String, String>> BY_NORMALIZED;

    /**
     * Names people use for a key that Jakarta Mail spells differently, keyed by normalized form.
     * Only applied when the target is known in the family asked about.
     */
    private static final Map<String, String> ALIASES;

    /**
     * Normalized suffixes for which no suggestion is made: a password is never read from the
     * properties, and suggesting {@code proxy.password} would send it to the wrong place.
     */
    private static final Set<String> NO_SUGGESTION = Collections.unmodifiableSet(new HashSet<String>(
            Arrays.asList("password", "pass", "passwd", "pwd", "secret")));

    /** Segments that only repeat the key prefix, as in {@code mail.smtp.mail.smtp.host}. */
    private static final Set<String> PREFIX_SEGMENTS = Collections.unmodifiableSet(new HashSet<String>(
            Arrays.asList("mail", "smtp", "smtps", "imap", "imaps", "pop3", "pop3s")));

    /** Extra segments that may be dropped before a one-segment key, as in {@code auth.enable}. */
    private static final Set<String> FILLER_SEGMENTS = Collections.unmodifiableSet(new HashSet<String>(
            Arrays.asList("enable", "enabled", "use")));

    static {
        Map<String, String> smtp = new TreeMap<String, String>();
        Map<String, String> imap = new TreeMap<String, String>();
        Map<String, String> pop3 = new TreeMap<String, String>();
        addCommon(smtp, "smtp");
        addCommon(imap, "imap");
        addCommon(pop3, "pop3");
        addSmtp(smtp);
        addImap(imap);
        addPop3(pop3);

        Map<String, Map<String, String>> keys = new TreeMap<String, Map<String, String>>();
        keys.put("smtp", Collections.unmodifiableMap(smtp));
        keys.put("imap", Collections.unmodifiableMap(imap));
        keys.put("pop3", Collections.unmodifiableMap(pop3));
        KEYS = Collections.unmodifiableMap(keys);

        Map<String, Set<String>> suffixes = new TreeMap<String, Set<String>>();
        Map<String, Map<String, String>> byNormalized = new TreeMap<String, Map<String, String>>();
        for (Map.Entry<String, Map<String, String>> e : KEYS.entrySet()) {
            suffixes.put(e.getKey(),
                    Collections.unmodifiableSet(new TreeSet<String>(e.getValue().keySet())));
            byNormalized.put(e.getKey(), Collections.unmodifiableMap(normalizedIndex(e.getValue().keySet())));
            checkNoCaseCollisions(e.getKey(), e.getValue().keySet());
        }
        SUFFIXES = Collections.unmodifiableMap(suffixes);
        BY_NORMALIZED = Collections.unmodifiableMap(byNormalized);

        Map<String, String> aliases = new HashMap<String, String>();
        alias(aliases, "starttls.enable", "tls", "tlsenable", "tlsenabled", "usetls", "enabletls",
                "starttls", "usestarttls", "enablestarttls", "starttlsenabled");
        alias(aliases, "starttls.required", "tlsrequired", "requiretls", "requirestarttls",
                "starttlsrequire", "starttlsrequired", "starttlsmandatory");
        alias(aliases, "ssl.enable", "ssl", "usessl", "enablessl", "sslenabled", "tlsssl",
                "implicittls");
        alias(aliases, "ssl.trust", "trustall", "ssltrustall", "trusthosts", "trustedhosts",
                "ssltrustedhosts");
        alias(aliases, "ssl.protocols", "tlsprotocols", "tlsprotocol", "tlsversion", "tlsversions",
                "sslversion", "sslprotocolversion");
        alias(aliases, "ssl.ciphersuites", "ciphers", "sslciphers", "tlsciphers", "ciphersuite",
                "sslciphersuite", "tlsciphersuites");
        alias(aliases, "ssl.checkserveridentity", "checkserveridentity", "checkhostname",
                "sslcheckhostname", "verifyhostname", "sslverifyhostname", "hostnameverification",
                "sslhostnameverification");
        alias(aliases, "timeout", "readtimeout", "sockettimeout", "sotimeout", "sockettimout");
        alias(aliases, "connectiontimeout", "connecttimeout", "conntimeout", "connectimeout");
        alias(aliases, "writetimeout", "sendtimeout");
        alias(aliases, "user", "username", "login", "userid", "account");
        alias(aliases, "host", "hostname", "server", "servername");
        alias(aliases, "auth", "authenticate", "authentication", "useauth", "authenable",
                "authenabled", "authrequired", "requireauth");
        alias(aliases, "from", "envelopefrom", "mailfrom", "returnpath", "sender");
        alias(aliases, "localhost", "ehlohost", "ehloname", "helohost", "heloname", "ehlodomain",
                "helodomain", "clienthostname");
        alias(aliases, "socketFactory.fallback", "sslsocketfactoryfallback", "fallback");
        alias(aliases, "proxy.password", "proxypass", "proxypwd", "proxypasswd");
        alias(aliases, "proxy.user", "proxyusername", "proxylogin");
        ALIASES = Collections.unmodifiableMap(aliases);
    }

    private JakartaMailKeys() {
    }

    /**
     * Whether Jakarta Mail reads {@code mail.<protocol>.<suffix>} for a protocol of this family.
     *
     * @param family "smtp", "imap" or "pop3" (the protocol without the trailing "s")
     * @param suffix the part of the key after {@code mail.<protocol>.}; case-sensitive
     * @return true if the suffix is documented or read in code for this family
     */
    public static boolean isKnown(String family, String suffix) {
        Map<String, String> known = family == null ? null : KEYS.get(family);
        return known != null && suffix != null && known.containsKey(suffix);
    }

    /**
     * The known suffix a misspelled one was most likely meant to be.
     *
     * <p>Tried in this order, the first hit wins: the suffix itself if known; a known suffix equal
     * ignoring case; equal ignoring case and the separators {@code . - _}; a common alternative name
     * ({@code readtimeout}, {@code tls}, {@code username}, ...); the closest known suffix within an
     * edit distance of 2 (1 for suffixes of up to 4 letters; transpositions count as 1); a known
     * suffix whose segments all appear, in order, in the given one (as in
     * {@code ssl.socketFactory.fallback} -&gt; {@code socketFactory.fallback}); the only known
     * suffix that contains all segments of the given one (as in {@code checkserveridentity}).
     * Ties are broken by a fixed order, so the answer is deterministic.
     *
     * <p>No suggestion is made for a suffix that is spelled right but belongs to another family
     * ({@code auth} or {@code sasl.enable} for POP3): it is not a misspelling, and the nearest
     * spelling ({@code ssl.enable}) would change its meaning.
     *
     * @param family "smtp", "imap" or "pop3"
     * @param suffix the suffix as written
     * @return the nearest known suffix, or null when nothing is reasonably close, the family is
     *         unknown, the suffix belongs to another family, or it names a password (never read
     *         from the properties)
     */
    public static String nearest(String family, String suffix) {
        Map<String, String> known = family == null ? null : KEYS.get(family);
        if (known == null || suffix == null) {
            return null;
        }
        String s = suffix.trim();
        if (s.isEmpty()) {
            return null;
        }
        if (known.containsKey(s)) {
            return s;
        }
        for (String k : known.keySet()) {
            if (k.equalsIgnoreCase(s)) {
                return k;
            }
        }
        if (knownInOtherFamily(family, s)) {
            return null;
        }
        String norm = normalize(s);
        if (norm.isEmpty() || NO_SUGGESTION.contains(norm)) {
            return null;
        }
        String byNorm = BY_NORMALIZED.get(family).get(norm);
        if (byNorm != null) {
            return byNorm;
        }
        String alias = ALIASES.get(norm);
        if (alias != null && known.containsKey(alias)) {
            return alias;
        }
        String close = closestByEditDistance(known.keySet(), s, norm);
        if (close != null) {
            return close;
        }
        return bySegments(known.keySet(), s);
    }

    /**
     * A short phrase saying what a known suffix does, for messages such as
     * "did you mean mail.smtp.starttls.required (requires STARTTLS ...)?".
     *
     * @param family "smtp", "imap" or "pop3"
     * @param suffix a suffix; case-sensitive
     * @return the description, never null for a known suffix; null for an unknown one
     */
    public static String describe(String family, String suffix) {
        Map<String, String> known = family == null ? null : KEYS.get(family);
        return known == null || suffix == null ? null : known.get(suffix);
    }

    /**
     * All known suffixes of a family.
     *
     * @param family "smtp", "imap" or "pop3"
     * @return an unmodifiable set sorted by {@link String#compareTo}; empty for an unknown family
     */
    public static Set<String> suffixes(String family) {
        Set<String> set = family == null ? null : SUFFIXES.get(family);
        return set == null ? Collections.<String>emptySet() : set;
    }

    /**
     * The family of a Jakarta Mail protocol name: "smtp" for smtp and smtps, "imap" for imap and
     * imaps, "pop3" for pop3 and pop3s.
     *
     * @param protocol a protocol name as used in {@code mail.<protocol>.*} keys
     * @return the family, or null for any other protocol
     */
    public static String familyOf(String protocol) {
        if (protocol == null) {
            return null;
        }
        String p = protocol.endsWith("s") ? protocol.substring(0, protocol.length() - 1) : protocol;
        return KEYS.containsKey(p) ? p : null;
    }

    // ------------------------------------------------------------------------------------------
    // Data

    private static void addCommon(Map<String, String> m, String family) {
        // Jakarta Mail API (Session.getProvider, Service.connect) and the provider's protocolConnect
        put(m, "class", "selects the provider class for this protocol");
        put(m, "host", "the server host to connect to (falls back to mail.host)");
        put(m, "user", "the default user name (falls back to mail.user)");
        if ("smtp".equals(family)) {
            put(m, "port", "the server port (default 25, or 465 with SSL)");
        } else if ("imap".equals(family)) {
            put(m, "port", "the server port (default 143, or 993 with SSL)");
        } else {
            put(m, "port", "the server port (default 110, or 995 with SSL)");
        }

        // SocketFetcher
        put(m, "connectiontimeout", "the socket connect timeout in milliseconds (default: infinite)");
        put(m, "timeout", "the socket read timeout in milliseconds (default: infinite)");
        put(m, "writetimeout", "the socket write timeout in milliseconds (default: infinite)");
        put(m, "executor.writetimeout",
                "a ScheduledExecutorService object used for the write timeout (set with put, not setProperty)");
        put(m, "localaddress", "the local address to bind the socket to");
        put(m, "localport", "the local port to bind the socket to");
        put(m, "usesocketchannels", "creates sockets from SocketChannels (needed by the IMAP IdleManager)");
        put(m, "socketFactory", "a SocketFactory object used to create sockets (set with put, not setProperty)");
        put(m, "socketFactory.class",
                "the SocketFactory class used to create sockets (an SSLSocketFactory here means implicit SSL)");
        put(m, "socketFactory.fallback",
                "falls back to a plain socket if the socket factory fails (default true)");
        put(m, "socketFactory.port", "the port to connect to when the socket factory is used");
        put(m, "ssl.socketFactory",
                "an SSLSocketFactory object used for SSL and STARTTLS sockets (set with put, not setProperty)");
        put(m, "ssl.socketFactory.class", "the SSLSocketFactory class used for SSL and STARTTLS sockets");
        put(m, "ssl.socketFactory.port", "the port to connect to when the SSL socket factory is used");
        put(m, "ssl.enable", "uses SSL/TLS from the start (implicit TLS) and the SSL port by default");
        put(m, "ssl.checkserveridentity",
                "checks that the server certificate matches the host name (default true since Angus Mail 1.1)");
        put(m, "ssl.trust",
                "trusts the listed hosts (\"*\" for all) without validating their certificates");
        put(m, "ssl.protocols", "the SSL/TLS protocols to enable, separated by spaces");
        put(m, "ssl.ciphersuites", "the cipher suites to enable, separated by spaces");
        put(m, "ssl.hostnameverifier",
                "a HostnameVerifier object for an extra host name check (set with put, not setProperty)");
        put(m, "ssl.hostnameverifier.class", "the class name or alias of an extra HostnameVerifier");
        if ("pop3".equals(family)) {
            put(m, "starttls.enable",
                    "uses STLS (STARTTLS) if the server offers it, else continues without TLS");
            put(m, "starttls.required", "requires STLS (fail if the server does not offer it)");
        } else {
            put(m, "starttls.enable", "uses STARTTLS if the server offers it, else continues without TLS");
            put(m, "starttls.required", "requires STARTTLS (fail if the server does not offer it)");
        }
        put(m, "proxy.host", "the HTTP proxy host");
        put(m, "proxy.port", "the HTTP proxy port (default 80)");
        put(m, "proxy.user", "the HTTP proxy user name");
        put(m, "proxy.password", "the HTTP proxy password");
        put(m, "socks.host", "the SOCKS5 proxy host");
        put(m, "socks.port", "the SOCKS5 proxy port (default 1080)");

        // Authentication, read by all three providers
        put(m, "auth.mechanisms", "the authentication mechanisms to try, in order, separated by spaces");
        put(m, "auth.login.disable", "disables the LOGIN mechanism");
        put(m, "auth.plain.disable", "disables the PLAIN mechanism");
        put(m, "auth.ntlm.disable", "disables the NTLM mechanism");
        put(m, "auth.xoauth2.disable", "disables the XOAUTH2 mechanism (disabled unless set to false)");
        put(m, "auth.ntlm.domain", "the NTLM authentication domain");
        put(m, "auth.ntlm.flags", "the NTLM protocol flags");
        put(m, "auth.ntlm.v2", "uses NTLMv2 (default true)");
        put(m, "sasl.authorizationid", "the authorization ID used when authenticating (defaults to the user name)");
    }

    private static void addSmtp(Map<String, String> m) {
        put(m, "auth", "authenticates with the AUTH command (needs a user name and password)");
        put(m, "from", "the envelope sender address (MAIL FROM)");
        put(m, "localhost", "the host name sent in EHLO/HELO");
        put(m, "ehlo", "tries EHLO before HELO (default true)");
        put(m, "auth.digest-md5.disable", "disables the DIGEST-MD5 mechanism");
        put(m, "submitter", "the submitter sent as AUTH= in MAIL FROM");
        put(m, "dsn.notify", "the delivery status notification NOTIFY option of RCPT TO");
        put(m, "dsn.ret", "the delivery status notification RET option of MAIL FROM (FULL or HDRS)");
        put(m, "allow8bitmime", "converts text parts to 8bit when the server supports 8BITMIME");
        put(m, "sendpartial", "sends the message even if some recipient addresses are invalid");
        put(m, "sasl.enable", "authenticates through the javax.security.sasl API");
        put(m, "sasl.mechanisms", "the SASL mechanisms to try");
        put(m, "sasl.realm", "the realm for DIGEST-MD5 and other SASL mechanisms");
        put(m, "saslrealm", "the old name of sasl.realm (still read)");
        put(m, "sasl.usecanonicalhostname", "passes the canonical host name to SASL");
        put(m, "quitwait", "waits for the reply to QUIT (default true)");
        put(m, "quitonsessionreject", "sends QUIT when the server rejects the session");
        put(m, "reportsuccess", "reports successful addresses too, in a SendFailedException");
        put(m, "mailextension", "an extension string appended to MAIL FROM");
        put(m, "userset", "uses RSET instead of NOOP to check the connection");
        put(m, "noop.strict", "requires a 250 reply to NOOP (default true)");
        put(m, "chunksize", "the BDAT chunk size in bytes (CHUNKING)");
    }

    private static void addImap(Map<String, String> m) {
        put(m, "localhost", "the local host name used for NTLM authentication");
        put(m, "partialfetch", "fetches message parts in pieces (default true)");
        put(m, "fetchsize", "the partial fetch size in bytes (default 16K)");
        put(m, "peek", "fetches with BODY.PEEK so that reading does not set \\Seen");
        put(m, "ignorebodystructuresize", "ignores the part sizes reported in BODYSTRUCTURE");
        put(m, "statuscachetimeout", "how long the STATUS reply is cached, in milliseconds (default 1000)");
        put(m, "appendbuffersize", "the largest message buffered in memory when appending");
        put(m, "connectionpoolsize", "the maximum number of pooled connections (default 1)");
        put(m, "connectionpooltimeout", "the idle timeout of pooled connections in milliseconds (default 45000)");
        put(m, "servertimeout",
                "the idle time after which a pooled connection is checked with NOOP, in milliseconds (default 30 minutes)");
        put(m, "pruninginterval", "the interval between connection pool prunings in milliseconds (default 60000)");
        put(m, "connectionpool.debug", "debug output for the connection pool");
        put(m, "separatestoreconnection", "uses a dedicated connection for Store commands");
        put(m, "allowreadonlyselect", "allows a read-write open of a folder the server selects read-only");
        put(m, "proxyauth.user", "the user to act as, with PROXYAUTH");
        put(m, "sasl.enable", "authenticates through the javax.security.sasl API");
        put(m, "sasl.mechanisms", "the SASL mechanisms to try");
        put(m, "sasl.realm", "the realm for SASL mechanisms that need one");
        put(m, "sasl.usecanonicalhostname", "passes the canonical host name to SASL");
        put(m, "sasl.xgwtrustedapphack.enable", "the Novell GroupWise XGWTRUSTEDAPP workaround (default true)");
        put(m, "minidletime", "the minimum delay after IDLE returns, in milliseconds (default 10)");
        put(m, "enableresponseevents", "delivers IMAP responses as connection events");
        put(m, "enableimapevents", "delivers unsolicited responses during IDLE as connection events");
        put(m, "throwsearchexception", "throws SearchException for searches IMAP cannot express");
        put(m, "folder.class", "the IMAPFolder subclass to use");
        put(m, "closefoldersonstorefailure", "closes all folders when the Store connection fails (default true)");
        put(m, "finalizecleanclose", "closes the connection cleanly when finalized");
        put(m, "referralexception", "fails the login with a ReferralException on a login referral");
        put(m, "compress.enable", "uses COMPRESS=DEFLATE if the server supports it");
        put(m, "compress.level", "the deflate compression level (-1 to 9)");
        put(m, "compress.strategy", "the deflate compression strategy (0 to 2)");
        put(m, "reusetagprefix", "always uses \"A\" as the command tag prefix");
        put(m, "forcepasswordrefresh", "asks the Authenticator for a new password for each new connection");
        put(m, "messagecache.debug", "debug output for the message cache");
        put(m, "yahoo.guid", "the GUID sent in an ID command (Yahoo! Mail)");
    }

    private static void addPop3(Map<String, String> m) {
        put(m, "rsetbeforequit", "sends RSET before QUIT so that read messages are not deleted");
        put(m, "message.class", "the POP3Message subclass to use");
        put(m, "apop.enable", "logs in with APOP if the server supports it");
        put(m, "auth.digest-md5.disable",
                "documented, but has no effect: the POP3 provider has no DIGEST-MD5 support");
        put(m, "auth.xoauth2.two.line.authentication.format", "sends AUTH XOAUTH2 and the token on two lines");
        put(m, "disabletop", "does not use TOP to fetch headers");
        put(m, "disablecapa", "does not use CAPA to ask for the server capabilities");
        put(m, "forgettopheaders", "replaces the headers fetched with TOP by those from RETR");
        put(m, "filecache.enable", "caches message content in a temporary file");
        put(m, "filecache.dir", "the directory for the file cache");
        put(m, "cachewriteto", "caches the message before writing it with writeTo");
        put(m, "keepmessagecontent", "keeps a hard reference to the cached message content");
        put(m, "finalizecleanclose", "closes the connection cleanly when finalized");
        put(m, "pipelining", "uses PIPELINING even if the server does not advertise it");
    }

    private static void put(Map<String, String> m, String suffix, String description) {
        if (m.put(suffix, description) != null) {
            throw new IllegalStateException("duplicate suffix " + suffix);
        }
    }

    private static void alias(Map<String, String> aliases, String target, String... names) {
        for (String name : names) {
            String key = normalize(name);
            if (aliases.put(key, target) != null) {
                throw new IllegalStateException("duplicate alias " + name);
            }
        }
    }

    private static Map<String, String> normalizedIndex(Set<String> suffixes) {
        Map<String, String> index = new HashMap<String, String>();
        for (String s : suffixes) {
            String key = normalize(s);
            String other = index.get(key);
            // sasl.realm and saslrealm (SMTP) collide: keep the documented, dotted spelling.
            if (other == null || preferOnCollision(s, other)) {
                index.put(key, s);
            }
        }
        return index;
    }

    private static boolean preferOnCollision(String candidate, String current) {
        int c = segments(candidate).size();
        int k = segments(current).size();
        if (c != k) {
            return c > k;
        }
        return candidate.compareTo(current) < 0;
    }

    private static void checkNoCaseCollisions(String family, Set<String> suffixes) {
        Set<String> seen = new HashSet<String>();
        for (String s : suffixes) {
            if (!seen.add(s.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("suffixes of " + family + " differ only in case: " + s);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Matching

    /** Whether the suffix is a key of another family (e.g. "auth" or "sasl.enable" for POP3). */
    private static boolean knownInOtherFamily(String family, String suffix) {
        for (Map.Entry<String, Map<String, String>> e : KEYS.entrySet()) {
            if (!e.getKey().equals(family) && e.getValue().containsKey(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, without '.', '-', '_' and white space. */
    private static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '-' || c == '_' || Character.isWhitespace(c)) {
                continue;
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    private static List<String> segments(String s) {
        List<String> out = new ArrayList<String>();
        for (String part : s.toLowerCase(Locale.ROOT).split("\\.")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    private static String closestByEditDistance(Set<String> known, String suffix, String norm) {
        int limit = norm.length() <= 4 ? 1 : 2;
        String lower = suffix.toLowerCase(Locale.ROOT);
        int inputSegments = segments(suffix).size();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestRaw = Integer.MAX_VALUE;
        int bestSegDiff = Integer.MAX_VALUE;
        for (String k : known) {
            int raw = Keys.distance(lower, k.toLowerCase(Locale.ROOT));
            int d = Math.min(raw, Keys.distance(norm, normalize(k)));
            if (d > limit) {
                continue;
            }
            int segDiff = Math.abs(segments(k).size() - inputSegments);
            // known is sorted, so on a full tie the first (smallest) suffix stays
            if (d < bestDistance
                    || (d == bestDistance && raw < bestRaw)
                    || (d == bestDistance && raw == bestRaw && segDiff < bestSegDiff)) {
                best = k;
                bestDistance = d;
                bestRaw = raw;
                bestSegDiff = segDiff;
            }
        }
        return best;
    }

    private static String bySegments(Set<String> known, String suffix) {
        List<String> input = segments(suffix);
        if (input.isEmpty()) {
            return null;
        }
        String lastInput = input.get(input.size() - 1);
        String lower = suffix.toLowerCase(Locale.ROOT);

        // 1. A known suffix whose segments all appear, in order, in the input (extra segments).
        String best = null;
        boolean bestSharesLast = false;
        int bestSize = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            List<String> ks = segments(k);
            if (ks.size() >= input.size() || !isSubsequence(ks, input)) {
                continue;
            }
            if (ks.size() == 1 && !onlyPrefixOrFiller(input, ks)) {
                continue;
            }
            boolean sharesLast = ks.get(ks.size() - 1).equals(lastInput);
            int d = Keys.distance(lower, k.toLowerCase(Locale.ROOT));
            if (best == null
                    || (sharesLast && !bestSharesLast)
                    || (sharesLast == bestSharesLast && ks.size() > bestSize)
                    || (sharesLast == bestSharesLast && ks.size() == bestSize && d < bestDistance)) {
                best = k;
                bestSharesLast = sharesLast;
                bestSize = ks.size();
                bestDistance = d;
            }
        }
        if (best != null) {
            return best;
        }

        // 2. The only known suffix that contains all input segments, in order (missing segments).
        String only = null;
        int onlySize = Integer.MAX_VALUE;
        boolean ambiguous = false;
        for (String k : known) {
            List<String> ks = segments(k);
            if (ks.size() <= input.size() || !isSubsequence(input, ks)) {
                continue;
            }
            if (ks.size() < onlySize) {
                only = k;
                onlySize = ks.size();
                ambiguous = false;
            } else if (ks.size() == onlySize) {
                ambiguous = true;
            }
        }
        return ambiguous ? null : only;
    }

    /** Whether the input segments not in {@code kept} only repeat the key prefix or are filler. */
    private static boolean onlyPrefixOrFiller(List<String> input, List<String> kept) {
        List<String> rest = new ArrayList<String>(input);
        for (String k : kept) {
            rest.remove(k);
        }
        for (String r : rest) {
            if (!PREFIX_SEGMENTS.contains(r) && !FILLER_SEGMENTS.contains(r)) {
                return false;
            }
        }
        return true;
    }

    /** Whether all of {@code small} occur in {@code big}, in the same order. */
    private static boolean isSubsequence(List<String> small, List<String> big) {
        int j = 0;
        for (int i = 0; i < big.size() && j < small.size(); i++) {
            if (big.get(i).equals(small.get(j))) {
                j++;
            }
        }
        return j == small.size();
    }
}
