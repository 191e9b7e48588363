package io.github.mailports.extract;

import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigFormat;
import io.github.mailports.config.XmlElement;
import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Library;
import io.github.mailports.model.Diagnostic.Reason;
import io.github.mailports.model.LibraryVersions;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Log4j2's SMTP appender ({@code @Plugin(name = "SMTP")}) in XML, YAML, JSON and properties configurations.
 *
 * <p>What Log4j really does (apache/logging-log4j2 2.x {@code SmtpAppender}, {@code SmtpManager}): the
 * session starts from the system properties; {@code smtpProtocol} (default {@code smtp}, an empty value is
 * {@code smtp}) is the Jakarta Mail provider and the key prefix {@code mail.<protocol>.}; there is no STARTTLS
 * option, so {@code smtp} is cleartext and {@code smtps} is implicit TLS; {@code smtpHost} and
 * {@code smtpPort} (only when above 0; 0 is unset, so Jakarta Mail's 25 or 465 applies) go to
 * {@code mail.<protocol>.host/port}; user name and password together turn {@code auth} on. The {@code <Ssl>}
 * element is applied only when the protocol is exactly {@code smtps}: it supplies the socket factory and sets
 * {@code mail.smtps.ssl.checkserveridentity} to its {@code verifyHostName}, which defaults to false (and which
 * Log4j up to 2.25.3 ignored altogether, CVE-2026-34477), so an {@code <Ssl>} without
 * {@code verifyHostName="true"} turns the host name check off.
 *
 * <p>Names: plugin names ({@code SMTP}, {@code Ssl}, {@code Appenders}) and attribute names match in any case
 * ({@code PluginManager.getPluginType} lower-cases, {@code removeAttributeValue} uses
 * {@code equalsIgnoreCase}); in XML a child element with text only and no plugin of its name is an attribute;
 * in strict XML, JSON and YAML arrays a {@code type} attribute names the plugin. Properties files use
 * {@code appender.<id>.type = SMTP} ({@code appenders = a, b} limits which ids count) and
 * {@code appender.<id>.<component>.type = Ssl}. Variables: {@code ${name}} from {@code <Properties>} (or
 * {@code property.name}), {@code ${env:NAME}}, {@code ${sys:name}}, each with {@code :-default}.
 */
public final class Log4j2Extractor extends Source {
    static final String SOURCE = "log4j2";
    private static final List<String> ATTRIBUTES = Arrays.asList("name", "to", "cc", "bcc", "from", "replyto", "subject",
            "smtpprotocol", "smtphost", "smtpport", "smtpusername", "smtppassword", "smtpdebug", "buffersize",
            "ignoreexceptions");
    private static final List<String> ARBITERS = Arrays.asList("select", "defaultarbiter", "systempropertyarbiter",
            "classarbiter", "scriptarbiter", "environmentarbiter");

    /** The configuration dialect, for fix hints. */
    enum Dialect { XML, YAML, JSON, PROPERTIES }

    /** A value as written. */
    static final class Val {
        final String key;
        final String raw;
        final SourceLocation at;

        Val(String key, String raw, SourceLocation at) {
            this.key = key;
            this.raw = raw;
            this.at = at;
        }
    }

    /** One SMTP appender, whatever the format. */
    static final class Appender {
        SourceLocation at;
        /** The element name or key at {@link #at}. */
        String atKey;
        Dialect dialect;
        /** Properties files: {@code appender.<id>.}; else empty. */
        String propsPrefix = "";
        /** Properties files: {@code appender.<id>.<component>.} of the Ssl component; else empty. */
        String sslPrefix = "";
        final Map<String, Val> attrs = new LinkedHashMap<>();
        Val ssl;
        Val verifyHostName;
        final List<String> profileExpressions = new ArrayList<>();
    }

    public Log4j2Extractor() { super(SOURCE, Values.LOG4J2); }

    @Override
    public List<MailEndpoint> extract(ConfigUnit unit, ExtractContext ctx) {
        List<MailEndpoint> out = new ArrayList<>();
        if (unit.isSpring()) return out;
        for (ConfigFile f : unit.files()) {
            Map<String, String> properties = new LinkedHashMap<>();
            Map<String, SourceLocation> propertyAt = new HashMap<>();
            List<Appender> appenders = new ArrayList<>();
            if (f.xml() != null) {
                fromXml(f, properties, propertyAt, appenders);
            } else if (f.format() == ConfigFormat.PROPERTIES) {
                fromProperties(f, properties, propertyAt, appenders);
            } else if (f.format() == ConfigFormat.YAML) {
                fromTree(f, properties, propertyAt, appenders);
            }
            if (appenders.isEmpty()) continue;
            TreeSet<String> named = new TreeSet<>();
            for (Appender a : appenders) {
                for (String expr : a.profileExpressions) named.addAll(SpringProfiles.names(expr));
            }
            for (String profile : profiles(MailEndpoint.DEFAULT_PROFILE, named)) {
                for (Appender a : appenders) {
                    if (active(a, profile)) out.add(endpoint(a, profile, properties, propertyAt, ctx, f.format()));
                }
            }
        }
        return out;
    }

    private static boolean active(Appender a, String profile) {
        for (String expr : a.profileExpressions) {
            if (expr == null || expr.trim().isEmpty()) return false;
            if (!SpringProfiles.matches(expr, Collections.singletonList(profile))) return false;
        }
        return true;
    }

    // ---- XML

    private static void fromXml(ConfigFile f, Map<String, String> properties, Map<String, SourceLocation> propertyAt,
                                List<Appender> out) {
        XmlElement root = f.xml();
        if (!root.localName().equalsIgnoreCase("configuration")) return;
        XmlElement.Attribute strictAttr = root.attributeIgnoreCase("strict");
        boolean strict = strictAttr != null && strictAttr.value().trim().equalsIgnoreCase("true");
        for (XmlElement c : root.children()) {
            if (c.localName().equalsIgnoreCase("properties")) {
                for (XmlElement p : c.children()) {
                    if (!p.localName().equalsIgnoreCase("property")) continue;
                    XmlElement.Attribute name = p.attributeIgnoreCase("name");
                    XmlElement.Attribute value = p.attributeIgnoreCase("value");
                    if (name != null) {
                        properties.put(name.value(), value != null ? value.value() : p.text());
                        propertyAt.put(name.value(), SourceLocation.of(f.path(), p.line(), p.column()));
                    }
                }
            } else if (c.localName().equalsIgnoreCase("appenders")) {
                collect(f.path(), c, strict, new ArrayList<String>(), out);
            }
        }
    }

    private static void collect(String file, XmlElement container, boolean strict, List<String> exprs, List<Appender> out) {
        for (XmlElement c : container.children()) {
            XmlElement.Attribute typeAttr = strict ? c.attributeIgnoreCase("type") : null;
            String type = typeAttr != null ? typeAttr.value().trim() : c.localName();
            String lower = c.localName().toLowerCase(Locale.ROOT);
            if (type.equalsIgnoreCase("smtp")) {
                Appender a = fromElement(file, c, typeAttr != null);
                a.profileExpressions.addAll(exprs);
                out.add(a);
            } else if (lower.equals("springprofile")) {
                List<String> inner = new ArrayList<>(exprs);
                XmlElement.Attribute name = c.attributeIgnoreCase("name");
                inner.add(name == null ? "" : name.value());
                collect(file, c, strict, inner, out);
            } else if (ARBITERS.contains(lower)) {
                collect(file, c, strict, exprs, out);
            }
        }
    }

    private static Appender fromElement(String file, XmlElement e, boolean typed) {
        Appender a = new Appender();
        a.dialect = Dialect.XML;
        a.at = SourceLocation.of(file, e.line(), e.column());
        a.atKey = e.name();
        for (XmlElement.Attribute at : e.attributes()) {
            if (typed && at.name().equalsIgnoreCase("type")) continue;
            a.attrs.put(at.name().toLowerCase(Locale.ROOT), new Val(at.name(), at.value(),
                    SourceLocation.of(file, at.line(), at.column())));
        }
        for (XmlElement c : e.children()) {
            String lower = c.localName().toLowerCase(Locale.ROOT);
            if (lower.equals("ssl")) {
                a.ssl = new Val(c.name(), "", SourceLocation.of(file, c.line(), c.column()));
                XmlElement.Attribute v = c.attributeIgnoreCase("verifyHostName");
                if (v != null) {
                    a.verifyHostName = new Val(v.name(), v.value(), SourceLocation.of(file, v.line(), v.column()));
                }
                for (XmlElement sc : c.children()) {
                    if (sc.localName().equalsIgnoreCase("verifyHostName") && sc.children().isEmpty()) {
                        a.verifyHostName = new Val(sc.name(), sc.text(), SourceLocation.of(file, sc.line(), sc.column()));
                    }
                }
            } else if (ATTRIBUTES.contains(lower) && c.children().isEmpty()) {
                // a child without a plugin of its name and with text only is an attribute (XmlConfiguration)
                a.attrs.put(lower, new Val(c.name(), c.text(), SourceLocation.of(file, c.line(), c.column())));
            }
        }
        return a;
    }

    // ---- properties

    private static void fromProperties(ConfigFile f, Map<String, String> properties, Map<String, SourceLocation> propertyAt,
                                       List<Appender> out) {
        Map<String, ConfigEntry> last = new LinkedHashMap<>();
        for (ConfigEntry e : f.entries()) {
            last.remove(e.key());
            last.put(e.key(), e);
        }
        for (ConfigEntry e : last.values()) {
            if (e.key().startsWith("property.")) {
                properties.put(e.key().substring(9), e.value());
                propertyAt.put(e.key().substring(9), at(f, e));
            }
        }
        Set<String> listed = null;
        ConfigEntry list = last.get("appenders");
        if (list != null && list.value() != null) {
            listed = new LinkedHashSet<>();
            for (String id : list.value().split(",")) listed.add(id.trim());
        }
        Map<String, Map<String, ConfigEntry>> byId = new LinkedHashMap<>();
        for (ConfigEntry e : last.values()) {
            if (!e.key().startsWith("appender.")) continue;
            String rest = e.key().substring(9);
            int dot = rest.indexOf('.');
            if (dot <= 0) continue;
            String id = rest.substring(0, dot);
            byId.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(rest.substring(dot + 1), e);
        }
        for (Map.Entry<String, Map<String, ConfigEntry>> me : byId.entrySet()) {
            String id = me.getKey();
            if (listed != null && !listed.contains(id.trim())) continue;
            ConfigEntry type = me.getValue().get("type");
            if (type == null || type.value() == null || !type.value().trim().equalsIgnoreCase("smtp")) continue;
            Appender a = new Appender();
            a.dialect = Dialect.PROPERTIES;
            a.propsPrefix = "appender." + id + ".";
            a.at = at(f, type);
            a.atKey = type.key();
            Map<String, ConfigEntry> componentTypes = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigEntry> attr : me.getValue().entrySet()) {
                String sub = attr.getKey();
                int dot = sub.indexOf('.');
                if (dot < 0) {
                    if (!sub.equals("type")) {
                        a.attrs.put(sub.toLowerCase(Locale.ROOT), new Val(attr.getValue().key(), attr.getValue().value(),
                                at(f, attr.getValue())));
                    }
                } else if (sub.substring(dot + 1).equals("type")) {
                    componentTypes.put(sub.substring(0, dot), attr.getValue());
                }
            }
            for (Map.Entry<String, ConfigEntry> ct : componentTypes.entrySet()) {
                if (ct.getValue().value() == null || !ct.getValue().value().trim().equalsIgnoreCase("ssl")) continue;
                a.ssl = new Val(ct.getValue().key(), "", at(f, ct.getValue()));
                a.sslPrefix = a.propsPrefix + ct.getKey() + ".";
                for (Map.Entry<String, ConfigEntry> attr : me.getValue().entrySet()) {
                    String sub = attr.getKey();
                    if (sub.equalsIgnoreCase(ct.getKey() + ".verifyHostName")) {
                        a.verifyHostName = new Val(attr.getValue().key(), attr.getValue().value(), at(f, attr.getValue()));
                    }
                }
            }
            out.add(a);
        }
    }

    // ---- YAML and JSON (flattened by the YAML reader: Configuration.Appenders.SMTP[0].smtpHost)

    private static void fromTree(ConfigFile f, Map<String, String> properties, Map<String, SourceLocation> propertyAt,
                                 List<Appender> out) {
        Dialect dialect = f.path().toLowerCase(Locale.ROOT).endsWith(".json") ? Dialect.JSON : Dialect.YAML;
        List<List<String[]>> paths = new ArrayList<>();
        Set<String> roots = new LinkedHashSet<>();
        for (ConfigEntry e : f.entries()) {
            List<String[]> segs = segments(e.key());
            paths.add(segs);
            if (segs != null && !segs.isEmpty()) roots.add(segs.get(0)[0] + (segs.get(0)[1] == null ? "" : "[]"));
        }
        // JsonConfiguration: a root object with one field stands for that field's value
        int skip = roots.size() == 1 && !roots.iterator().next().endsWith("[]") ? 1 : 0;
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        Map<String, List<Integer>> propertyItems = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            List<String[]> segs = paths.get(i);
            if (segs == null || segs.size() < skip + 3) continue;
            String[] s0 = segs.get(skip);
            String[] s1 = segs.get(skip + 1);
            if (s0[1] != null) continue;
            if (s0[0].equalsIgnoreCase("appenders")) {
                groups.computeIfAbsent(s1[0] + (s1[1] == null ? "" : "[" + s1[1] + "]"), k -> new ArrayList<>()).add(i);
            } else if (s0[0].equalsIgnoreCase("properties") && s1[0].equalsIgnoreCase("property")
                    && segs.size() == skip + 3) {
                propertyItems.computeIfAbsent(s1[1] == null ? "" : s1[1], k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> item : propertyItems.values()) {
            String name = null;
            String value = null;
            SourceLocation valueAt = null;
            for (int i : item) {
                String attr = paths.get(i).get(skip + 2)[0];
                if (attr.equalsIgnoreCase("name")) name = f.entries().get(i).value();
                else if (attr.equalsIgnoreCase("value")) {
                    value = f.entries().get(i).value();
                    valueAt = at(f, f.entries().get(i));
                }
            }
            if (name != null) {
                properties.put(name, value);
                if (valueAt != null) propertyAt.put(name, valueAt);
            }
        }
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> members = g.getValue();
            String[] s1 = paths.get(members.get(0)).get(skip + 1);
            String type = s1[0];
            if (s1[1] != null) {
                for (int i : members) {
                    List<String[]> segs = paths.get(i);
                    if (segs.size() == skip + 3 && segs.get(skip + 2)[1] == null
                            && segs.get(skip + 2)[0].equalsIgnoreCase("type")) {
                        String v = f.entries().get(i).value();
                        if (v != null) type = v.trim();
                    }
                }
            }
            if (!type.equalsIgnoreCase("smtp")) continue;
            Appender a = new Appender();
            a.dialect = dialect;
            a.at = at(f, f.entries().get(members.get(0)));
            a.atKey = f.entries().get(members.get(0)).key();
            for (int i : members) {
                List<String[]> segs = paths.get(i);
                ConfigEntry e = f.entries().get(i);
                String[] s2 = segs.get(skip + 2);
                if (segs.size() == skip + 3 && s2[1] == null) {
                    if (s1[1] != null && s2[0].equalsIgnoreCase("type")) continue;
                    a.attrs.put(s2[0].toLowerCase(Locale.ROOT), new Val(s2[0], e.value(), at(f, e)));
                } else if (segs.size() >= skip + 4 && s2[0].equalsIgnoreCase("ssl")) {
                    if (a.ssl == null) a.ssl = new Val(s2[0], "", at(f, e));
                    String[] s3 = segs.get(skip + 3);
                    if (segs.size() == skip + 4 && s3[1] == null && s3[0].equalsIgnoreCase("verifyHostName")) {
                        a.verifyHostName = new Val(s3[0], e.value(), at(f, e));
                    }
                }
            }
            out.add(a);
        }
    }

    /** {@code a.b[0].c} to [a, null], [b, 0], [c, null]; null for keys this reader does not follow. */
    private static List<String[]> segments(String key) {
        List<String[]> out = new ArrayList<>();
        for (String part : key.split("\\.", -1)) {
            if (part.isEmpty()) return null;
            int br = part.indexOf('[');
            if (br < 0) {
                out.add(new String[] {part, null});
            } else if (br > 0 && part.endsWith("]") && part.indexOf('[', br + 1) < 0) {
                out.add(new String[] {part.substring(0, br), part.substring(br + 1, part.length() - 1)});
            } else {
                return null;
            }
        }
        return out;
    }

    private static SourceLocation at(ConfigFile f, ConfigEntry e) {
        return SourceLocation.of(f.path(), e.line(), e.column());
    }

    // ---- evaluation

    private MailEndpoint endpoint(Appender a, String profile, Map<String, String> properties,
                                  Map<String, SourceLocation> propertyAt, ExtractContext ctx, ConfigFormat format) {
        LogPlaceholders.Lookup lookup = (prefix, name) -> {
            String v = ctx.supplied(name);
            if (v == null && prefix != null) v = ctx.supplied(prefix + ":" + name);
            if (v == null && prefix == null) v = properties.get(name);
            return v;
        };
        Map<String, Prop> p = new LinkedHashMap<>();
        for (Map.Entry<String, Val> e : a.attrs.entrySet()) {
            Val v = e.getValue();
            p.put(e.getKey(), LogPlaceholders.resolve(v.raw, LogPlaceholders.Syntax.LOG4J, lookup).prop(v.key, v.at, v.raw, format));
        }
        Prop nameProp = p.get("name");
        String name = nameProp != null && nameProp.value() != null && !nameProp.value().trim().isEmpty()
                ? nameProp.value().trim() : "?";
        Prop host = p.get("smtphost");
        SourceLocation anchor = host != null ? host.at() : a.at;
        MailEndpoint.Builder b = start("log4j2:" + name, profile, anchor, host != null ? host.key() : a.atKey);

        Prop proto = p.get("smtpprotocol");
        Protocol protocol = Protocol.SMTP;
        Setting<Protocol> protocolSetting = Setting.defaulted(Protocol.SMTP, anchor);
        boolean known = true;
        if (proto != null) {
            if (!proto.isResolved()) {
                known = false;
                unresolved(proto, "the protocol", b);
            } else {
                String v = proto.value() == null ? "" : proto.value();
                if (v.isEmpty() || v.equals("smtp")) {
                    protocolSetting = proto.setting(Protocol.SMTP);
                } else if (v.equals("smtps")) {
                    protocol = Protocol.SMTPS;
                    protocolSetting = proto.setting(Protocol.SMTPS);
                } else {
                    known = false;
                    b.diagnostic(Diagnostic.of(Reason.UNKNOWN_PROTOCOL, Library.LOG4J2, proto.key(), proto.at()).value(v)
                            .decisive(true));
                }
            }
        }

        Setting<Integer> connectPort = null;
        Prop port = p.get("smtpport");
        if (port != null) {
            if (!port.isResolved()) {
                connectPort = port.setting(null);
            } else if (port.value() != null && !port.value().trim().isEmpty()) { // empty: the default, as unset
                Integer n = port(port, b);
                if (n != null && n > 0 && n <= 65535) connectPort = port.setting(n); // 0 is unset
            }
        }

        Map<String, Prop> keys = new LinkedHashMap<>();
        boolean sslFactory = false;
        if (a.ssl != null && known) {
            if (protocol == Protocol.SMTPS) {
                sslFactory = true;
                Prop sslProp = new Prop(a.ssl.key, a.ssl.at, "", "", io.github.mailports.model.Origin.EXPLICIT, null, format);
                Prop check;
                // Log4j up to 2.25.3 ignores the attribute (LibraryVersions.Behaviour.LOG4J2_VERIFY_HOSTNAME_IGNORED)
                boolean ignoresVerifyHostName = ctx.libraries().holds(LibraryVersions.Behaviour.LOG4J2_VERIFY_HOSTNAME_IGNORED,
                        "org.apache.logging.log4j:log4j-core");
                if (a.verifyHostName == null) {
                    check = sslProp.as("false");
                } else {
                    Val v = a.verifyHostName;
                    Prop vp = LogPlaceholders.resolve(v.raw, LogPlaceholders.Syntax.LOG4J, lookup).prop(v.key, v.at, v.raw, format);
                    if (!vp.isResolved()) {
                        check = vp;
                    } else {
                        check = vp.as(String.valueOf(bool(vp, false, b)));
                        if (ignoresVerifyHostName) check = vp.as("false"); // the SMTP appender writes false whatever it says
                    }
                }
                keys.put("mail.smtps.ssl.checkserveridentity", check);
            } else {
                String ssl = a.dialect == Dialect.XML ? "<" + a.ssl.key + ">" : a.ssl.key;
                b.diagnostic(Diagnostic.of(Reason.SSL_WITHOUT_SMTPS, Library.LOG4J2, a.ssl.key, a.ssl.at).detail(ssl));
            }
        }

        JakartaMail.Input in = new JakartaMail.Input(protocolSetting, keys, "");
        in.connectHost = host(host, "smtpUsername", "smtpPassword", b);
        in.connectPort = connectPort;
        in.user = p.get("smtpusername");
        in.password = p.get("smtppassword");
        in.siblingIgnored = true;
        in.sslFactoryObject = sslFactory;
        session(in, b);
        SourceLocation literal = literalProperty(in.password, properties, propertyAt, ctx);
        if (literal != null) b.literalPassword(Setting.of(Boolean.TRUE, Origin.EXPLICIT, "Property", literal));
        if (proto != null && !known) {
            b.encryption(proto.setting(Encryption.UNKNOWN));
        } else if (protocol == Protocol.SMTP && protocolSetting.isWritten()) {
            b.encryption(proto.setting(Encryption.NONE)); // smtpProtocol="smtp": Log4j has no STARTTLS option
        }
        b.fixes(new Log4j2Fixes(a.dialect, a.propsPrefix, a.sslPrefix).of(protocol));
        return b.build();
    }

    /**
     * Where a password given as {@code ${name}} is written, when {@code name} is a property of this configuration
     * with a literal value (not supplied through the plugin's properties); else null. Lookups with a prefix
     * ({@code ${env:...}}, {@code ${sys:...}}) and defaults are not the configuration's own literal.
     */
    private static SourceLocation literalProperty(Prop password, Map<String, String> properties,
                                                  Map<String, SourceLocation> propertyAt, ExtractContext ctx) {
        String name = password == null ? null : LogPlaceholders.soleVariable(password.raw());
        if (name == null || name.contains(":") || ctx.supplied(name) != null) return null;
        String value = properties.get(name);
        if (value == null || value.isEmpty() || value.contains("${")) return null;
        return propertyAt.get(name);
    }

    /** Fixes as attributes of the SMTP appender in the file's own dialect. */
    static final class Log4j2Fixes {
        private final Dialect dialect;
        private final String propsPrefix;
        private final String sslPrefix;

        Log4j2Fixes(Dialect dialect, String propsPrefix, String sslPrefix) {
            this.dialect = dialect;
            this.propsPrefix = propsPrefix;
            this.sslPrefix = sslPrefix;
        }

        Fixes of(Protocol protocol) {
            Syntax syntax = dialect == Dialect.XML ? Syntax.XML_ATTRIBUTE : dialect == Dialect.YAML ? Syntax.YAML
                    : dialect == Dialect.JSON ? Syntax.JSON : Syntax.SPACED_PROPERTIES;
            return Fixes.of(syntax, r -> fix(r, protocol.id()));
        }

        /** An attribute of the appender; in properties, under the appender's prefix. */
        private Fix.Assignment set(String attr, String value) {
            return Fix.set(dialect == Dialect.PROPERTIES ? propsPrefix + attr : attr, value);
        }

        /** verifyHostName on the appender's Ssl element, which each dialect nests its own way. */
        private String verify() {
            switch (dialect) {
                case XML:
                    return "verifyHostName=\"true\" on <Ssl>";
                case YAML:
                    return "verifyHostName: true under Ssl";
                case JSON:
                    return "\"verifyHostName\": true in \"Ssl\"";
                default:
                    return (sslPrefix.isEmpty() ? propsPrefix + "ssl." : sslPrefix) + "verifyHostName = true";
            }
        }

        private Fix fix(Remedy remedy, String p) {
            switch (remedy) {
                case ENCRYPT:
                    return Fix.of("set ", set("smtpProtocol", "smtps"), " and ", set("smtpPort", "465"),
                            " (Log4j's SMTP appender has no STARTTLS option)");
                case ENABLE_IMPLICIT_TLS:
                    return Fix.of("set ", set("smtpProtocol", "smtps"), " (Log4j's SMTP appender has no STARTTLS option)");
                case REQUIRE_STARTTLS:
                    return Fix.of("Log4j cannot require STARTTLS: set ", set("smtpProtocol", "smtps"), " with port 465");
                case USE_IMPLICIT_TLS_PORT:
                    return Fix.of("set ", set("smtpPort", "465"), " or remove it (smtps defaults to 465)");
                case USE_PROTOCOL_PORT:
                case USE_SUBMISSION_PORT:
                case PREFER_IMPLICIT_TLS:
                    return Fix.of("set ", set("smtpPort", "465"), " with ", set("smtpProtocol", "smtps"));
                case ENABLE_IDENTITY_CHECK:
                    return Fix.of("set " + verify() + ", with Log4j 2.25.4 or newer (older versions ignore the attribute,"
                            + " CVE-2026-34477)");
                case VERIFY_CERTIFICATES:
                    return Fix.of("remove -Dmail." + p + ".ssl.trust from the JVM options and give the Ssl element a TrustStore"
                            + " with the server's CA");
                case SET_TIMEOUTS:
                    return Fix.of("Log4j has no timeout attributes: start the JVM with -Dmail." + p + ".connectiontimeout=10000"
                            + " -Dmail." + p + ".timeout=10000 -Dmail." + p + ".writetimeout=10000 (milliseconds)");
                case EXTERNALISE_PASSWORD:
                    return Fix.of("use a lookup such as ", set("smtpPassword", "${env:SMTP_PASSWORD}"),
                            " and supply the value from the environment or a secret store");
                default:
                    return null;
            }
        }
    }
}
