package io.github.mailports.extract;

import io.github.mailports.config.ConfigFormat;
import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups of Jakarta Mail session properties where a library reads them: plain {@code mail.properties} /
 * {@code javamail.properties}, Micronaut's {@code javamail.properties.} and the other {@link #FRAMEWORK_PREFIXES},
 * and an application's own {@code myapp.mail.smtp.*} only when it is made of real Jakarta Mail keys
 * ({@link #onlyJakartaKeys}). Each protocol of a group is its own endpoint; when the group names its
 * transport or store protocol ({@code mail.transport.protocol=smtps}), the sibling's keys are never read.
 * Keys under {@code spring.}, {@code quarkus.} and {@code simplejavamail.} belong to those sources' extractors.
 */
public final class JakartaMailExtractor extends Source {
    private static final List<String> OWNED_ELSEWHERE = Arrays.asList("spring.", "quarkus.", "simplejavamail.", "%",
            "logging.");
    /** Package names of mail providers, as in logger names ({@code org.eclipse.angus.mail.smtp.protocol}). */
    private static final List<String> PACKAGE_ENDINGS = Arrays.asList("angus.", "sun.", "jakarta.", "javax.");
    private static final List<String> GLOBAL = Arrays.asList("host", "user", "transport.protocol", "store.protocol");
    private static final String MICRONAUT = "javamail.properties.";
    /**
     * Prefixes under which a framework copies the keys into a Jakarta Mail session: Micronaut Email
     * ({@code javamail.properties.}), Camel's Spring Boot starter ({@code additional-java-mail-properties}), the Grails
     * mail plugin ({@code grails.mail.props}) and Liferay ({@code mail.session.}). Spring's {@code spring.mail.properties.}
     * belongs to the Spring Boot extractor. Other prefixes are the application's own (see {@link #onlyJakartaKeys}).
     */
    static final List<String> FRAMEWORK_PREFIXES = Arrays.asList(MICRONAUT,
            "camel.component.mail.additional-java-mail-properties.", "camel.component.mail.additionalJavaMailProperties.",
            "grails.mail.props.", "mail.session.");

    public JakartaMailExtractor() { super("jakarta-mail", Values.JAKARTA_MAIL); }

    @Override
    public List<MailEndpoint> extract(ConfigUnit unit, ExtractContext ctx) {
        List<MailEndpoint> out = new ArrayList<>();
        if (!unit.isSpring() && unit.files().get(0).fileName().equals("simplejavamail.properties")) {
            return out; // Simple Java Mail's own file: its extractor reads it, and refuses mail.* keys there
        }
        for (String profile : unit.profiles()) {
            View view = unit.view(profile, ctx);
            for (Map.Entry<String, Map<String, Prop>> group : groups(view).entrySet()) {
                boolean propertiesFile = !unit.isSpring() && unit.files().get(0).format() == ConfigFormat.PROPERTIES;
                if (group.getKey().isEmpty() && !propertiesFile && !hasProtocolKey(group.getValue())) {
                    continue; // a bare mail.host in application.yml is some other library's setting (Hutool's mail:)
                }
                if (!group.getKey().isEmpty() && !FRAMEWORK_PREFIXES.contains(group.getKey())
                        && !onlyJakartaKeys(group.getValue())) {
                    continue; // the application's own block (litemall.notify.mail.host), no Jakarta Mail session
                }
                endpoints(group.getKey(), group.getValue(), view, out);
            }
        }
        return out;
    }

    /** Prefix to (Jakarta key to prop), in file order. */
    private static Map<String, Map<String, Prop>> groups(View view) {
        Map<String, Map<String, Prop>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Prop> e : view.all().entrySet()) {
            String key = e.getKey();
            int at = jakartaStart(key);
            if (at < 0) continue;
            String prefix = key.substring(0, at);
            if (ownedElsewhere(prefix)) continue;
            groups.computeIfAbsent(prefix, k -> new LinkedHashMap<>()).put(key.substring(at), e.getValue());
        }
        return groups;
    }

    /**
     * Whether a block under the application's own prefix reads like Jakarta Mail session properties the application
     * copies into a {@code Properties}: every {@code mail.<p>.*} key is a Jakarta Mail key (or a near miss of one),
     * and at least one is a key only Jakarta Mail has ({@code auth}, {@code starttls.enable}, {@code ssl.enable},
     * a timeout...), not just a host, port or user name that any own block has.
     */
    static boolean onlyJakartaKeys(Map<String, Prop> keys) {
        boolean distinctive = false;
        for (String k : keys.keySet()) {
            String rest = k.substring(5);
            int dot = rest.indexOf('.');
            Protocol p = dot > 0 ? Protocol.fromId(rest.substring(0, dot)) : null;
            if (p == null) continue; // mail.host, mail.user, mail.transport.protocol
            String suffix = rest.substring(dot + 1);
            String family = p.family().lowerName();
            if (suffix.equals("password")) continue; // the application reads it itself
            if (JakartaMailKeys.isKnown(family, suffix)) {
                if (!suffix.equals("host") && !suffix.equals("port") && !suffix.equals("user")) distinctive = true;
            } else if (JakartaMailKeys.nearest(family, suffix) == null) {
                return false; // mail.smtp.sender-name: the application's own name
            }
        }
        return distinctive;
    }

    private static boolean hasProtocolKey(Map<String, Prop> keys) {
        for (String k : keys.keySet()) {
            int dot = k.indexOf('.', 5);
            if (dot > 5 && Protocol.fromId(k.substring(5, dot)) != null) return true;
        }
        return false;
    }

    private static boolean ownedElsewhere(String prefix) {
        for (String p : OWNED_ELSEWHERE) {
            if (prefix.startsWith(p)) return true;
        }
        for (String p : PACKAGE_ENDINGS) {
            if (prefix.endsWith(p)) return true;
        }
        return false;
    }

    /** Where {@code mail.<protocol>.} or a global {@code mail.*} key starts at a segment boundary, or -1. */
    private static int jakartaStart(String key) {
        int at = key.indexOf("mail.");
        while (at >= 0) {
            if (at == 0 || key.charAt(at - 1) == '.') {
                String rest = key.substring(at + 5);
                if (GLOBAL.contains(rest)) return at;
                int dot = rest.indexOf('.');
                if (dot > 0 && Protocol.fromId(rest.substring(0, dot)) != null) return at;
            }
            at = key.indexOf("mail.", at + 1);
        }
        return -1;
    }

    private void endpoints(String prefix, Map<String, Prop> keys, View view, List<MailEndpoint> out) {
        Set<Protocol> present = new LinkedHashSet<>();
        for (String k : keys.keySet()) {
            String rest = k.substring(5);
            int dot = rest.indexOf('.');
            Protocol p = dot > 0 ? Protocol.fromId(rest.substring(0, dot)) : null;
            if (p != null) present.add(p);
        }
        Set<Protocol> chosen = new LinkedHashSet<>();
        Set<Protocol.Family> decided = new LinkedHashSet<>();
        Map<Protocol.Family, Prop> unknown = new LinkedHashMap<>();
        for (String which : new String[] {"mail.transport.protocol", "mail.store.protocol"}) {
            Prop named = keys.get(which);
            if (named == null) continue;
            if (!named.isResolved()) { // a placeholder decides the protocol: which keys count is unknown
                Protocol.Family f = which.contains("transport") ? Protocol.Family.SMTP : null;
                Protocol guess = f != null ? Protocol.SMTP : firstStore(present);
                if (guess != null) {
                    unknown.put(guess.family(), named);
                    chosen.add(guess);
                    decided.add(guess.family());
                }
                continue;
            }
            Protocol p = Protocol.fromId(named.value() == null ? "" : named.value().trim());
            if (p != null) {
                chosen.add(p);
                decided.add(p.family());
            }
        }
        for (Protocol p : present) {
            if (!decided.contains(p.family())) chosen.add(p);
        }
        if (chosen.isEmpty() && (keys.containsKey("mail.host") || keys.containsKey("mail.transport.protocol"))) {
            chosen.add(Protocol.SMTP); // Transport.send uses the first transport provider: smtp
        }
        for (Protocol p : chosen) {
            out.add(endpoint(prefix, p, keys, decided.contains(p.family()) && !unknown.containsKey(p.family()), view,
                    unknown.get(p.family())));
        }
    }

    private static Protocol firstStore(Set<Protocol> present) {
        for (Protocol p : present) {
            if (p.family() != Protocol.Family.SMTP) return p;
        }
        return null;
    }

    private MailEndpoint endpoint(String prefix, Protocol p, Map<String, Prop> keys, boolean siblingIgnored, View view,
                                  Prop unresolvedProtocol) {
        Prop host = keys.get("mail." + p.id() + ".host");
        if (host == null) host = keys.get("mail.host");
        Prop first = null;
        for (Map.Entry<String, Prop> e : keys.entrySet()) {
            if (e.getKey().startsWith("mail." + p.id() + ".")) { first = e.getValue(); break; }
        }
        if (first == null) first = keys.values().iterator().next();
        Prop anchorProp = host != null ? host : first;
        SourceLocation anchor = anchorProp.at();
        MailEndpoint.Builder b = start(prefix + "mail." + p.id(), view.profile(), anchorProp);

        Prop protocolKey = keys.get(p.family() == Protocol.Family.SMTP ? "mail.transport.protocol" : "mail.store.protocol");
        Setting<Protocol> protocol = protocolKey != null && p.id().equals(trimmed(protocolKey))
                ? protocolKey.setting(p) : Setting.defaulted(p, anchor);
        Map<String, Prop> sessionKeys = new LinkedHashMap<>();
        Prop password = null;
        for (Map.Entry<String, Prop> e : keys.entrySet()) {
            if (e.getKey().equals("mail." + p.id() + ".password")) password = e.getValue(); // the application reads it
            else sessionKeys.put(e.getKey(), e.getValue());
        }
        JakartaMail.Input in = new JakartaMail.Input(protocol, sessionKeys, prefix);
        in.password = password;
        in.siblingIgnored = siblingIgnored;
        // Micronaut and Liferay build the session from these keys alone and send with it: without a host key,
        // Jakarta Mail connects to localhost. Elsewhere the application's code (or a URL) passes the host.
        in.hostFromCode = !prefix.equals(MICRONAUT) && !prefix.equals("mail.session.");
        in.unresolvedProtocol = unresolvedProtocol; // decides which keys Jakarta Mail reads, and whether TLS is on
        if (prefix.equals(MICRONAUT)) {
            Prop user = view.get("javamail.authentication.username");
            Prop pw = view.get("javamail.authentication.password");
            if (user != null) in.user = user;
            if (pw != null) in.password = pw;
        }
        session(in, b);
        if (protocolKey != null && protocolKey.isResolved() && Protocol.fromId(trimmed(protocolKey)) == null) {
            b.diagnostic(Diagnostic.of(Diagnostic.Reason.UNKNOWN_PROTOCOL, library(), protocolKey.key(), protocolKey.at())
                    .value(trimmed(protocolKey)));
        }
        if (unresolvedProtocol != null) {
            b.encryption(unresolvedProtocol.setting(Encryption.UNKNOWN));
            b.port(unresolvedProtocol.setting(null));
        }
        ConfigFormat format = anchorProp.format();
        MailEndpoint built = b.build();
        return b.fixes(new JakartaFixes(prefix, prefix + "mail." + p.id() + ".port").of(built, format)).build();
    }

    private static String trimmed(Prop p) { return p.value() == null ? "" : p.value().trim(); }
}
