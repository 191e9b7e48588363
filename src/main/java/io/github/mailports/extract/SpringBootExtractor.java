package io.github.mailports.extract;

import io.github.mailports.model.Diagnostic;
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
public final class SpringBootExtractor implements Extractor {
    static final String ID = "spring.mail";
    private static final List<String> KNOWN = Arrays.asList("host", "port", "username", "password", "protocol",
            "defaultencoding", "jndiname", "testconnection", "ssl.enabled", "ssl.bundle", "ssl.verifyhostname");
    private static final List<String> TRUE_WORDS = Arrays.asList("true", "on", "yes", "1");
    private static final List<String> FALSE_WORDS = Arrays.asList("false", "off", "no", "0");

    @Override
    public String source() { return "spring-boot"; }

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
        MailEndpoint.Builder b = MailEndpoint.builder(ID, source(), host.at()).profile(profile).anchorKey(host.key());

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
                    b.diagnostic(Diagnostic.invalid(protocolProp.key(), protocolProp.at(), "sets " + protocolProp.key()
                            + " to '" + v + "', which is no Jakarta Mail transport: sending fails with"
                            + " NoSuchProviderException", "use smtp or smtps (lower case)", true));
                }
            }
        }
        Protocol p = protocol.value();

        Setting<Integer> connectPort = null;
        Prop portProp = view.get("spring.mail.port");
        if (portProp != null) connectPort = springPort(portProp, b);

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
            if (p2 != null) springBoolean(p2, b); // a value that does not bind stops the application
        }
        Prop sslEnabled = view.get("spring.mail.ssl.enabled");
        if (sslEnabled != null) {
            Boolean on = springBoolean(sslEnabled, b);
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

        JakartaMail.Input in = new JakartaMail.Input();
        in.protocol = p;
        in.protocolSetting = protocol;
        in.keys = keys;
        in.connectHost = host;
        in.connectPort = connectPort;
        in.connectPortProp = portProp;
        in.unresolvedProtocol = unresolvedProtocol;
        in.user = view.get("spring.mail.username");
        in.password = view.get("spring.mail.password");
        in.siblingIgnored = true;
        in.sslFactoryObject = view.get("spring.mail.ssl.bundle") != null;
        in.keyPrefix = Keys.SPRING_MAIL_PROPERTIES;
        b.protocol(protocol);
        JakartaMail.evaluate(in, b);
        if (!protocolKnown) b.encryption(protocolProp.setting(Encryption.UNKNOWN));
        b.remedies(new JakartaRemedies(Keys.SPRING_MAIL_PROPERTIES, "spring.mail.port", host.format()));
        return b.build();
    }

    /** Spring binds the port to an Integer: a value that does not convert stops the application. */
    private static Setting<Integer> springPort(Prop prop, MailEndpoint.Builder b) {
        if (!prop.isResolved()) return prop.setting(null);
        String v = prop.value() == null ? "" : prop.value().trim();
        try {
            int port = v.startsWith("0x") || v.startsWith("0X") ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v);
            if (port < 1 || port > 65535) {
                b.diagnostic(Diagnostic.invalid(prop.key(), prop.at(), "sets " + prop.key() + " to " + port
                        + ", which is not a port (1 to 65535): the connection fails", "set a port between 1 and 65535", true));
            }
            return prop.setting(port);
        } catch (NumberFormatException e) {
            b.diagnostic(Diagnostic.invalid(prop.key(), prop.at(), "sets " + prop.key() + " to '" + v
                    + "', which is not a number: Spring Boot fails to start (it cannot bind the port)",
                    "set a port between 1 and 65535", true));
            return prop.setting(null);
        }
    }

    /** Spring's String-to-Boolean conversion: true/on/yes/1 and false/off/no/0; anything else stops the application. */
    private static Boolean springBoolean(Prop prop, MailEndpoint.Builder b) {
        if (!prop.isResolved()) return null;
        String v = prop.value() == null ? "" : prop.value().trim().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(v)) return Boolean.TRUE;
        if (FALSE_WORDS.contains(v) || v.isEmpty()) return Boolean.FALSE;
        b.diagnostic(Diagnostic.invalid(prop.key(), prop.at(), "sets " + prop.key() + " to '" + prop.value()
                + "', which is not a boolean: Spring Boot fails to start", "set it to true or false", true));
        return null;
    }

    private static void mapKeyDiagnostics(String k, Prop prop, Protocol p, boolean portSet, boolean userSet,
                                          MailEndpoint.Builder b) {
        String hostKey = "mail." + p.id() + ".host";
        if (k.equals("mail.transport.protocol")) {
            b.diagnostic(Diagnostic.ineffective(prop.key(), prop.at(), "sets " + prop.key() + ", which Spring Boot never"
                    + " uses: spring.mail.protocol (default smtp) always decides the transport",
                    "set spring.mail.protocol instead"));
        } else if (k.equals(hostKey) || k.equals("mail.host")) {
            b.diagnostic(Diagnostic.ineffective(prop.key(), prop.at(), "sets " + prop.key() + ", which is never read:"
                    + " spring.mail.host is passed to connect() and wins", "remove it and keep spring.mail.host"));
        } else if (k.equals("mail." + p.id() + ".port") && portSet) {
            b.diagnostic(Diagnostic.ineffective(prop.key(), prop.at(), "sets " + prop.key() + ", which is never read:"
                    + " spring.mail.port is passed to connect() and wins", "remove it and keep spring.mail.port"));
        } else if ((k.equals("mail." + p.id() + ".user") || k.equals("mail.user")) && userSet) {
            b.diagnostic(Diagnostic.ineffective(prop.key(), prop.at(), "sets " + prop.key() + ", which is never read:"
                    + " spring.mail.username is passed to connect() and wins", "remove it and keep spring.mail.username"));
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
            b.diagnostic(Diagnostic.ineffective(prop.key(), prop.at(), "sets " + prop.key() + ", but Jakarta Mail reads"
                    + " only keys that start with mail.: did you mean " + Keys.SPRING_MAIL_PROPERTIES + meant + "?",
                    "rename it to " + Keys.SPRING_MAIL_PROPERTIES + meant));
        }
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
            b.diagnostic(Diagnostic.ineffective(written, prop.at(), "sets " + written + ", which Spring Boot does not"
                    + " have, so nothing reads it: Jakarta Mail settings go under spring.mail.properties, did you mean "
                    + meant + "?", "rename it to " + meant));
            return;
        }
        String near = nearSpringKey(relaxedTail);
        if (near != null) {
            b.diagnostic(Diagnostic.ineffective(written, prop.at(), "sets " + written + ", which Spring Boot does not"
                    + " have, so nothing reads it: did you mean spring.mail." + near + "?", "rename it to spring.mail." + near));
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
