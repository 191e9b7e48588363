package io.github.mailports.extract;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.XmlElement;
import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Library;
import io.github.mailports.model.Diagnostic.Reason;
import io.github.mailports.model.Encryption;
import io.github.mailports.model.Fix;
import io.github.mailports.model.Fixes;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Origin;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;
import io.github.mailports.model.Syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thunderbird autoconfig files ({@code config-v1.1.xml}, the ISPDB format): every {@code <incomingServer>}
 * ({@code imap}, {@code pop3}) and {@code <outgoingServer>} ({@code smtp}) of every {@code <emailProvider>} is an
 * endpoint {@code autoconfig:<provider id>:<type>#<n>}, numbered per type in file order.
 *
 * <p>What Thunderbird really does (comm-central {@code readFromXML.sys.mjs} and {@code Sanitizer}): element
 * names are matched exactly; the server {@code type} must be exactly {@code imap} or {@code pop3} (incoming) or
 * {@code smtp}; {@code <hostname>} must be a host name or contain {@code %PLACEHOLDER%}s filled from the
 * user's address at set-up; {@code <port>} is parsed as an integer 1 to 65535; of several
 * {@code <socketType>}s the first of exactly {@code plain} (cleartext), {@code SSL} (implicit TLS) or
 * {@code STARTTLS} (required STARTTLS) wins; a server whose type, host name, port or socket type cannot be
 * used is dropped. Certificates are always verified; there are no timeouts to set.
 */
public final class AutoconfigExtractor extends Source {
    static final String SOURCE = "autoconfig";
    private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Z0-9]+)%");
    private static final List<String> CHILDREN = Arrays.asList("hostname", "port", "socketType", "authentication",
            "username", "password", "restriction", "addThisServer", "useGlobalPreferredServer", "pop3", "oAuth2");
    private static final List<String> NO_CREDENTIALS = Arrays.asList("none", "client-IP-address");

    public AutoconfigExtractor() { super(SOURCE, Library.THUNDERBIRD); }

    @Override
    public List<MailEndpoint> extract(ConfigUnit unit, ExtractContext ctx) {
        List<MailEndpoint> out = new ArrayList<>();
        for (ConfigFile f : unit.files()) {
            XmlElement root = f.xml();
            if (root == null || !root.name().equals("clientConfig")) continue;
            for (XmlElement provider : root.children()) {
                if (!provider.name().equals("emailProvider")) continue;
                String id = provider.attributeValue("id");
                String providerId = id == null || id.trim().isEmpty() ? "?" : id.trim();
                Map<String, Integer> counts = new HashMap<>();
                // Types with an implicit-TLS server so far: Thunderbird's account set-up uses the first server of a
                // type and offers the later ones only as alternatives (readFromXML: incomingAlternatives)
                java.util.Set<Protocol.Family> sslFirst = new java.util.HashSet<>();
                for (XmlElement server : provider.children()) {
                    boolean incoming = server.name().equals("incomingServer");
                    if (!incoming && !server.name().equals("outgoingServer")) continue;
                    String type = server.attributeValue("type");
                    Protocol family = protocolOf(type, incoming);
                    if (family == null) {
                        family = protocolOf(type == null ? null : type.toLowerCase(Locale.ROOT), incoming);
                        if (family == null) continue; // nntp, jmap, ews...: not a mail protocol this plugin checks
                    }
                    int n = counts.merge(family.id(), 1, Integer::sum);
                    MailEndpoint ep = endpoint(f.path(), providerId, server, family, n, sslFirst.contains(family.family()), ctx);
                    if (!ep.isUndecidable() && ep.encryption().value() == Encryption.IMPLICIT_TLS) sslFirst.add(family.family());
                    out.add(ep);
                }
            }
        }
        return out;
    }

    private static Protocol protocolOf(String type, boolean incoming) {
        if (type == null) return null;
        if (incoming) {
            if (type.equals("imap")) return Protocol.IMAP;
            if (type.equals("pop3")) return Protocol.POP3;
            return null;
        }
        return type.equals("smtp") ? Protocol.SMTP : null;
    }

    private MailEndpoint endpoint(String file, String providerId, XmlElement server, Protocol family, int n,
                                  boolean afterSsl, ExtractContext ctx) {
        SourceLocation serverAt = SourceLocation.of(file, server.line(), server.column());
        XmlElement hostname = server.child("hostname");
        SourceLocation anchor = hostname != null ? at(file, hostname) : serverAt;
        String id = "autoconfig:" + providerId + ":" + family.id() + "#" + n;
        MailEndpoint.Builder b = start(id, null, anchor, hostname != null ? "hostname" : server.name());

        String type = server.attributeValue("type");
        if (!family.id().equals(type)) {
            XmlElement.Attribute t = server.attribute("type");
            b.diagnostic(Diagnostic.of(Reason.TYPE_NOT_EXACT, Library.THUNDERBIRD, "type",
                    t == null ? serverAt : SourceLocation.of(file, t.line(), t.column())).value(type).near(family.id())
                    .decisive(true));
        }

        for (XmlElement c : server.children()) {
            if (CHILDREN.contains(c.name())) continue;
            for (String known : CHILDREN) {
                if (known.equalsIgnoreCase(c.name())) {
                    b.diagnostic(Diagnostic.of(Reason.MIS_CASED_ELEMENT, Library.THUNDERBIRD, c.name(), at(file, c)).near(known));
                }
            }
        }

        // Host: a host name, or placeholders filled from the user's address (or supplied to the plugin).
        if (hostname == null || hostname.text().isEmpty()) {
            b.diagnostic(missing("hostname", hostname == null ? serverAt : at(file, hostname)));
            b.host(Setting.of(null, Origin.UNRESOLVED, "hostname", anchor));
        } else if (hostname.text().indexOf('@') >= 0) {
            // Sanitizer.hostname allows letters, digits, '-', '.' and %PLACEHOLDER%s only; never print user info
            String rest = hostname.text().substring(hostname.text().lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
            b.diagnostic(Diagnostic.of(Reason.HOST_WITH_USER_INFO, Library.THUNDERBIRD, "hostname", at(file, hostname))
                    .decisive(true));
            b.host(Setting.of(rest, Origin.EXPLICIT, "hostname", anchor));
        } else {
            String raw = hostname.text();
            Matcher m = PLACEHOLDER.matcher(raw);
            StringBuffer resolved = new StringBuffer();
            String missing = null;
            boolean any = false;
            while (m.find()) {
                any = true;
                String v = ctx.supplied(m.group(1));
                if (v == null) {
                    if (missing == null) missing = m.group(0);
                    v = "";
                }
                m.appendReplacement(resolved, Matcher.quoteReplacement(v));
            }
            m.appendTail(resolved);
            if (missing != null) {
                b.host(Setting.of(null, Origin.UNRESOLVED, "hostname", anchor));
                b.diagnostic(Diagnostic.unresolved(Library.THUNDERBIRD, "hostname", anchor, "the host", missing));
            } else {
                b.host(Setting.of(resolved.toString().trim().toLowerCase(Locale.ROOT),
                        any ? Origin.PLACEHOLDER : Origin.EXPLICIT, "hostname", anchor));
            }
        }

        // Port: required, an integer 1 to 65535 (parseInt: leading digits count).
        XmlElement portEl = server.child("port");
        Setting<Integer> port = null;
        if (portEl == null) {
            b.diagnostic(missing("port", serverAt).detail(String.valueOf(family.family().implicitTlsPort())));
        } else {
            Integer v = parseInt(portEl.text());
            SourceLocation pa = at(file, portEl);
            if (v == null || v < 1 || v > 65535) {
                b.diagnostic(Diagnostic.of(Reason.PORT_OUT_OF_RANGE, Library.THUNDERBIRD, "port", pa).value(portEl.text())
                        .decisive(true));
            } else {
                port = Setting.of(v, Origin.EXPLICIT, "port", pa);
            }
        }

        // Socket type: the first supported value wins; values are compared exactly.
        Setting<Encryption> encryption = null;
        List<XmlElement> socketTypes = server.children("socketType");
        for (XmlElement st : socketTypes) {
            Encryption e = socketType(st.text());
            if (e != null) {
                encryption = Setting.of(e, Origin.EXPLICIT, "socketType", at(file, st));
                break;
            }
        }
        boolean first = true;
        for (XmlElement st : socketTypes) {
            if (socketType(st.text()) != null) continue;
            b.diagnostic(Diagnostic.of(Reason.UNKNOWN_SOCKET_TYPE, Library.THUNDERBIRD, "socketType", at(file, st))
                    .value(st.text()).decisive(encryption == null && first)); // the first decides; later ones are skipped
            first = false;
        }
        if (encryption == null) {
            if (socketTypes.isEmpty()) {
                b.diagnostic(missing("socketType", serverAt));
            }
            encryption = Setting.of(Encryption.UNKNOWN, Origin.EXPLICIT, "socketType",
                    socketTypes.isEmpty() ? serverAt : at(file, socketTypes.get(0)));
        }
        b.encryption(encryption);
        Protocol protocol = encryption.value() == Encryption.IMPLICIT_TLS ? family.sibling() : family;
        b.protocol(encryption.value() == Encryption.IMPLICIT_TLS ? encryption.withValue(protocol)
                : Setting.of(protocol, Origin.EXPLICIT, "type", serverAt));
        b.port(port != null ? port : Setting.of(null, Origin.UNRESOLVED, "port", anchor));

        // Credentials: an authentication method that logs in, else a user name.
        Setting<Boolean> credentials = null;
        XmlElement auth = server.child("authentication");
        if (auth != null) {
            if (!NO_CREDENTIALS.contains(auth.text())) credentials = Setting.of(Boolean.TRUE, Origin.EXPLICIT, "authentication", at(file, auth));
        } else {
            XmlElement user = server.child("username");
            if (user != null && !user.text().isEmpty()) credentials = Setting.of(Boolean.TRUE, Origin.EXPLICIT, "username", at(file, user));
        }
        if (credentials != null) b.credentials(credentials);
        XmlElement password = server.child("password");
        if (password != null && !password.text().isEmpty() && !PLACEHOLDER.matcher(password.text()).find()) {
            b.literalPassword(Setting.of(Boolean.TRUE, Origin.EXPLICIT, "password", at(file, password)));
        }
        b.implicitTlsAlternative(afterSsl);
        b.fixes(AutoconfigFixes.of(protocol.family()));
        return b.build();
    }

    /** A required element Thunderbird drops the server without. */
    private static Diagnostic missing(String element, SourceLocation at) {
        return Diagnostic.of(Reason.MISSING_ELEMENT, Library.THUNDERBIRD, element, at).decisive(true);
    }

    private static Encryption socketType(String v) {
        switch (v) {
            case "plain":
                return Encryption.NONE;
            case "SSL":
                return Encryption.IMPLICIT_TLS;
            case "STARTTLS":
                return Encryption.STARTTLS_REQUIRED;
            default:
                return null;
        }
    }

    /** JavaScript's parseInt on a trimmed string: optional sign, then decimal digits up to the first other character. */
    private static Integer parseInt(String s) {
        String t = s.trim();
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
        int start = i;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && i - start < 9) i++;
        if (i == start) return null;
        int v = Integer.parseInt(t.substring(start, i));
        return t.charAt(0) == '-' ? -v : v;
    }

    private static SourceLocation at(String file, XmlElement e) {
        return SourceLocation.of(file, e.line(), e.column());
    }

    /** Fixes as autoconfig elements. */
    static final class AutoconfigFixes {
        private AutoconfigFixes() {
        }

        static Fixes of(Protocol.Family f) { return Fixes.of(Syntax.XML_ELEMENT, r -> fix(r, f)); }

        private static Fix fix(Remedy remedy, Protocol.Family f) {
            String tls = String.valueOf(f.implicitTlsPort());
            int start = f == Protocol.Family.SMTP ? 587 : f == Protocol.Family.IMAP ? 143 : 110;
            switch (remedy) {
                case ENCRYPT:
                    return Fix.of("set ", Fix.set("socketType", "SSL"), " with ", Fix.set("port", tls), " (or STARTTLS on " + start + ")");
                case ENABLE_IMPLICIT_TLS:
                case PREFER_IMPLICIT_TLS:
                    return Fix.of("set ", Fix.set("socketType", "SSL"), " with ", Fix.set("port", tls));
                case USE_IMPLICIT_TLS_PORT:
                    return Fix.of("set ", Fix.set("port", tls), " (or keep the port with ", Fix.set("socketType", "STARTTLS"), ")");
                case USE_PROTOCOL_PORT:
                case USE_SUBMISSION_PORT:
                    return Fix.of("set ", Fix.set("port", tls), " with ", Fix.set("socketType", "SSL"));
                case EXTERNALISE_PASSWORD:
                    return Fix.of("remove <password>: an autoconfig file is published, and the user enters the password");
                default:
                    return null;
            }
        }
    }
}
