package io.github.mailports.extract;

import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Library;
import io.github.mailports.model.Diagnostic.Reason;
import io.github.mailports.model.Fix;
import io.github.mailports.model.Fixes;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Origin;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;
import io.github.mailports.model.Syntax;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail URLs in any value of any file: Apache Camel mail endpoints ({@code smtps://host:465?username=...}) and
 * Spring Integration store URIs ({@code imaps://user:pw@host/INBOX}). Each URL is one endpoint, named
 * {@code url:<key>}, and every finding about it points at the value.
 *
 * <p>What Camel does with one ({@code MailComponent.createEndpoint}, {@code MailConfiguration.configure}):
 * the scheme is the Jakarta Mail protocol ({@code smtp, smtps, imap, imaps, pop3, pop3s}); the port is the
 * URI's, else the protocol's default ({@code MailUtils.getDefaultPortForProtocol}: 25, 465, 143, 993, 110,
 * 995); {@code user:password@} gives user name and password; every query parameter whose name starts with
 * {@code mail.} is moved into {@code additionalJavaMailProperties} and so reaches the Jakarta Mail session;
 * host and port are passed to {@code connect()}. Camel normalises {@code smtp:host:25} to
 * {@code smtp://host:25}, so a value that is nothing but such a URI counts too. Camel sets 30 s connection
 * and read timeouts, Spring Integration none of its own: which library reads the URL is not known here, so
 * no timeout advice is given. The password is never printed: not in messages, not in the endpoint's host.
 */
public final class MailUrlExtractor extends Source {
    static final String SOURCE = "mail-url";
    private static final Pattern URL = Pattern.compile("(?<![A-Za-z0-9+.\\-])(smtps?|imaps?|pop3s?)://[^\\s\"'<>]*");
    private static final Pattern BARE = Pattern.compile("(smtps?|imaps?|pop3s?):(?!//)([A-Za-z0-9\\[{$][^\\s\"'<>]*)");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    public MailUrlExtractor() { super(SOURCE, Library.MAIL_URL); }

    @Override
    public List<MailEndpoint> extract(ConfigUnit unit, ExtractContext ctx) {
        List<MailEndpoint> out = new ArrayList<>();
        if (!mayHoldUrl(unit)) return out;
        Set<String> done = new HashSet<>();
        Map<String, ConfigEntry> entries = null;
        for (String profile : unit.profiles()) {
            View view = unit.view(profile, ctx);
            for (Prop prop : view.all().values()) {
                String text = prop.isResolved() ? prop.value() : prop.raw();
                if (text == null || text.indexOf(':') < 0 || !mentionsScheme(text)) continue;
                if (isHostKey(prop.key())) continue; // a URL written as a host is an invalid host (MP016), no endpoint
                List<String[]> urls = find(text);
                if (urls.isEmpty()) continue;
                if (entries == null) entries = entries(unit);
                List<String> profiles = QuarkusExtractor.prefixProfiles(prop.key());
                if (profiles.isEmpty()) profiles = java.util.Collections.singletonList(profile);
                List<String[]> rawUrls = prop.isResolved() && prop.raw() != null ? find(prop.raw()) : urls;
                for (String p : profiles) {
                    if (!done.add(prop.at() + "\u0000" + p)) continue;
                    for (int i = 0; i < urls.size(); i++) {
                        String[] rawUrl = rawUrls.size() == urls.size() ? rawUrls.get(i) : null;
                        MailEndpoint e = endpoint(prop, urls.get(i), rawUrl, i, urls.size(), p, view, entries);
                        if (e != null) out.add(e);
                    }
                }
            }
        }
        return out;
    }

    /** A cheap look at the raw text of the unit's files before any view is built. */
    private static boolean mayHoldUrl(ConfigUnit unit) {
        for (ConfigFile f : unit.files()) {
            for (ConfigEntry e : unit.entries(f)) {
                if (e.value() != null && e.value().indexOf(':') >= 0 && mentionsScheme(e.value())) return true;
            }
        }
        return false;
    }

    /** {@code spring.mail.host}, {@code mail.smtp.host}: whatever such a key holds is used as a host name. */
    private static boolean isHostKey(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.endsWith(".host") || k.endsWith("[host]") || k.equals("host");
    }

    private static boolean mentionsScheme(String text) {
        return text.contains("smtp") || text.contains("imap") || text.contains("pop3");
    }

    /** Every URL in a value as {scheme, rest after "://" or ":"}; a URI without "//" only when it is the whole value. */
    static List<String[]> find(String text) {
        List<String[]> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = trimTrailing(m.group());
            out.add(new String[] {m.group(1), url.substring(m.group(1).length() + 3)});
        }
        if (out.isEmpty()) {
            Matcher bare = BARE.matcher(text.trim());
            if (bare.matches()) out.add(new String[] {bare.group(1), trimTrailing(bare.group(2))});
        }
        return out;
    }

    private static String trimTrailing(String url) {
        int end = url.length();
        while (end > 0 && ",;.)]".indexOf(url.charAt(end - 1)) >= 0) end--;
        return url.substring(0, end);
    }

    /** Entries of the unit by the position of their key, to find where each value is written. */
    private static Map<String, ConfigEntry> entries(ConfigUnit unit) {
        Map<String, ConfigEntry> out = new HashMap<>();
        for (ConfigFile f : unit.files()) {
            for (ConfigEntry e : unit.entries(f)) {
                out.put(SourceLocation.of(f.path(), e.line(), e.column()).toString(), e);
            }
        }
        return out;
    }

    /** The parts of one URL. Nothing of the user information is kept but whether it is there. */
    private static final class Parts {
        String host;
        String port;
        boolean user;
        boolean password;
        /** Whether the password text is a placeholder ({@code ${...}} or Camel's {@code {{...}}}). */
        boolean passwordPlaceholder;
        final Map<String, String> query = new LinkedHashMap<>();
    }

    static Parts parse(String rest) {
        Parts p = new Parts();
        int authEnd = indexOfAny(rest, "/?#", 0);
        String authority = rest.substring(0, authEnd);
        String userInfo = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
        } else {
            // a password with an unencoded '/', '?' or '#': an '@' further on, with no query syntax before it
            int later = rest.lastIndexOf('@');
            if (later > authEnd) {
                String before = rest.substring(0, later);
                if (before.indexOf('=') < 0 && before.indexOf('&') < 0 && before.indexOf(':') >= 0) {
                    userInfo = before;
                    rest = rest.substring(later + 1);
                    authEnd = indexOfAny(rest, "/?#", 0);
                    authority = rest.substring(0, authEnd);
                }
            }
        }
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            String pw = colon < 0 ? "" : userInfo.substring(colon + 1);
            p.user = !user.isEmpty();
            p.password = !pw.isEmpty();
            p.passwordPlaceholder = isPlaceholder(pw);
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            p.host = close < 0 ? authority : authority.substring(0, close + 1);
            String after = close < 0 ? "" : authority.substring(close + 1);
            p.port = after.startsWith(":") ? after.substring(1) : null;
        } else {
            int colon = lastColonOutsideBraces(authority);
            p.host = colon < 0 ? authority : authority.substring(0, colon);
            p.port = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (p.port != null && p.port.isEmpty()) p.port = null;
        int hash = rest.indexOf('#', authEnd);
        if (hash >= 0) rest = rest.substring(0, hash);
        int q = rest.indexOf('?', authEnd);
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (value.startsWith("RAW(") && value.endsWith(")")) value = value.substring(4, value.length() - 1);
                else value = decode(value);
                p.query.put(name, value);
            }
        }
        return p;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return s.length();
    }

    /** The last ':' that is not inside a {@code {{...}}} or {@code ${...}} placeholder. */
    private static int lastColonOutsideBraces(String s) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') depth++;
            else if (c == '}') depth = Math.max(0, depth - 1);
            else if (c == ':' && depth == 0) last = i;
        }
        return last;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, "UTF-8");
        } catch (IllegalArgumentException | UnsupportedEncodingException e) {
            return s;
        }
    }

    private static boolean isPlaceholder(String s) {
        return s.contains("${") || s.contains("{{");
    }

    /** Resolves Camel's {@code {{name}}} / {@code {{name:default}}} against the view; null when a placeholder has no value. */
    private static String resolveCamel(String s, View view) {
        if (s == null) return null;
        if (s.contains("${")) return null; // only left when the value's own placeholder did not resolve
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int start = s.indexOf("{{", i);
            if (start < 0) {
                out.append(s, i, s.length());
                return out.toString();
            }
            int end = s.indexOf("}}", start + 2);
            if (end < 0) return null;
            out.append(s, i, start);
            String body = s.substring(start + 2, end);
            int colon = body.indexOf(':');
            String name = colon < 0 ? body : body.substring(0, colon);
            Prop found = view.get(Keys.mergeKey(name.trim()));
            if (found != null && found.isResolved() && found.value() != null) out.append(found.value());
            else if (colon >= 0) out.append(body.substring(colon + 1));
            else return null;
            i = end + 2;
        }
    }

    private MailEndpoint endpoint(Prop prop, String[] url, String[] rawUrl, int index, int count, String profile, View view,
                                  Map<String, ConfigEntry> entries) {
        Protocol protocol = Protocol.fromId(url[0]);
        if (protocol == null) return null;
        ConfigEntry entry = entries.get(prop.at().toString());
        SourceLocation at = entry == null ? prop.at() : SourceLocation.of(prop.at().file(), entry.valueLine(), entry.valueColumn());
        String key = prop.key();
        Origin origin = prop.origin() == Origin.UNRESOLVED ? Origin.PLACEHOLDER : prop.origin();
        String id = "url:" + key + (count > 1 ? "#" + (index + 1) : "");
        MailEndpoint.Builder b = start(id, profile, at, key);
        Parts parts = parse(url[1]);
        Parts rawParts = rawUrl == null ? null : parse(rawUrl[1]);
        Setting<Protocol> protocolSetting = Setting.of(protocol, origin, key, at);

        // Host: connect() argument.
        Prop host;
        String hostText = resolveCamel(parts.host, view);
        if (hostText == null) {
            // the host part is the placeholder itself ({{smtp.host}}, ${SMTP_HOST}): MP017 names it
            host = new Prop(key, at, null, null, Origin.UNRESOLVED, parts.host, prop.format());
        } else if (hostText.isEmpty() || !HOST.matcher(hostText).matches()) {
            b.diagnostic(Diagnostic.of(hostText.isEmpty() ? Reason.URL_HOST_EMPTY : Reason.URL_HOST_INVALID, Library.MAIL_URL,
                    key, at).detail(protocol.id()).decisive(true));
            host = new Prop(key, at, null, null, origin, null, prop.format()); // unknown, and never printed
        } else {
            host = new Prop(key, at, hostText, hostText, origin, null, prop.format());
        }

        // Port: the URI's, else the protocol's default; always passed to connect().
        Prop portPlaceholder = null;
        Setting<Integer> port = Setting.of(protocol.defaultPort(), origin, key, at); // the scheme decides it
        if (parts.port != null) {
            String portText = resolveCamel(parts.port, view);
            if (portText == null) {
                port = Setting.of(null, Origin.UNRESOLVED, key, at);
                portPlaceholder = new Prop(key, at, null, null, Origin.UNRESOLVED, parts.port, prop.format());
            } else if (!DIGITS.matcher(portText).matches()) {
                b.diagnostic(Diagnostic.of(Reason.URL_PORT_NOT_A_NUMBER, Library.MAIL_URL, key, at).detail(protocol.id())
                        .decisive(true));
            } else {
                int v = Integer.parseInt(portText);
                if (v < 1 || v > 65535) { // the number is not repeated: a mangled URL could have a password there
                    b.diagnostic(Diagnostic.of(Reason.URL_PORT_OUT_OF_RANGE, Library.MAIL_URL, key, at).detail(protocol.id())
                            .decisive(true));
                    port = Setting.of(null, origin, key, at);
                } else {
                    port = Setting.of(v, origin, key, at);
                }
            }
        }

        // Query parameters: mail.* reach the session; host, port and user there lose to the URL's own.
        Map<String, Prop> keys = new LinkedHashMap<>();
        boolean queryUser = false;
        boolean queryPassword = false;
        boolean queryPasswordPlaceholder = false;
        for (Map.Entry<String, String> q : parts.query.entrySet()) {
            String name = q.getKey();
            String value = q.getValue();
            if (name.equals("username")) queryUser = !value.isEmpty();
            if (name.equals("password")) {
                queryPassword = !value.isEmpty();
                queryPasswordPlaceholder = isPlaceholder(rawParts != null && rawParts.query.containsKey("password")
                        ? rawParts.query.get("password") : value) || !prop.isLiteral() && rawParts == null;
            }
            if (!name.startsWith("mail.")) continue;
            String paramKey = key + "?" + name;
            String resolved = resolveCamel(value, view);
            Prop param = resolved == null ? new Prop(paramKey, at, value, null, Origin.UNRESOLVED, paramKey, prop.format())
                    : new Prop(paramKey, at, value, resolved, origin, null, prop.format());
            String suffix = name.startsWith("mail." + protocol.id() + ".") ? name.substring(protocol.id().length() + 6) : null;
            if (suffix != null && (suffix.equals("host") || suffix.equals("port") || suffix.equals("user"))) {
                b.diagnostic(Diagnostic.of(Reason.URL_PARAMETER_OVERRIDDEN, Library.MAIL_URL, paramKey, at).detail(name)
                        .other(suffix.equals("user") ? "user name" : suffix));
                continue;
            }
            keys.put(name, param);
        }

        JakartaMail.Input in = new JakartaMail.Input(protocolSetting, keys, "");
        in.connectHost = host;
        in.connectPort = port;
        in.connectPortProp = portPlaceholder;
        if (parts.user || queryUser) in.user = new Prop(key, at, "*", "*", origin, null, prop.format());
        boolean password = parts.password || queryPassword;
        if (password) {
            boolean placeholder = parts.password
                    ? (rawParts != null ? rawParts.passwordPlaceholder : parts.passwordPlaceholder || !prop.isLiteral())
                    : queryPasswordPlaceholder;
            in.password = new Prop(key, at, "*", "*", placeholder ? Origin.PLACEHOLDER : Origin.EXPLICIT, null, prop.format());
        }
        in.siblingIgnored = true; // Camel sets mail.transport.protocol and mail.store.protocol to the scheme
        session(in, b);
        b.timeouts(null);
        b.fixes(UrlFixes.of(protocol));
        MailEndpoint e = b.build();
        if (!e.encryption().isWritten()) { // a default of the scheme: the URL is what decides it
            b.encryption(Setting.of(e.encryption().value(), origin, key, at));
            e = b.build();
        }
        return e;
    }

    /** Fixes written as changes to the URL. */
    static final class UrlFixes {
        private UrlFixes() {
        }

        static Fixes of(Protocol p) { return Fixes.of(Syntax.URL_QUERY, r -> fix(r, p)); }

        private static Fix fix(Remedy remedy, Protocol p) {
            Protocol.Family f = p.family();
            String tlsScheme = p.implicitTls() ? p.id() : p.sibling().id();
            String plainScheme = p.implicitTls() ? p.sibling().id() : p.id();
            int tlsPort = f.implicitTlsPort();
            int startTlsPort = f == Protocol.Family.SMTP ? 587 : f == Protocol.Family.IMAP ? 143 : 110;
            Fix.Assignment required = Fix.set("mail." + plainScheme + ".starttls.required", "true");
            switch (remedy) {
                case ENCRYPT:
                    return Fix.of("use " + tlsScheme + "://host:" + tlsPort + " (or keep " + plainScheme + ":// on " + startTlsPort
                            + " and add ?", required, ")");
                case REQUIRE_STARTTLS:
                    return Fix.of("add ", required, " to the URL's query (or use " + tlsScheme + "://host:" + tlsPort + ")");
                case ENABLE_IMPLICIT_TLS:
                    return Fix.of("use the " + tlsScheme + ":// scheme (or port " + startTlsPort + " with ?", required, ")");
                case USE_IMPLICIT_TLS_PORT:
                    return Fix.of("use port " + tlsPort + " in the URL (or keep the port, use " + plainScheme + ":// and add ?",
                            required, ")");
                case USE_PROTOCOL_PORT:
                case USE_SUBMISSION_PORT:
                    return Fix.of("use " + tlsScheme + "://host:" + tlsPort + " (or " + plainScheme + "://host:" + startTlsPort
                            + "?", required, ")");
                case ENABLE_IDENTITY_CHECK:
                    return Fix.of("remove mail." + p.id() + ".ssl.checkserveridentity=false from the URL");
                case VERIFY_CERTIFICATES:
                    return Fix.of("remove mail." + p.id() + ".ssl.trust from the URL and add the server's CA certificate to the JVM"
                            + " trust store");
                case DISABLE_FALLBACK:
                    return Fix.of("add ", Fix.set("mail." + p.id() + ".socketFactory.fallback", "false"), " to the URL, or better use "
                            + tlsScheme + "://");
                case MODERN_TLS_PROTOCOLS:
                    return Fix.of("set ", Fix.set("mail." + p.id() + ".ssl.protocols", "TLSv1.3 TLSv1.2"), " (space-separated) or remove it");
                case EXTERNALISE_PASSWORD:
                    return Fix.of("take the password out of the URL: use a placeholder (${MAIL_PASSWORD}, or Camel's"
                            + " {{mail.password}}) fed from a secret store");
                case PREFER_IMPLICIT_TLS:
                    return Fix.of("use " + tlsScheme + "://host:" + tlsPort + " and drop the mail." + plainScheme
                            + ".starttls.* parameters");
                case REMOVE_SOCKET_FACTORY:
                    return Fix.of("remove the mail." + p.id() + ".socketFactory.* parameters from the URL and keep ?", required);
                case REMOVE_STARTTLS:
                    return Fix.of("remove the mail." + p.id() + ".starttls.* parameters: the " + p.id()
                            + ":// connection is TLS from the first byte");
                default:
                    return null;
            }
        }
    }
}
