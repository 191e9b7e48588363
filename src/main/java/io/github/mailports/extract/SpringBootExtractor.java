package io.github.mailports.extract;

import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Library;
import io.github.mailports.model.Diagnostic.Reason;
import io.github.mailports.model.LibraryVersions;
import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Setting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spring Boot's {@code spring.mail.*}: the auto-configured {@code JavaMailSenderImpl}. It exists only when
 * {@code spring.mail.host} is set; {@code spring.mail.protocol} (default {@code smtp}) decides which
 * {@code mail.<p>.*} keys of {@code spring.mail.properties} count; host, port, user name and password go to
 * {@code connect()} and win over the same keys in the map; {@code ssl.enabled} sets
 * {@code mail.<p>.ssl.enable} after the map is copied. Evaluated for the default profile and each profile found.
 */
public final class SpringBootExtractor extends Source {
    static final String ID = "spring.mail";
    private static final List<String> KNOWN = Arrays.asList("host", "port", "username", "password", "protocol",
            "defaultencoding", "jndiname", "testconnection", "ssl.enabled", "ssl.bundle", "ssl.verifyhostname");

    public SpringBootExtractor() { super("spring-boot", Values.SPRING_BOOT); }

    private static final String SPRING_BOOT = "org.springframework.boot:spring-boot-autoconfigure";

    @Override
    public List<MailEndpoint> extract(ConfigUnit unit, ExtractContext ctx) {
        List<MailEndpoint> out = new ArrayList<>();
        if (!unit.isSpring()) return out;
        for (String profile : unit.profiles()) {
            MailEndpoint e = endpoint(unit.view(profile, ctx), profile, ctx.libraries(), ctx.codeReads());
            if (e != null) out.add(e);
        }
        return out;
    }

    private MailEndpoint endpoint(View view, String profile, LibraryVersions libraries, CodeReads code) {
        Prop host = view.get("spring.mail.host");
        if (host == null || view.get("spring.mail.jndiname") != null) return null;
        MailEndpoint.Builder b = start(ID, profile, host);

        Prop protocolProp = view.get("spring.mail.protocol");
        Setting<Protocol> protocol = Setting.defaulted(Protocol.SMTP, host.at());
        boolean protocolKnown = true;
        Prop unresolvedProtocol = null;
        if (protocolProp != null) {
            if (!protocolProp.isResolved()) {
                protocolKnown = false;
                unresolvedProtocol = protocolProp; // reported with the other placeholders, as one MP017
            } else {
                String v = protocolProp.value() == null ? "" : protocolProp.value();
                Protocol p = Protocol.fromId(v.isEmpty() ? "smtp" : v);
                if (p == Protocol.SMTP || p == Protocol.SMTPS) {
                    protocol = protocolProp.setting(p);
                } else {
                    b.diagnostic(Diagnostic.of(Reason.UNKNOWN_PROTOCOL, Library.SPRING_BOOT, protocolProp.key(), protocolProp.at())
                            .value(v).decisive(true));
                }
            }
        }
        Protocol p = protocol.value();

        Setting<Integer> connectPort = null;
        Prop portProp = view.get("spring.mail.port");
        if (portProp != null) connectPort = portProp.setting(portProp.isResolved() ? port(portProp, b) : null); // an Integer: no default

        Map<String, Prop> keys = new LinkedHashMap<>();
        for (Map.Entry<String, Prop> me : view.under(Keys.SPRING_MAIL_PROPERTIES).entrySet()) {
            String k = me.getKey();
            Prop prop = me.getValue();
            keys.put(k, prop);
            if (code.reads(prop.at().file(), prop.key())) continue; // the application's code reads it: not ineffective
            mapKeyDiagnostics(k, prop, p, portProp != null, view.get("spring.mail.username") != null, b);
        }
        for (String bool : new String[] {"spring.mail.testconnection", "spring.mail.ssl.verifyhostname"}) {
            Prop p2 = view.get(bool);
            if (p2 != null) bool(p2, false, b); // a value that does not bind stops the application
        }
        Prop sslEnabled = view.get("spring.mail.ssl.enabled");
        if (sslEnabled != null) {
            Boolean on = bool(sslEnabled, false, b);
            if (Boolean.TRUE.equals(on)) keys.put("mail." + p.id() + ".ssl.enable", sslEnabled.as("true"));
            else if (!sslEnabled.isResolved()) keys.put("mail." + p.id() + ".ssl.enable", sslEnabled);
        }
        // Spring Boot 3.5.15+/4.0.7+ writes checkserveridentity=true after the properties map when SSL is set up and
        // ssl.verify-hostname is not false (LibraryVersions.Behaviour.SPRING_BOOT_FORCES_IDENTITY_CHECK): an explicit
        // false in spring.mail.properties is overridden. Earlier or unknown versions: the map's value stands.
        Prop bundle = view.get("spring.mail.ssl.bundle");
        Prop verifyHostname = view.get("spring.mail.ssl.verifyhostname");
        Prop sslOn = sslEnabled != null && sslEnabled.isResolved() && "true".equalsIgnoreCase(sslEnabled.value().trim()) ? sslEnabled : bundle;
        if (sslOn != null && (verifyHostname == null || !"false".equalsIgnoreCase(String.valueOf(verifyHostname.value()).trim()))
                && libraries.holds(LibraryVersions.Behaviour.SPRING_BOOT_FORCES_IDENTITY_CHECK, SPRING_BOOT)) {
            keys.put("mail." + p.id() + ".ssl.checkserveridentity", sslOn.as("true"));
        }
        for (Map.Entry<String, Prop> me : view.all().entrySet()) {
            String k = me.getKey();
            if (k.startsWith("spring.mail.") && !k.startsWith(Keys.SPRING_MAIL_PROPERTIES)
                    && !code.reads(me.getValue().at().file(), me.getValue().key())) {
                unknownSpringKey(k.substring("spring.mail.".length()), me.getValue(), b);
            }
        }

        JakartaMail.Input in = new JakartaMail.Input(protocol, keys, Keys.SPRING_MAIL_PROPERTIES);
        in.connectHost = host;
        in.connectPort = connectPort;
        in.connectPortProp = portProp;
        in.unresolvedProtocol = unresolvedProtocol;
        in.user = view.get("spring.mail.username");
        in.password = view.get("spring.mail.password");
        in.siblingIgnored = true;
        in.sslFactoryObject = view.get("spring.mail.ssl.bundle") != null;
        session(in, b);
        if (!protocolKnown) b.encryption(protocolProp.setting(Encryption.UNKNOWN));
        MailEndpoint built = b.build();
        return b.fixes(new JakartaFixes(Keys.SPRING_MAIL_PROPERTIES, "spring.mail.port").of(built, host.format())).build();
    }

    private static void mapKeyDiagnostics(String k, Prop prop, Protocol p, boolean portSet, boolean userSet,
                                          MailEndpoint.Builder b) {
        String hostKey = "mail." + p.id() + ".host";
        if (k.equals("mail.transport.protocol")) {
            b.diagnostic(Diagnostic.of(Reason.TRANSPORT_DECIDED_ELSEWHERE, Library.SPRING_BOOT, prop.key(), prop.at()));
        } else if (k.equals(hostKey) || k.equals("mail.host")) {
            b.diagnostic(connectWins(prop, "spring.mail.host"));
        } else if (k.equals("mail." + p.id() + ".port") && portSet) {
            b.diagnostic(connectWins(prop, "spring.mail.port"));
        } else if ((k.equals("mail." + p.id() + ".user") || k.equals("mail.user")) && userSet) {
            b.diagnostic(connectWins(prop, "spring.mail.username"));
        } else if (!k.startsWith("mail.")) {
            // A key without mail. is reported only when a mail library was plausibly meant to read it: it holds
            // mail. further on, starts with a protocol, or is itself a Jakarta Mail key (starttls.enable). Anything
            // else (spring.mail.properties.sender) is the application's own key, read with @Value: never MP010.
            int at = k.indexOf("mail.");
            String fam = p.family().lowerName();
            String meant = at > 0 && k.charAt(at - 1) == '.' ? k.substring(at)
                    : Protocol.fromId(k.split("\\.")[0]) != null ? "mail." + k
                    : JakartaMailKeys.isKnown(fam, k) && (k.indexOf('.') > 0 || k.equals("auth") || k.endsWith("timeout"))
                    ? "mail." + p.id() + "." + k : null;
            if (meant == null) return;
            b.diagnostic(Diagnostic.of(Reason.MISSING_MAIL_PREFIX, Library.SPRING_BOOT, prop.key(), prop.at())
                    .near(Keys.SPRING_MAIL_PROPERTIES + meant));
        }
    }

    /** A key of the map that loses to the Spring key passed to connect(). */
    private static Diagnostic connectWins(Prop prop, String winner) {
        return Diagnostic.of(Reason.CONNECT_ARGUMENT_WINS, Library.SPRING_BOOT, prop.key(), prop.at()).other(winner);
    }

    /**
     * {@code spring.mail.smtp.auth} and the like: a key Spring Boot does not have, so nothing reads it. Reported only
     * when a mail library was plausibly meant to read it: a Jakarta Mail key one level too shallow, or a near miss of
     * a Spring Boot key ({@code spring.mail.ssl.enable}). Other keys ({@code spring.mail.from},
     * {@code spring.mail.templates.path}) are the application's own, read with {@code @Value}: removing them would
     * break its start-up.
     */
    private static void unknownSpringKey(String relaxedTail, Prop prop, MailEndpoint.Builder b) {
        if (KNOWN.contains(relaxedTail)) return;
        String written = prop.key();
        int at = written.toLowerCase(Locale.ROOT).indexOf("mail.");
        String tail = at >= 0 ? written.substring(at + 5) : written;
        String first = tail.split("[.\\[]")[0];
        String meant = null;
        if (tail.startsWith("mail.")) meant = Keys.SPRING_MAIL_PROPERTIES + tail;
        else if (Protocol.fromId(first) != null) meant = Keys.SPRING_MAIL_PROPERTIES + "mail." + tail;
        if (meant != null) {
            b.diagnostic(Diagnostic.of(Reason.NOT_UNDER_PROPERTIES, Library.SPRING_BOOT, written, prop.at()).near(meant));
            return;
        }
        String near = nearSpringKey(relaxedTail);
        if (near != null) {
            b.diagnostic(Diagnostic.of(Reason.UNKNOWN_KEY, Library.SPRING_BOOT, written, prop.at()).near("spring.mail." + near));
        }
    }

    /** The Spring Boot mail key a relaxed tail misspells (one edit for short names, two otherwise), or null. */
    private static String nearSpringKey(String relaxedTail) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : KNOWN) {
            int limit = Math.min(k.length(), relaxedTail.length()) <= 5 ? 1 : 2;
            int d = Keys.distance(k, relaxedTail);
            if (d <= limit && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null) return null;
        switch (best) { // back to Spring's documented spelling
            case "defaultencoding": return "default-encoding";
            case "jndiname": return "jndi-name";
            case "testconnection": return "test-connection";
            case "ssl.verifyhostname": return "ssl.verify-hostname";
            default: return best;
        }
    }
}
