package io.github.mailports.extract;

import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Library;
import io.github.mailports.model.Diagnostic.Reason;
import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Origin;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;
import io.github.mailports.model.Trust;

import java.util.Locale;
import java.util.Map;

/**
 * How Jakarta Mail (Angus Mail, JavaMail) turns {@code mail.<protocol>.*} session properties into a
 * connection: which keys it reads for a provider, how it parses them ({@code PropUtil}: a boolean whose
 * default is false is on only for {@code true}, any case; an int that does not parse is silently the
 * default), and which defaults it applies. Shared by every source that ends in a Jakarta Mail session.
 */
final class JakartaMail {
    private JakartaMail() {
    }

    /** What one endpoint's evaluation starts from. */
    static final class Input {
        Protocol protocol;
        Setting<Protocol> protocolSetting;
        /** Jakarta key ({@code mail.smtp.port}) to prop, for this session. */
        Map<String, Prop> keys;
        /** Host given to {@code connect()} by the framework (wins over {@code mail.<p>.host}); may be null. */
        Prop connectHost;
        /** The key that gives {@link #connectPort}, for naming its placeholder; may be null. */
        Prop connectPortProp;
        /** A placeholder without a value that decides the protocol (so which keys count); may be null. */
        Prop unresolvedProtocol;
        /** Port given to {@code connect()} by the framework; may be null. */
        Setting<Integer> connectPort;
        /** User name and password given to {@code connect()}; may be null. */
        Prop user;
        Prop password;
        /** Whether keys of the sibling protocol ({@code mail.smtp.*} for {@code smtps}) are never read here. */
        boolean siblingIgnored;
        /** Whether an SSL socket factory object is supplied in code (Spring's {@code ssl.bundle}). */
        boolean sslFactoryObject;
        /**
         * Whether the application's code builds the session and passes the host ({@code transport.connect(host, ...)}):
         * then a group without a host key has an unknown host, not localhost.
         */
        boolean hostFromCode;
        /** How the source names its keys for messages, e.g. {@code spring.mail.properties.}; may be empty. */
        String keyPrefix = "";
        /**
         * Whether the keys are written in Java code ({@link JavaCodeExtractor}): an unresolved value is one the code
         * computes at run time, not a placeholder, and a computed host is the host the code passes.
         */
        boolean code;

        /** A session of {@code protocol} built from {@code keys}, whose names in messages start with {@code keyPrefix}. */
        Input(Setting<Protocol> protocol, Map<String, Prop> keys, String keyPrefix) {
            this.protocol = protocol.value();
            this.protocolSetting = protocol;
            this.keys = keys;
            this.keyPrefix = keyPrefix;
        }
    }

    static void evaluate(Input in, MailEndpoint.Builder b) {
        Protocol p = in.protocol;
        Protocol.Family family = p.family();
        SourceLocation anchor = b.anchor();
        Reader r = new Reader(in, b);
        Unresolved unresolved = new Unresolved(in);
        if (in.unresolvedProtocol != null) {
            unresolved.add("the protocol", in.unresolvedProtocol.key(), in.unresolvedProtocol.at());
        }

        // Keys this session never reads.
        for (Map.Entry<String, Prop> e : in.keys.entrySet()) {
            checkKey(in, e.getKey(), e.getValue(), b);
        }

        Boolean sslEnable = r.bool("ssl.enable", false);
        Prop sfClass = r.prop("socketFactory.class");
        boolean sslFactoryClass = sfClass != null && sfClass.isResolved() && isSslFactory(sfClass.value());
        Boolean startRequired = r.bool("starttls.required", false);
        Boolean startEnable = r.bool("starttls.enable", false);
        boolean isSsl = p.implicitTls() || Boolean.TRUE.equals(sslEnable);

        // Encryption.
        Setting<Encryption> encryption;
        if (p.implicitTls()) {
            encryption = in.protocolSetting.withValue(Encryption.IMPLICIT_TLS);
        } else if (Boolean.TRUE.equals(sslEnable)) {
            encryption = r.prop("ssl.enable").setting(Encryption.IMPLICIT_TLS);
        } else if (sslFactoryClass) {
            encryption = sfClass.setting(Encryption.IMPLICIT_TLS);
        } else if (sslEnable == null || (sfClass != null && !sfClass.isResolved())) {
            Prop cause = sslEnable == null ? r.prop("ssl.enable") : sfClass;
            encryption = cause.setting(Encryption.UNKNOWN);
        } else if (Boolean.TRUE.equals(startRequired)) {
            encryption = r.prop("starttls.required").setting(Encryption.STARTTLS_REQUIRED);
        } else if (startRequired == null) {
            encryption = r.prop("starttls.required").setting(Encryption.UNKNOWN);
        } else if (Boolean.TRUE.equals(startEnable)) {
            encryption = r.prop("starttls.enable").setting(Encryption.STARTTLS_OPTIONAL);
        } else if (startEnable == null) {
            encryption = r.prop("starttls.enable").setting(Encryption.UNKNOWN);
        } else {
            Prop off = r.prop("starttls.enable") != null ? r.prop("starttls.enable")
                    : r.prop("ssl.enable") != null ? r.prop("ssl.enable") : null;
            encryption = off != null ? off.setting(Encryption.NONE) : Setting.defaulted(Encryption.NONE, anchor);
        }
        if (encryption.value() == Encryption.UNKNOWN) {
            unresolved.add("encryption", encryption.key(), encryption.location());
        }
        b.encryption(encryption);
        boolean implicit = encryption.value() == Encryption.IMPLICIT_TLS;
        if (implicit && (Boolean.TRUE.equals(startRequired) || Boolean.TRUE.equals(startEnable))) {
            Prop startKey = Boolean.TRUE.equals(startRequired) ? r.prop("starttls.required") : r.prop("starttls.enable");
            b.conflictingStartTls(startKey.setting(Encryption.IMPLICIT_TLS));
        }

        // Port: connect() argument, else mail.<p>.port, else the default; a socket factory's port wins.
        Setting<Integer> port = in.connectPort;
        if (port == null) port = r.port("port");
        if (port == null) port = Setting.defaulted(isSsl ? family.implicitTlsPort() : p.defaultPort(), anchor);
        Setting<Integer> factoryPort = null;
        if (isSsl && r.prop("ssl.socketFactory.class") != null) factoryPort = r.port("ssl.socketFactory.port");
        else if (sfClass != null) factoryPort = r.port("socketFactory.port");
        Setting<Integer> connectPort = port;
        if (factoryPort != null) port = factoryPort;
        if (port.origin() == Origin.UNRESOLVED) {
            unresolved.add("the port", port.key(), port.location());
        }
        b.port(port);
        boolean plainRetryUpgrades = false;
        if (sslFactoryClass && !isSsl && encryption.value() == Encryption.IMPLICIT_TLS
                && (Boolean.TRUE.equals(startRequired) || Boolean.TRUE.equals(startEnable))
                && Boolean.TRUE.equals(r.bool("socketFactory.fallback", true))
                && port.isKnown() && family.isStartTlsPort(port.value())
                && connectPort.isKnown() && connectPort.value().equals(port.value())) {
            // An SSL socket factory on a port that greets in cleartext, with STARTTLS asked for: Angus's
            // SocketFetcher.getSocket catches the failed handshake and, as socketFactory.fallback defaults to true,
            // opens a plain socket to the same port; the provider then sends STARTTLS and upgrades with that SSL
            // socket factory (SocketFetcher.startTLS). What protects the session is the STARTTLS setting.
            // (eclipse-ee4j/angus-mail core/.../util/SocketFetcher.java, getSocket and startTLS; shown by
            // SslFactoryWithStartTlsRuntimeTruthTest.)
            Prop startKey = Boolean.TRUE.equals(startRequired) ? r.prop("starttls.required") : r.prop("starttls.enable");
            Encryption real = Boolean.TRUE.equals(startRequired) ? Encryption.STARTTLS_REQUIRED : Encryption.STARTTLS_OPTIONAL;
            encryption = startKey.setting(real);
            b.encryption(encryption);
            b.conflictingStartTls(startKey.setting(real));
            plainRetryUpgrades = true;
        }

        // Host: connect() argument, else mail.<p>.host, else mail.host, else localhost.
        Prop host = in.connectHost != null ? in.connectHost : r.prop("host");
        if (host == null) host = in.keys.get("mail.host");
        String hostPart = host == null || !host.isResolved() || host.value() == null ? null : withoutUserInfo(host.value());
        if (hostPart != null) {
            // user:password@host: no host name, and the password in it would be printed wherever the host is. The
            // value is never repeated; the endpoint keeps only the host part.
            b.diagnostic(Diagnostic.of(Reason.HOST_WITH_USER_INFO, Library.JAKARTA_MAIL, host.key(), host.at()).decisive(true));
            b.host(host.setting(hostPart.isEmpty() ? null : hostPart));
        } else if (host != null) {
            b.host(in.code && !host.isResolved() ? Setting.<String>of(null, Origin.UNRESOLVED, null, host.at())
                    : host.setting(host.value()));
            if (!host.isResolved() && !in.code) { // a host the code computes decides nothing the rules judge
                unresolved.add("the host", host.key(), host.at());
            }
        } else if (in.hostFromCode) {
            // no host key: in real code the host comes from elsewhere, so it is unknown (never cleartext-allowed)
            b.host(Setting.<String>defaulted(null, anchor));
        } else {
            b.host(Setting.defaulted("localhost", anchor));
        }

        // Trust: for implicit TLS, SocketFetcher wraps a plain socket and ssl.trust wins over any factory;
        // for STARTTLS a configured SSL socket factory wins and ssl.trust is never read.
        Prop trust = r.prop("ssl.trust");
        if (trust != null && trust.isResolved()) {
            boolean factory = in.sslFactoryObject || sslFactoryClass || r.prop("ssl.socketFactory.class") != null;
            String v = trust.value().trim();
            if (factory && encryption.value().isStartTls()) {
                b.diagnostic(Diagnostic.of(Reason.TRUST_IGNORED_WITH_FACTORY, Library.JAKARTA_MAIL, trust.key(), trust.at()));
            } else if (v.equals("*")) {
                b.trust(trust.setting(Trust.TRUST_ALL));
            } else if (!v.isEmpty()) {
                b.trust(trust.setting(Trust.TRUST_LISTED_HOSTS));
            }
        }

        Prop identity = r.prop("ssl.checkserveridentity");
        if (identity != null) {
            Boolean v = r.bool("ssl.checkserveridentity", true);
            if (v != null) b.identityCheck(identity.setting(v));
        }

        if (sslFactoryClass && !isSsl && !plainRetryUpgrades) { // with ssl.enable or an s-protocol the retry still speaks TLS
            Boolean fallback = r.bool("socketFactory.fallback", true);
            Prop fb = r.prop("socketFactory.fallback");
            if (fallback != null) b.plaintextFallback(fb != null ? fb.setting(fallback) : sfClass.setting(fallback));
        }

        Prop protocols = r.prop("ssl.protocols");
        if (protocols != null && protocols.isResolved()) {
            b.tlsProtocols(protocols.setting(protocols.value()));
            checkWhitespaceList(protocols, "protocol", b);
        }
        Prop ciphers = r.prop("ssl.ciphersuites");
        if (ciphers != null && ciphers.isResolved()) checkWhitespaceList(ciphers, "cipher suite", b);

        // A timeout counts only when it is a positive number: 0 means wait forever, and a value that does
        // not parse is silently ignored. An unresolved placeholder gets the benefit of the doubt.
        Setting<Boolean> timeouts = null;
        Setting<Boolean> ineffective = null;
        for (String t : new String[] {"connectiontimeout", "timeout", "writetimeout"}) {
            Prop tp = r.prop(t);
            if (tp == null) continue;
            Integer ms = r.intValue(t);
            if (timeouts == null && (!tp.isResolved() || (ms != null && ms > 0))) timeouts = tp.setting(Boolean.TRUE);
            if (ineffective == null) ineffective = tp.setting(Boolean.FALSE);
        }
        if (timeouts == null) timeouts = ineffective != null ? ineffective : Setting.defaulted(Boolean.FALSE, anchor);
        b.timeouts(timeouts);
        b.jakartaMail(true);

        // Credentials: auth=true (SMTP only), or a user name or password.
        Setting<Boolean> credentials = null;
        if (family == Protocol.Family.SMTP && Boolean.TRUE.equals(r.bool("auth", false))) {
            credentials = r.prop("auth").setting(Boolean.TRUE);
        }
        Prop user = in.user != null ? in.user : r.prop("user") != null ? r.prop("user") : in.keys.get("mail.user");
        if (credentials == null && user != null && hasText(user)) credentials = user.setting(Boolean.TRUE);
        if (credentials == null && in.password != null && hasText(in.password)) credentials = in.password.setting(Boolean.TRUE);
        if (credentials != null) b.credentials(credentials);
        HostValues.literalPassword(in.password, b);
        unresolved.report(b);
    }

    /**
     * The placeholders without a value that decide this connection, reported as one MP017 that names each of them
     * ({@code ${MAIL_HOST}}), at the first: one finding per endpoint, not one per key.
     */
    private static final class Unresolved {
        private final Input in;
        /** Place to what is decided there, in file order. */
        private final java.util.TreeMap<SourceLocation, java.util.List<Diagnostic.Decided>> parts = new java.util.TreeMap<>();

        Unresolved(Input in) { this.in = in; }

        void add(String what, String key, SourceLocation at) {
            parts.computeIfAbsent(at, k -> new java.util.ArrayList<Diagnostic.Decided>())
                    .add(new Diagnostic.Decided(what, key, at, in.code ? codeText(key, at) : placeholderName(key, at)));
        }

        /** {@code ${NAME}} of the prop written at this place, or null when it is not known. */
        private String placeholderName(String key, SourceLocation at) {
            java.util.List<Prop> candidates = new java.util.ArrayList<>(in.keys.values());
            candidates.add(in.connectHost);
            candidates.add(in.connectPortProp);
            candidates.add(in.unresolvedProtocol);
            for (Prop p : candidates) {
                if (p != null && !p.isResolved() && p.at().equals(at) && p.key().equals(key) && p.unresolvedName() != null
                        && !p.unresolvedName().equals(p.key())) {
                    String n = p.unresolvedName();
                    return n.contains("${") || n.contains("{{") ? n : "${" + n + "}";
                }
            }
            return null;
        }

        /** The source text of the value the code computes for the prop at this place, or null. */
        private String codeText(String key, SourceLocation at) {
            for (Prop p : in.keys.values()) {
                if (!p.isResolved() && p.at().equals(at) && p.key().equals(key)) return p.unresolvedName();
            }
            if (in.connectHost != null && in.connectHost.at().equals(at)) return in.connectHost.unresolvedName();
            if (in.connectPortProp != null && in.connectPortProp.at().equals(at)) return in.connectPortProp.unresolvedName();
            return null;
        }

        void report(MailEndpoint.Builder b) {
            if (parts.isEmpty()) return;
            java.util.List<Diagnostic.Decided> all = new java.util.ArrayList<>();
            for (java.util.List<Diagnostic.Decided> at : parts.values()) all.addAll(at);
            b.diagnostic(Diagnostic.unresolved(in.code ? Library.JAVA_CODE : Library.JAKARTA_MAIL, all));
        }
    }

    /**
     * For a host value holding user information ({@code user:pw@smtp.example.com}, {@code smtp://user:pw@host:25}): the
     * host part alone ({@code smtp.example.com}, possibly empty); null for an ordinary host value.
     */
    static String withoutUserInfo(String value) {
        int at = value.lastIndexOf('@');
        int scheme = value.indexOf("://");
        if (at < 0 && scheme < 0) return null;
        String rest = at >= 0 ? value.substring(at + 1) : value.substring(scheme + 3);
        int end = 0;
        while (end < rest.length() && ":/?#".indexOf(rest.charAt(end)) < 0 && !Character.isWhitespace(rest.charAt(end))) end++;
        return rest.substring(0, end);
    }

    private static boolean hasText(Prop p) {
        return !p.isResolved() || (p.value() != null && !p.value().isEmpty());
    }

    /** Reports a key the session never reads: the sibling protocol's keys, unknown suffixes, protocol typos. */
    private static void checkKey(Input in, String jakartaKey, Prop prop, MailEndpoint.Builder b) {
        if (!jakartaKey.startsWith("mail.")) return;
        String rest = jakartaKey.substring(5);
        int dot = rest.indexOf('.');
        Protocol p = in.protocol;
        String fam = p.family().lowerName();
        if (dot <= 0 || Protocol.fromId(rest.substring(0, dot)) == null) {
            oneLevelTooHigh(in, rest, prop, b);
            return;
        }
        String proto = rest.substring(0, dot);
        String suffix = rest.substring(dot + 1);
        if (proto.equals(p.id())) {
            if (!JakartaMailKeys.isKnown(fam, suffix)) {
                String near = JakartaMailKeys.nearest(fam, suffix);
                Diagnostic d = Diagnostic.of(Reason.UNKNOWN_KEY, Library.JAKARTA_MAIL, prop.key(), prop.at());
                b.diagnostic(near == null ? d : d.near(in.keyPrefix + "mail." + p.id() + "." + near)
                        .detail(JakartaMailKeys.describe(fam, near)));
            }
        } else if (proto.equals(p.sibling().id()) && in.siblingIgnored) {
            b.diagnostic(Diagnostic.of(Reason.SIBLING_PROTOCOL_KEY, Library.JAKARTA_MAIL, prop.key(), prop.at())
                    .near(in.keyPrefix + "mail." + p.id() + "." + suffix).detail(p.id()));
        }
    }

    /** Session-wide keys Jakarta Mail reads without a protocol ({@code mail.debug}, {@code mail.from}, {@code mail.mime.*}). */
    private static final java.util.List<String> SESSION_KEYS = java.util.Arrays.asList("debug", "from", "host", "user",
            "transport.protocol", "store.protocol", "alternates", "replyallcc");
    private static final java.util.List<String> SESSION_FAMILIES = java.util.Arrays.asList("debug.", "mime.", "event.");

    /**
     * {@code mail.starttls.enable}, {@code mail.connectiontimeout}: a key of the protocol's own set written one level
     * too high, so Jakarta Mail never reads it (it reads {@code mail.smtp.starttls.enable}). A near miss only: the
     * suffix must be a known key or within two edits of one; a session-wide key is left alone.
     */
    private static void oneLevelTooHigh(Input in, String rest, Prop prop, MailEndpoint.Builder b) {
        if (rest.isEmpty() || SESSION_KEYS.contains(rest)) return;
        for (String family : SESSION_FAMILIES) {
            if (rest.startsWith(family)) return;
        }
        Protocol p = in.protocol;
        String near = JakartaMailKeys.nearest(p.family().lowerName(), rest);
        if (near == null || near.equals("host") || near.equals("user") || near.equals("from")) return;
        // an alias ("sender" for "from") is no near miss of a key written one level too high
        if (!near.equalsIgnoreCase(rest) && Keys.distance(rest.toLowerCase(Locale.ROOT), near.toLowerCase(Locale.ROOT)) > 2) return;
        b.diagnostic(Diagnostic.of(Reason.KEY_WITHOUT_PROTOCOL, Library.JAKARTA_MAIL, prop.key(), prop.at())
                .near(in.keyPrefix + "mail." + p.id() + "." + near).detail(JakartaMailKeys.describe(p.family().lowerName(), near)));
    }

    /** ssl.protocols and ssl.ciphersuites are split on white space only. */
    private static void checkWhitespaceList(Prop prop, String what, MailEndpoint.Builder b) {
        if (prop.value().indexOf(',') < 0) return;
        b.diagnostic(Diagnostic.of(Reason.COMMA_SEPARATED_LIST, Library.JAKARTA_MAIL, prop.key(), prop.at()).detail(what));
    }

    /** Whether a socket factory class speaks TLS (javax.net.ssl.SSLSocketFactory, MailSSLSocketFactory, ...). */
    static boolean isSslFactory(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String lower = simple.toLowerCase(Locale.ROOT);
        return lower.contains("ssl") || lower.contains("tls");
    }

    /** Reads keys of one session with Jakarta Mail's own parsing, reporting values it cannot use. */
    private static final class Reader {
        private final Input in;
        private final MailEndpoint.Builder b;
        private final String prefix;

        Reader(Input in, MailEndpoint.Builder b) {
            this.in = in;
            this.b = b;
            this.prefix = "mail." + in.protocol.id() + ".";
        }

        Prop prop(String suffix) { return in.keys.get(prefix + suffix); }

        /** PropUtil.getBooleanProperty: null when a placeholder decides it. */
        Boolean bool(String suffix, boolean def) {
            Prop p = prop(suffix);
            return p == null ? Boolean.valueOf(def) : Values.bool(p, Values.JAKARTA_MAIL, def, b);
        }

        /** PropUtil.getIntProperty: an unparseable value is silently ignored; null when absent or unreadable. */
        Integer intValue(String suffix) {
            Prop p = prop(suffix);
            return p == null || !p.isResolved() ? null : Values.number(p, Values.JAKARTA_MAIL, b);
        }

        /** A port key as a setting: null when absent or ignored; value null when a placeholder decides it. */
        Setting<Integer> port(String suffix) {
            Prop p = prop(suffix);
            if (p == null) return null;
            if (!p.isResolved()) return p.setting(null);
            Integer v = Values.port(p, Values.JAKARTA_MAIL, b);
            return v == null ? null : p.setting(v);
        }
    }
}
