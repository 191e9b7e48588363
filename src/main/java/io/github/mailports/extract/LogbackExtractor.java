package io.github.mailports.extract;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigFormat;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Logback's {@code SMTPAppender} ({@code ch.qos.logback.classic.net.SMTPAppender}, and logback-access's, both
 * built on {@code SMTPAppenderBase}) in {@code logback*.xml}, including {@code logback-spring.xml} with
 * {@code <springProfile>} blocks and {@code <springProperty>}.
 *
 * <p>What Logback really does (qos-ch/logback {@code SMTPAppenderBase.buildSessionFromProperties}): the
 * session starts from the system properties; {@code mail.smtp.host} is set only when a host is given;
 * {@code mail.smtp.port} is always set, 25 by default, even with SSL; {@code <SSL>} sets
 * {@code mail.smtp.ssl.enable}, {@code <STARTTLS>} only {@code mail.smtp.starttls.enable} (opportunistic), and
 * both together log "Both SSL and StartTLS cannot be enabled simultaneously" and apply neither; a user name
 * turns {@code mail.smtp.auth} on. There are no timeout settings.
 *
 * <p>Element names: Joran finds the setter for a nested element with {@code BeanUtil.toLowerCamelCase} (the
 * first letter lower-cased unless the first two are upper case) and an exact look-up among the property names
 * derived from the setters ({@code setSSL} gives {@code SSL}, {@code setSmtpHost} {@code smtpHost}), so
 * {@code <SSL>}, {@code <SMTPHost>}, {@code <smtpHost>} and {@code <SmtpHost>} work while {@code <ssl>},
 * {@code <Ssl>} and {@code <StartTLS>} are ignored (Logback 1.3+ logs "Ignoring unkown property" as a warning).
 * Values are trimmed; a boolean is {@code true}/{@code false} in any case, anything else is ignored with a
 * warning; the port is a decimal integer, anything else keeps 25. Action elements ({@code appender},
 * {@code property}) match in any case.
 *
 * <p>Namespaces: Joran's SAX parser is namespace aware and {@code SaxEventRecorder.getTagName} takes the local
 * name (the qualified name only when there is none), so {@code <lb:smtpHost>} sets the host like
 * {@code <smtpHost>}; every element is matched here by its local name too.
 *
 * <p>A variable used as the password ({@code <password>${p}</password>}) whose {@code <property>} gives a
 * literal value is a password written in the file, at the property's line; a property whose own value is a
 * variable (an environment variable, a {@code <springProperty>}) is not.
 */
public final class LogbackExtractor extends Source {
    static final String SOURCE = "logback";
    private static final List<String> KNOWN_CLASSES = Arrays.asList(
            "ch.qos.logback.classic.net.SMTPAppender", "ch.qos.logback.access.net.SMTPAppender", "SMTPAppender");
    /** Property names of the SMTP appenders' setters and adders, as Joran derives them. */
    private static final List<String> PROPERTIES = Arrays.asList("SMTPHost", "smtpHost", "SMTPPort", "smtpPort",
            "STARTTLS", "SSL", "username", "password", "localhost", "to", "from", "subject", "layout", "evaluator",
            "discriminator", "cyclicBufferTracker", "asynchronousSending", "charsetEncoding", "jndiLocation",
            "sessionViaJNDI", "includeCallerData", "name", "context", "filter");
    /** For a mis-cased element, the spelling to suggest. */
    private static final Map<String, String> SUGGEST = new HashMap<>();

    static {
        for (String p : PROPERTIES) SUGGEST.put(p.toLowerCase(java.util.Locale.ROOT), p);
        SUGGEST.put("smtphost", "smtpHost");
        SUGGEST.put("smtpport", "smtpPort");
    }

    public LogbackExtractor() { super(SOURCE, Values.LOGBACK); }

    @Override
    public List<MailEndpoint> extract(ConfigUnit unit, ExtractContext ctx) {
        List<MailEndpoint> out = new ArrayList<>();
        for (ConfigFile f : unit.files()) {
            XmlElement root = f.xml();
            if (root == null || !isRoot(root) || !hasSmtpAppender(root)) continue;
            TreeSet<String> named = new TreeSet<>();
            profileNames(root, named);
            for (String profile : profiles(MailEndpoint.DEFAULT_PROFILE, named)) {
                Walk w = new Walk(f.path(), profile, ctx, out);
                w.walk(root);
            }
        }
        return out;
    }

    /**
     * {@code <configuration>}, or {@code <included>}: the root of a file pulled in with {@code <include>}, whose
     * children Joran reads as if they stood in the including configuration.
     */
    private static boolean isRoot(XmlElement root) {
        String n = root.localName();
        return n.equalsIgnoreCase("configuration") || n.equals("included");
    }

    private static boolean hasSmtpAppender(XmlElement e) {
        if (e.localName().equalsIgnoreCase("appender") && isSmtp(e.attributeValue("class"))) return true;
        for (XmlElement c : e.children()) {
            if (hasSmtpAppender(c)) return true;
        }
        return false;
    }

    static boolean isSmtp(String className) {
        if (className == null) return false;
        String c = className.trim();
        return KNOWN_CLASSES.contains(c) || c.endsWith("SMTPAppender"); // and subclasses named so
    }

    private static boolean isKnownClass(String className) {
        return className != null && KNOWN_CLASSES.contains(className.trim());
    }

    private static void profileNames(XmlElement e, TreeSet<String> out) {
        if (e.localName().equalsIgnoreCase("springProfile")) out.addAll(SpringProfiles.names(e.attributeValue("name")));
        for (XmlElement c : e.children()) profileNames(c, out);
    }

    /** Joran's {@code BeanUtil.toLowerCamelCase}. */
    static String toLowerCamelCase(String s) {
        if (s == null || s.isEmpty()) return s;
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1)) && Character.isUpperCase(s.charAt(0))) return s;
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Whether Joran finds a setter or adder of an SMTP appender for this element name. */
    static boolean isProperty(String elementName) {
        String n = toLowerCamelCase(elementName);
        if (PROPERTIES.contains(n)) return true;
        String capitalised = Character.toUpperCase(elementName.charAt(0)) + elementName.substring(1);
        return PROPERTIES.contains(toLowerCamelCase(capitalised)); // adders: addTo, addFilter
    }

    /** One document-order pass for one profile: variables as they are defined, appenders as they come. */
    private final class Walk {
        private final String file;
        private final String profile;
        private final ExtractContext ctx;
        private final List<MailEndpoint> out;
        /** Variable name to value; a null value: defined, but not knowable (a file, JNDI, a define class). */
        private final Map<String, String> vars = new LinkedHashMap<>();
        /** For a variable whose value is written literally in this file: where (the property element). */
        private final Map<String, SourceLocation> literalAt = new HashMap<>();

        Walk(String file, String profile, ExtractContext ctx, List<MailEndpoint> out) {
            this.file = file;
            this.profile = profile;
            this.ctx = ctx;
            this.out = out;
        }

        void walk(XmlElement e) {
            String n = e.localName();
            if (n.equalsIgnoreCase("springProfile")) {
                String expr = e.attributeValue("name");
                if (expr == null || expr.trim().isEmpty()) return;
                String resolved = resolve(expr).value;
                if (!SpringProfiles.matches(resolved == null ? expr : resolved, Collections.singletonList(profile))) return;
            } else if (n.equalsIgnoreCase("property") || n.equalsIgnoreCase("variable")) {
                String name = e.attributeValue("name");
                String value = e.attributeValue("value");
                if (name != null && value != null) {
                    LogPlaceholders.Result r = resolve(value);
                    vars.put(name.trim(), r.unresolved == null ? r.value : null);
                    SourceLocation literal = literalSource(value);
                    if (literal == null && !value.contains("${")) literal = at(e);
                    if (literal != null) literalAt.put(name.trim(), literal);
                    else literalAt.remove(name.trim());
                }
                return;
            } else if (n.equalsIgnoreCase("springProperty")) {
                String name = e.attributeValue("name");
                if (name != null) {
                    String source = e.attributeValue("source");
                    String v = source == null ? null : ctx.supplied(source.trim());
                    if (v == null) v = e.attributeValue("defaultValue");
                    vars.put(name.trim(), v);
                    literalAt.remove(name.trim());
                }
                return;
            } else if (n.equalsIgnoreCase("define") || n.equalsIgnoreCase("insertFromJNDI")) {
                String name = e.attributeValue(n.equalsIgnoreCase("define") ? "name" : "as");
                if (name != null) {
                    vars.put(name.trim(), null);
                    literalAt.remove(name.trim());
                }
                return;
            } else if (n.equalsIgnoreCase("appender")) {
                if (isSmtp(e.attributeValue("class"))) {
                    MailEndpoint ep = endpoint(e);
                    if (ep != null) out.add(ep);
                }
                return;
            }
            for (XmlElement c : e.children()) walk(c);
        }

        LogPlaceholders.Result resolve(String raw) {
            return LogPlaceholders.resolve(raw, LogPlaceholders.Syntax.LOGBACK, (prefix, name) -> {
                String supplied = ctx.supplied(name);
                if (supplied != null) return supplied;
                if (vars.containsKey(name) || !name.contains(":")) return vars.get(name);
                // ${NAME:default} is Spring's syntax: Logback looks the whole text up and finds nothing
                return name + "_IS_UNDEFINED";
            });
        }

        /**
         * Where the literal behind {@code ${name}} is written, when the whole value is one such reference to a
         * variable of this file with a literal value (and the plugin's properties do not supply it); else null.
         */
        SourceLocation literalSource(String raw) {
            String name = LogPlaceholders.soleVariable(raw);
            return name == null || ctx.supplied(name) != null ? null : literalAt.get(name);
        }

        private SourceLocation at(XmlElement e) { return SourceLocation.of(file, e.line(), e.column()); }

        private Prop prop(XmlElement e) {
            return resolve(e.text()).prop(e.name(), at(e), e.text(), ConfigFormat.XML);
        }

        private MailEndpoint endpoint(XmlElement appender) {
            String name = appender.attributeValue("name");
            String id = "logback:" + (name == null || name.trim().isEmpty() ? "?" : name.trim());
            boolean knownClass = isKnownClass(appender.attributeValue("class"));
            Prop host = null;
            Prop port = null;
            Prop ssl = null;
            Prop startTls = null;
            Prop user = null;
            Prop password = null;
            Prop jndi = null;
            List<Diagnostic> ineffective = new ArrayList<>();
            for (XmlElement c : appender.children()) {
                // Joran records no body for an empty or blank element, so its setter is never called: unset
                if (c.children().isEmpty() && (c.text() == null || c.text().trim().isEmpty())) continue;
                String prop = toLowerCamelCase(c.localName());
                switch (prop) {
                    case "SMTPHost":
                    case "smtpHost":
                        host = prop(c);
                        break;
                    case "SMTPPort":
                    case "smtpPort":
                        port = prop(c);
                        break;
                    case "SSL":
                        ssl = prop(c);
                        break;
                    case "STARTTLS":
                        startTls = prop(c);
                        break;
                    case "username":
                        user = prop(c);
                        break;
                    case "password":
                        password = prop(c);
                        break;
                    case "sessionViaJNDI":
                        jndi = prop(c);
                        break;
                    default:
                        if (knownClass && !isProperty(c.localName())) {
                            String meant = SUGGEST.get(c.localName().toLowerCase(java.util.Locale.ROOT));
                            if (meant != null) ineffective.add(misCased(c, meant));
                        }
                }
            }
            if (jndi != null && jndi.isResolved() && "true".equalsIgnoreCase(trim(jndi.value()))) {
                return null; // the session comes from JNDI: the container's settings decide the connection
            }
            SourceLocation anchor = host != null ? host.at() : at(appender);
            MailEndpoint.Builder b = start(id, profile, anchor, host != null ? host.key() : appender.name());
            for (Diagnostic d : ineffective) b.diagnostic(d);
            host = host(host, "username", "password", b);

            if (host != null && host.isResolved() && host.value() != null && host.value().contains("_IS_UNDEFINED")) {
                b.diagnostic(Diagnostic.of(Reason.UNDEFINED_VARIABLE_HOST, Library.LOGBACK, host.key(), host.at())
                        .value(host.value().trim()).detail(host.raw().trim()).decisive(true));
            }
            Setting<Integer> portSetting = port(port, Setting.defaulted(25, anchor), b); // Joran keeps 25 for a port it cannot convert
            // Joran's conversion: true/false in any case after trimming; anything else is ignored (false), as is no element
            Boolean sslOn = ssl == null ? Boolean.FALSE : bool(ssl, false, b);
            Boolean startOn = startTls == null ? Boolean.FALSE : bool(startTls, false, b);

            Map<String, Prop> keys = new LinkedHashMap<>();
            boolean both = Boolean.TRUE.equals(sslOn) && Boolean.TRUE.equals(startOn);
            if (!both) {
                if (ssl != null) keys.put("mail.smtp.ssl.enable", sslOn == null ? ssl : ssl.as(sslOn.toString()));
                if (startTls != null && !(Boolean.TRUE.equals(sslOn) && startOn == null)) {
                    keys.put("mail.smtp.starttls.enable", startOn == null ? startTls : startTls.as(startOn.toString()));
                }
            }

            JakartaMail.Input in = new JakartaMail.Input(Setting.defaulted(Protocol.SMTP, anchor), keys, "");
            in.connectHost = host;
            in.connectPort = portSetting;
            in.user = user;
            in.password = password;
            in.siblingIgnored = false;
            session(in, b);
            SourceLocation literal = password == null ? null : literalSource(password.raw());
            if (literal != null) b.literalPassword(Setting.of(Boolean.TRUE, Origin.EXPLICIT, "property", literal));
            if (both) {
                // "Both SSL and StartTLS cannot be enabled simultaneously": neither is applied
                b.encryption(startTls.setting(Encryption.NONE));
                b.conflictingStartTls(startTls.setting(Encryption.NONE));
            } else if (Boolean.TRUE.equals(sslOn) && startTls != null && startOn == null) {
                b.encryption(startTls.setting(Encryption.UNKNOWN));
                b.diagnostic(Diagnostic.unresolved(Library.LOGBACK, startTls.key(), startTls.at(), "encryption", null)
                        .other(ssl.key()));
            }
            b.fixes(LogbackFixes.FIXES);
            return b.build();
        }

        private Diagnostic misCased(XmlElement c, String meant) {
            return Diagnostic.of(Reason.MIS_CASED_ELEMENT, Library.LOGBACK, c.name(), at(c)).near(meant)
                    .detail(toLowerCamelCase(c.localName()));
        }
    }

    private static String trim(String s) { return s == null ? "" : s.trim(); }

    /** Fixes as Logback XML elements of the appender; Jakarta Mail settings without an element as -D options. */
    static final class LogbackFixes {
        /** The same for every appender: it speaks SMTP, and its elements have fixed names. */
        static final Fixes FIXES = Fixes.of(Syntax.XML_ELEMENT, LogbackFixes::fix);

        private LogbackFixes() {
        }

        private static Fix fix(Remedy remedy) {
            switch (remedy) {
                case ENCRYPT:
                    return Fix.of("set ", Fix.set("SSL", "true"), " and ", Fix.set("smtpPort", "465"), " in the appender (Logback's"
                            + " <STARTTLS> is only opportunistic)");
                case REQUIRE_STARTTLS:
                    return Fix.of("Logback cannot require STARTTLS: replace ", Fix.set("STARTTLS", "true"), " with ", Fix.set("SSL", "true"),
                            " and ", Fix.set("smtpPort", "465"), " (or start the JVM with -Dmail.smtp.starttls.required=true)");
                case ENABLE_IMPLICIT_TLS:
                    return Fix.of("set ", Fix.set("SSL", "true"), " in the appender and remove <STARTTLS> (or connect to 587 with"
                            + " -Dmail.smtp.starttls.required=true)");
                case USE_IMPLICIT_TLS_PORT:
                    return Fix.of("set ", Fix.set("smtpPort", "465"), ": Logback connects to port 25 unless told otherwise, even with <SSL>");
                case USE_PROTOCOL_PORT:
                case USE_SUBMISSION_PORT:
                case PREFER_IMPLICIT_TLS:
                    return Fix.of("set ", Fix.set("smtpPort", "465"), " with ", Fix.set("SSL", "true"));
                case SET_TIMEOUTS:
                    return Fix.of("Logback has no timeout elements: start the JVM with -Dmail.smtp.connectiontimeout=10000"
                            + " -Dmail.smtp.timeout=10000 -Dmail.smtp.writetimeout=10000 (milliseconds)");
                case EXTERNALISE_PASSWORD:
                    return Fix.of("take the password from the environment: ", Fix.set("password", "${SMTP_PASSWORD}"), ", or a"
                            + " <property> whose value is ${SMTP_PASSWORD}, supplied from the environment or a secret store");
                case REMOVE_STARTTLS:
                    return Fix.of("remove <STARTTLS>: with both, Logback applies neither; keep ", Fix.set("SSL", "true"), " on port 465");
                case ENABLE_IDENTITY_CHECK:
                    return Fix.of("remove -Dmail.smtp.ssl.checkserveridentity=false from the JVM options");
                case VERIFY_CERTIFICATES:
                    return Fix.of("remove -Dmail.smtp.ssl.trust from the JVM options and add the server's CA to the trust store");
                default:
                    return null;
            }
        }
    }
}
