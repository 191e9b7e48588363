package io.github.mailports.extract;

import io.github.mailports.model.Diagnostic;
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
        /** Port given to {@code connect()} by the framework; may be null. */
        Setting<Integer> connectPort;
        /** User name and password given to {@code connect()}; may be null. */
        Prop user;
        Prop password;
        /** Whether keys of the sibling protocol ({@code mail.smtp.*} for {@code smtps}) are never read here. */
        boolean siblingIgnored;
        /** Whether an SSL socket factory object is supplied in code (Spring's {@code ssl.bundle}). */
        boolean sslFactoryObject;
        /** How the source names its keys for messages, e.g. {@code spring.mail.properties.}; may be empty. */
        String keyPrefix = "";
    }

    static void evaluate(Input in, MailEndpoint.Builder b) {
        Protocol p = in.protocol;
        Protocol.Family family = p.family();
        SourceLocation anchor = b.anchor();
        Reader r = new Reader(in, b);

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
            b.diagnostic(Diagnostic.unresolved(encryption.key(), encryption.location(), "decides encryption through "
                    + encryption.key() + ", a placeholder with no value: supply it through the plugin's properties"
                    + " to check the connection", null));
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
        if (factoryPort != null) port = factoryPort;
        if (port.origin() == Origin.UNRESOLVED) {
            b.diagnostic(Diagnostic.unresolved(port.key(), port.location(), "decides the port through " + port.key()
                    + ", a placeholder with no value: supply it through the plugin's properties to check the connection",
                    null));
        }
        b.port(port);

        // Host: connect() argument, else mail.<p>.host, else mail.host, else localhost.
        Prop host = in.connectHost != null ? in.connectHost : r.prop("host");
        if (host == null) host = in.keys.get("mail.host");
        if (host != null) {
            b.host(host.setting(host.value()));
            if (!host.isResolved()) {
                b.diagnostic(Diagnostic.unresolved(host.key(), host.at(), "decides the host through " + host.key()
                        + ", a placeholder with no value: whether cleartext is acceptable for it cannot be checked", null));
            }
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
                b.diagnostic(Diagnostic.ineffective(trust.key(), trust.at(), "sets " + trust.key()
                        + ", which Jakarta Mail ignores for STARTTLS because an SSL socket factory is configured", null));
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

        if (sslFactoryClass && !isSsl) { // with ssl.enable or an s-protocol the retry still speaks TLS
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
        if (in.password != null && in.password.isLiteral() && in.password.raw() != null && !in.password.raw().isEmpty()) {
            b.literalPassword(in.password.setting(!HostValues.isJasyptCiphertext(in.password.value())));
        }
    }

    private static boolean hasText(Prop p) {
        return !p.isResolved() || (p.value() != null && !p.value().isEmpty());
    }

    /** Reports a key the session never reads: the sibling protocol's keys, unknown suffixes, protocol typos. */
    private static void checkKey(Input in, String jakartaKey, Prop prop, MailEndpoint.Builder b) {
        if (!jakartaKey.startsWith("mail.")) return;
        String rest = jakartaKey.substring(5);
        int dot = rest.indexOf('.');
        if (dot <= 0) return;
        String proto = rest.substring(0, dot);
        String suffix = rest.substring(dot + 1);
        Protocol p = in.protocol;
        String fam = p.family().lowerName();
        if (proto.equals(p.id())) {
            if (!JakartaMailKeys.isKnown(fam, suffix)) {
                String near = JakartaMailKeys.nearest(fam, suffix);
                String hint = near == null ? "" : ": did you mean " + in.keyPrefix + "mail." + p.id() + "." + near
                        + " (" + JakartaMailKeys.describe(fam, near) + ")?";
                b.diagnostic(Diagnostic.ineffective(prop.key(), prop.at(), "sets " + prop.key() + ", which Jakarta Mail"
                        + " never reads" + hint, near == null ? "remove " + prop.key()
                        : "rename it to " + in.keyPrefix + "mail." + p.id() + "." + near));
            }
        } else if (proto.equals(p.sibling().id()) && in.siblingIgnored) {
            String meant = in.keyPrefix + "mail." + p.id() + "." + suffix;
            b.diagnostic(Diagnostic.ineffective(prop.key(), prop.at(), "sets " + prop.key() + ", but the protocol is "
                    + p.id() + ", so Jakarta Mail reads only mail." + p.id() + ".* keys and never this one",
                    "rename it to " + meant));
        }
    }

    /** ssl.protocols and ssl.ciphersuites are split on white space only. */
    private static void checkWhitespaceList(Prop prop, String what, MailEndpoint.Builder b) {
        if (prop.value().indexOf(',') < 0) return;
        b.diagnostic(Diagnostic.invalid(prop.key(), prop.at(), "sets " + prop.key() + " to a comma-separated list,"
                + " but Jakarta Mail splits it on white space only: the whole text is taken as one unknown " + what
                + " name and the TLS handshake fails", "separate the names with spaces, e.g. TLSv1.3 TLSv1.2", false));
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
            if (p == null) return def;
            if (!p.isResolved()) return null;
            String v = p.value() == null ? "" : p.value();
            boolean result = def ? !v.equalsIgnoreCase("false") : v.equalsIgnoreCase("true");
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                b.diagnostic(Diagnostic.invalid(p.key(), p.at(), "sets " + p.key() + " to '" + v + "', which is not"
                        + " true or false" + (v.trim().equals(v) ? "" : " (Jakarta Mail does not trim white space)")
                        + ": Jakarta Mail silently reads it as " + result,
                        "set it to " + (def ? "false" : "true") + " or " + def, false));
            }
            return result;
        }

        /** PropUtil.getIntProperty: an unparseable value is silently ignored; null when absent or unreadable. */
        Integer intValue(String suffix) {
            Prop p = prop(suffix);
            if (p == null || !p.isResolved()) return null;
            String v = p.value() == null ? "" : p.value();
            try {
                return v.startsWith("0x") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
            } catch (NumberFormatException e) {
                b.diagnostic(Diagnostic.invalid(p.key(), p.at(), "sets " + p.key() + " to '" + v + "', which is not"
                        + " a number Jakarta Mail can read" + (v.trim().equals(v) ? "" : " (it does not trim white space)")
                        + ": the value is silently ignored", "write a plain decimal number", false));
                return null;
            }
        }

        /** A port key as a setting: null when absent or ignored; value null when a placeholder decides it. */
        Setting<Integer> port(String suffix) {
            Prop p = prop(suffix);
            if (p == null) return null;
            if (!p.isResolved()) return p.setting(null);
            Integer v = intValue(suffix);
            if (v == null) return null;
            if (v < 1 || v > 65535) {
                b.diagnostic(Diagnostic.invalid(p.key(), p.at(), "sets " + p.key() + " to " + v + ", which is not a"
                        + " port (1 to 65535): the connection fails", "set a port between 1 and 65535", true));
            }
            return p.setting(v);
        }
    }
}
