package io.github.mailports.extract;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigFormat;
import io.github.mailports.config.JavaCode;
import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Origin;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mail settings written in Java code ({@link JavaCode}, read by {@code config.JavaReader}): each group becomes the
 * Jakarta Mail session its library really builds from it, and is judged by the same rules as a file.
 * <ul>
 *   <li>{@code Properties} with {@code mail.*} keys: the keys as put, the protocol from {@code mail.transport.protocol}
 *       or {@code session.getTransport("smtps")}, host and port from {@code transport.connect(host, port, ...)} when
 *       the code passes them;</li>
 *   <li>Spring's {@code JavaMailSenderImpl}: host, port, user and password go to {@code connect()}, the protocol
 *       (default smtp) decides which keys of {@code setJavaMailProperties}/{@code getJavaMailProperties()} count;</li>
 *   <li>Commons Email: the keys {@code Email.getMailSession()} writes (1.x {@code org.apache.commons.mail} and 2.x
 *       {@code org.apache.commons.mail2.*}, same code): {@code mail.smtp.port} is {@code setSmtpPort} (default 25), or
 *       {@code setSslSmtpPort} (default 465) with {@code setSSLOnConnect(true)}, which also writes
 *       {@code socketFactory.class=javax.net.ssl.SSLSocketFactory} and {@code socketFactory.fallback=false};
 *       STARTTLS enable/required from their setters (default false); {@code ssl.checkserveridentity=true} only when
 *       {@code setSSLCheckServerIdentity(true)} (default false) and SSL or STARTTLS is on; timeouts 60 s by default;</li>
 *   <li>Simple Java Mail's {@code MailerBuilder} (5.0 and later; 4.x has no builder): strategy {@code SMTP} (default,
 *       STARTTLS if offered, port 25), {@code SMTPS} (465), {@code SMTP_TLS} and {@code SMTP_OAUTH2} (STARTTLS
 *       required, 587); {@code verifyingServerIdentity} (default true) and {@code trustingAllHosts} written by the
 *       library on every session.</li>
 * </ul>
 * A value the code computes is unknown (an unresolved setting): the endpoint is judged on what is written, and where
 * the unknown value decides the port or the encryption an MP017 note says so. A host the code computes is "the host
 * your code passes".
 */
public final class JavaCodeExtractor implements Extractor {
    static final String SOURCE = "java";

    @Override
    public String source() { return SOURCE; }

    @Override
    public List<MailEndpoint> extract(ConfigUnit unit, ExtractContext ctx) {
        List<MailEndpoint> out = new ArrayList<>();
        Map<String, String> constants = new HashMap<>();
        for (ConfigFile f : unit.files()) {
            if (f.java() == null) continue;
            constants.putAll(f.java().constants());
            for (JavaCode.Read r : f.java().reads()) ctx.codeReads().add(ConfigUnit.moduleRoot(f.path()), r);
        }
        for (ConfigFile f : unit.files()) {
            if (f.java() == null) continue;
            for (JavaCode.Group g : f.java().groups()) {
                try {
                    new Group(f, g, constants, ctx).endpoints(out);
                } catch (RuntimeException e) {
                    // an odd shape of code must not stop the run: this group is left out, the others are judged
                }
            }
        }
        return out;
    }

    /** One group's evaluation. */
    private static final class Group {
        private final ConfigFile file;
        private final JavaCode.Group g;
        private final Map<String, String> constants;

        Group(ConfigFile file, JavaCode.Group g, Map<String, String> constants, ExtractContext ctx) {
            this.file = file;
            this.g = g;
            this.constants = constants;
        }

        SourceLocation at(int line, int column) { return SourceLocation.of(file.path(), line, column); }

        SourceLocation at(JavaCode.Call c) { return at(c.line(), c.column()); }

        /** The literal of a value (a constant of the module looked up), or null. */
        String literal(JavaCode.Value v) {
            if (v.isLiteral()) return v.literal();
            return v.constant() == null ? null : constants.get(v.constant());
        }

        Prop prop(String key, JavaCode.Value v, SourceLocation at) {
            String lit = literal(v);
            if (lit != null) return new Prop(key, at, lit, lit, Origin.EXPLICIT, null, ConfigFormat.JAVA);
            return new Prop(key, at, null, null, Origin.UNRESOLVED, v.code(), ConfigFormat.JAVA);
        }

        /** A value the library writes itself, at the call that makes it do so (or the group's start). */
        Prop written(String key, String value, SourceLocation at) {
            return new Prop(key, at, value, value, Origin.EXPLICIT, null, ConfigFormat.JAVA);
        }

        Prop defaulted(String key, String value) {
            return new Prop(key, anchor(), value, value, Origin.DEFAULT, null, ConfigFormat.JAVA);
        }

        SourceLocation anchor() {
            return g.sessionLine() > 0 ? at(g.sessionLine(), g.sessionColumn()) : at(g.line(), g.column());
        }

        String id() {
            return g.type() == null || simple(g.type()).equals(g.name()) ? g.name() : simple(g.type()) + " " + g.name();
        }

        void endpoints(List<MailEndpoint> out) {
            switch (g.api()) {
                case PROPERTIES:
                    properties(out);
                    break;
                case SPRING_SENDER:
                    spring(out);
                    break;
                case COMMONS_EMAIL:
                    commons(out);
                    break;
                case SIMPLE_JAVA_MAIL:
                    simpleJavaMail(out);
                    break;
                default:
                    break;
            }
        }

        /** The {@code mail.*} keys the puts of the group write, later puts winning; computed key names apart. */
        Map<String, Prop> puts(List<JavaCode.Call> computedKeys) {
            Map<String, Prop> keys = new LinkedHashMap<>();
            for (JavaCode.Call c : g.calls()) {
                if (!c.method().equals("put") && !c.method().equals("setProperty") || c.args().size() != 2) continue;
                String key = literal(c.args().get(0));
                if (key == null) {
                    if (c.args().get(0).constant() == null) computedKeys.add(c);
                    continue;
                }
                if (!key.startsWith("mail.")) continue;
                keys.remove(key);
                keys.put(key, prop(key, c.args().get(1), at(c)));
            }
            return keys;
        }

        // ---- java.util.Properties

        private void properties(List<MailEndpoint> out) {
            List<JavaCode.Call> computedKeys = new ArrayList<>();
            Map<String, Prop> keys = puts(computedKeys);
            if (keys.isEmpty() && computedKeys.isEmpty()) return;
            Set<Protocol> chosen = new LinkedHashSet<>();
            boolean decided = false;
            Prop protocolKey = keys.get("mail.transport.protocol");
            Protocol fromTransport = g.transportProtocol() == null ? null : Protocol.fromId(g.transportProtocol());
            Setting<Protocol> protocolSetting = null;
            if (fromTransport != null) {
                chosen.add(fromTransport);
                decided = true;
            } else if (protocolKey != null && protocolKey.isResolved() && protocolKey.value() != null
                    && Protocol.fromId(protocolKey.value().trim()) != null) {
                Protocol p = Protocol.fromId(protocolKey.value().trim());
                chosen.add(p);
                protocolSetting = protocolKey.setting(p);
                decided = true;
            }
            if (!decided) {
                for (String k : keys.keySet()) {
                    int dot = k.indexOf('.', 5);
                    Protocol p = dot > 5 ? Protocol.fromId(k.substring(5, dot)) : null;
                    if (p != null) chosen.add(p);
                }
                if (chosen.isEmpty()) chosen.add(Protocol.SMTP); // Transport.send: the smtp provider
            }
            for (Protocol p : chosen) {
                MailEndpoint.Builder b = MailEndpoint.builder(id() + (chosen.size() > 1 ? " (" + p.id() + ")" : ""), SOURCE,
                        anchorOf(keys, p)).profile(MailEndpoint.DEFAULT_PROFILE).anchorKey(anchorKey(keys, p));
                Setting<Protocol> protocol = protocolSetting != null ? protocolSetting : Setting.defaulted(p, b.anchor());
                Map<String, Prop> session = new LinkedHashMap<>();
                Prop password = null;
                for (Map.Entry<String, Prop> e : keys.entrySet()) {
                    if (e.getKey().equals("mail." + p.id() + ".password")) password = e.getValue();
                    else session.put(e.getKey(), e.getValue());
                }
                JakartaMail.Input in = input(p, protocol, session);
                in.password = password;
                in.siblingIgnored = decided;
                connect(in);
                for (JavaCode.Call c : computedKeys) { // "mail." + protocol + ".ssl.enable": which key is unknown
                    in.keys.put("mail." + p.id() + ".ssl.enable", new Prop("mail." + p.id() + ".ssl.enable", at(c), null, null,
                            Origin.UNRESOLVED, c.args().get(0).code(), ConfigFormat.JAVA));
                    break;
                }
                b.protocol(protocol);
                JakartaMail.evaluate(in, b);
                if (!opened(b)) identityOffByDefault(b, in, p);
                JavaCode.Call c = g.connect();
                fixes(b, new JavaFixes(g.api(), g.name(), c != null && c.args().size() >= 4 ? c.receiver() + ".connect" : null));
                out.add(b.build());
            }
        }

        private SourceLocation anchorOf(Map<String, Prop> keys, Protocol p) {
            Prop host = keys.get("mail." + p.id() + ".host");
            if (host == null) host = keys.get("mail.host");
            return host != null ? host.at() : anchor();
        }

        private String anchorKey(Map<String, Prop> keys, Protocol p) {
            Prop host = keys.get("mail." + p.id() + ".host");
            if (host == null) host = keys.get("mail.host");
            return host != null ? host.key() : null;
        }

        private JakartaMail.Input input(Protocol p, Setting<Protocol> protocol, Map<String, Prop> keys) {
            JakartaMail.Input in = new JakartaMail.Input(protocol.value() == p ? protocol : Setting.defaulted(p, protocol.location()),
                    keys, "");
            in.hostFromCode = true;
            in.code = true;
            return in;
        }

        /** {@code transport.connect(host, port, user, password)} or {@code connect(host, user, password)}. */
        private void connect(JakartaMail.Input in) {
            JavaCode.Call c = g.connect();
            if (c == null) return;
            SourceLocation at = at(c);
            String name = c.receiver() + ".connect";
            in.connectHost = prop(name, c.args().get(0), at);
            if (c.args().size() >= 4) {
                Prop port = prop(name, c.args().get(1), at);
                in.connectPortProp = port;
                in.connectPort = port.isResolved() ? port.setting(parsePort(port.value())) : port.setting((Integer) null);
                in.user = prop(name, c.args().get(2), at);
                in.password = prop(name, c.args().get(3), at);
            } else {
                in.user = prop(name, c.args().get(1), at);
                in.password = prop(name, c.args().get(2), at);
            }
        }

        /**
         * A group whose keys may also come from code the reader does not follow ({@link JavaCode.Group#openedBy()}):
         * what it leaves to the library's defaults (encryption, port, timeouts) is unknown, not the default, and one
         * MP017 note says so. Returns whether the group is open.
         */
        /** Attaches the fixes, which need the endpoint as built (its protocol and encryption). */
        private void fixes(MailEndpoint.Builder b, JavaFixes fixes) {
            b.fixes(fixes.of(b.build()));
        }

        private boolean opened(MailEndpoint.Builder b) {
            if (g.openedBy() == null) return false;
            MailEndpoint probe = b.build();
            SourceLocation at = at(g.openLine(), g.openColumn());
            List<String> unknown = new ArrayList<>();
            if (probe.encryption().origin() == Origin.DEFAULT) {
                b.encryption(Setting.of(io.github.mailports.model.Encryption.UNKNOWN, Origin.UNRESOLVED, null, at));
                unknown.add("the encryption");
            }
            if (probe.port().origin() == Origin.DEFAULT) {
                b.port(Setting.<Integer>of(null, Origin.UNRESOLVED, null, at));
                unknown.add("the port");
            }
            if (probe.timeouts() != null && !Boolean.TRUE.equals(probe.timeouts().value())) b.timeouts(null);
            if (!unknown.isEmpty()) {
                b.diagnostic(Diagnostic.of(Diagnostic.Reason.SETTINGS_FROM_CODE, Diagnostic.Library.JAVA_CODE, null, at)
                        .detail(g.openedBy()).other(String.join(" and ", unknown)));
            }
            return true;
        }

        /**
         * {@code javax.mail} (JavaMail 1.x, Jakarta Mail 1.6, which Commons Email 1.x runs on) never checks the server's
         * host name unless {@code mail.<p>.ssl.checkserveridentity=true}: in a file that imports {@code javax.mail}, TLS
         * without that key is unchecked, whatever the project's versions say. Reported at the call that turns TLS on.
         */
        private void identityOffByDefault(MailEndpoint.Builder b, JakartaMail.Input in, Protocol p) {
            if (!javaxMail() || in.keys.containsKey("mail." + p.id() + ".ssl.checkserveridentity")) return;
            MailEndpoint probe = b.build();
            if (!probe.encryption().isKnown() || probe.encryption().value() == io.github.mailports.model.Encryption.NONE
                    || probe.encryption().value() == io.github.mailports.model.Encryption.UNKNOWN) return;
            Setting<?> on = probe.encryption();
            b.identityCheck(Setting.of(Boolean.FALSE, Origin.DEFAULT, "mail." + p.id() + ".ssl.checkserveridentity", on.location()));
        }

        private boolean javaxMail() {
            return g.type() != null && g.type().startsWith("javax:")
                    || g.api() == JavaCode.Api.COMMONS_EMAIL && g.type() != null && !g.type().contains("mail2.jakarta");
        }

        // ---- Spring JavaMailSenderImpl

        private void spring(List<MailEndpoint> out) {
            Map<String, JavaCode.Call> setters = new LinkedHashMap<>();
            for (JavaCode.Call c : g.calls()) {
                if (c.method().startsWith("set") && c.args().size() == 1) setters.put(c.method(), c);
            }
            JavaCode.Call protocolCall = setters.get("setProtocol");
            Protocol p = Protocol.SMTP;
            Prop protocolProp = protocolCall == null ? null : prop(name("setProtocol"), protocolCall.args().get(0), at(protocolCall));
            if (protocolProp != null && protocolProp.isResolved()) {
                Protocol named = Protocol.fromId(protocolProp.value().trim());
                if (named != null) p = named;
            }
            JavaCode.Call hostCall = setters.get("setHost");
            SourceLocation anchor = hostCall != null ? at(hostCall) : at(g.line(), g.column());
            MailEndpoint.Builder b = MailEndpoint.builder(id(), SOURCE, anchor).profile(MailEndpoint.DEFAULT_PROFILE)
                    .anchorKey(hostCall != null ? name("setHost") : null);
            Setting<Protocol> protocol = protocolProp != null && protocolProp.isResolved() && Protocol.fromId(protocolProp.value().trim()) == p
                    ? protocolProp.setting(p) : Setting.defaulted(p, anchor);
            Map<String, Prop> keys = puts(new ArrayList<JavaCode.Call>());
            JakartaMail.Input in = input(p, protocol, keys);
            in.siblingIgnored = true;
            if (hostCall != null) in.connectHost = prop(name("setHost"), hostCall.args().get(0), at(hostCall));
            JavaCode.Call portCall = setters.get("setPort");
            if (portCall != null) {
                Prop port = prop(name("setPort"), portCall.args().get(0), at(portCall));
                in.connectPortProp = port;
                in.connectPort = port.isResolved() ? port.setting(parsePort(port.value())) : port.setting((Integer) null);
            }
            JavaCode.Call user = setters.get("setUsername");
            JavaCode.Call password = setters.get("setPassword");
            if (user != null) in.user = prop(name("setUsername"), user.args().get(0), at(user));
            if (password != null) in.password = prop(name("setPassword"), password.args().get(0), at(password));
            if (protocolProp != null && !protocolProp.isResolved()) in.unresolvedProtocol = protocolProp;
            b.protocol(protocol);
            JakartaMail.evaluate(in, b);
            boolean opened = opened(b);
            if (protocolProp != null && protocolProp.isResolved() && Protocol.fromId(protocolProp.value().trim()) == null) {
                b.diagnostic(Diagnostic.of(Diagnostic.Reason.UNKNOWN_PROTOCOL, Diagnostic.Library.JAVA_CODE, protocolProp.key(),
                        protocolProp.at()).value(protocolProp.value()).decisive(true));
            }
            if (!opened) identityOffByDefault(b, in, p);
            fixes(b, new JavaFixes(g.api(), g.name(), portCall != null || !hasKey(keys, p, "port")
                    ? g.name() + ".setPort" : null));
            out.add(b.build());
        }

        private static boolean hasKey(Map<String, Prop> keys, Protocol p, String suffix) {
            return keys.containsKey("mail." + p.id() + "." + suffix);
        }

        private String name(String method) { return g.name() + "." + method; }

        // ---- Commons Email

        private void commons(List<MailEndpoint> out) {
            Map<String, JavaCode.Call> setters = new LinkedHashMap<>();
            for (JavaCode.Call c : g.calls()) setters.put(c.method(), c);
            String px = "mail.smtp.";
            Map<String, Prop> keys = new LinkedHashMap<>();
            JavaCode.Call host = setters.get("setHostName");
            SourceLocation anchor = host != null ? at(host) : at(g.line(), g.column());
            MailEndpoint.Builder b = MailEndpoint.builder(id(), SOURCE, anchor).profile(MailEndpoint.DEFAULT_PROFILE)
                    .anchorKey(host != null ? name("setHostName") : null);
            if (host != null) keys.put(px + "host", prop(name("setHostName"), host.args().get(0), at(host)));
            Prop ssl = bool(setters, "setSSLOnConnect", "setSSL");
            Prop startEnable = bool(setters, "setStartTLSEnabled", "setTLS");
            Prop startRequired = bool(setters, "setStartTLSRequired", null);
            Prop check = bool(setters, "setSSLCheckServerIdentity", null);
            JavaCode.Call port = setters.get("setSmtpPort");
            JavaCode.Call sslPort = setters.get("setSslSmtpPort");
            Prop plainPort = port != null ? prop(name("setSmtpPort"), port.args().get(0), at(port)) : defaulted(name("setSmtpPort"), "25");
            Prop tlsPort = sslPort != null ? prop(name("setSslSmtpPort"), sslPort.args().get(0), at(sslPort))
                    : defaulted(name("setSslSmtpPort"), "465");
            keys.put(px + "starttls.enable", startEnable != null ? startEnable : defaulted(name("setStartTLSEnabled"), "false"));
            keys.put(px + "starttls.required", startRequired != null ? startRequired : defaulted(name("setStartTLSRequired"), "false"));
            boolean sslOn = ssl != null && ssl.isResolved() && "true".equals(ssl.value());
            if (ssl != null && !ssl.isResolved()) { // computed: either port, and TLS or not
                keys.put(px + "socketFactory.class", ssl);
                keys.put(px + "port", ssl);
            } else if (sslOn) {
                if (port != null) { // Email.getMailSession overwrites mail.smtp.port with the SSL port (1.6.0)
                    b.diagnostic(Diagnostic.of(Diagnostic.Reason.PORT_REPLACED_BY_SSL_PORT, Diagnostic.Library.JAVA_CODE,
                            name("setSmtpPort"), at(port)).other(tlsPort.isResolved() ? tlsPort.value() : "set in code"));
                }
                keys.put(px + "port", tlsPort);
                keys.put(px + "socketFactory.port", tlsPort);
                keys.put(px + "socketFactory.class", ssl.as("javax.net.ssl.SSLSocketFactory"));
                keys.put(px + "socketFactory.fallback", ssl.as("false"));
            } else {
                keys.put(px + "port", plainPort);
            }
            boolean tlsOn = sslOn || startEnable != null && startEnable.isResolved() && "true".equals(startEnable.value());
            if (check != null && tlsOn) keys.put(px + "ssl.checkserveridentity", check.isResolved() ? check : check);
            // socketTimeout and socketConnectionTimeout: 60 s unless set (EmailConstants.SOCKET_TIMEOUT_MS)
            timeout(setters, keys, "setSocketTimeout", px + "timeout");
            timeout(setters, keys, "setSocketConnectionTimeout", px + "connectiontimeout");
            JavaCode.Call auth = setters.containsKey("setAuthentication") ? setters.get("setAuthentication") : setters.get("setAuthenticator");
            if (auth != null) keys.put(px + "auth", written(name(auth.method()), "true", at(auth)));
            JakartaMail.Input in = input(Protocol.SMTP, Setting.defaulted(Protocol.SMTP, anchor), keys);
            in.siblingIgnored = true;
            if (auth != null && auth.args().size() == 2) { // setAuthentication(u, p), setAuthenticator(new DefaultAuthenticator(u, p))
                in.password = prop(name(auth.method()), auth.args().get(1), at(auth));
            }
            b.protocol(in.protocolSetting);
            JakartaMail.evaluate(in, b);
            boolean requiredOnly = !sslOn && !isTrue(startEnable) && isTrue(startRequired);
            if (!opened(b) && !keys.containsKey(px + "ssl.checkserveridentity")) {
                commonsIdentity(b, ssl, startEnable, startRequired, check, sslOn);
            }
            fixes(b, new JavaFixes(g.api(), g.name(), sslOn ? g.name() + ".setSslSmtpPort" : g.name() + ".setSmtpPort")
                    .startTlsOnlyRequired(requiredOnly));
            out.add(b.build());
        }

        /** Commons Email 1.x and 2.x javax: {@code sslCheckServerIdentity} defaults to false and javax.mail does not check. */
        private void commonsIdentity(MailEndpoint.Builder b, Prop ssl, Prop startEnable, Prop startRequired, Prop check, boolean sslOn) {
            if (!javaxMail()) return;
            Prop on = sslOn ? ssl : isTrue(startEnable) ? startEnable : isTrue(startRequired) ? startRequired : null;
            if (on == null) return;
            if (isTrue(check)) {
                // setStartTLSRequired(true) alone upgrades (starttls.required), but Email.getMailSession writes the check
                // only "if ((isSSLOnConnect() || isStartTLSEnabled()) && isSSLCheckServerIdentity())" (commons-email
                // 1.6.0; shown by JavaCodeRuntimeTruthTest): the call is ignored
                b.identityCheck(Setting.of(Boolean.FALSE, Origin.DEFAULT, "mail.smtp.ssl.checkserveridentity ("
                        + name("setSSLCheckServerIdentity") + "(true) is ignored without " + name("setStartTLSEnabled") + "(true))",
                        check.at()));
                return;
            }
            b.identityCheck(Setting.of(Boolean.FALSE, Origin.DEFAULT, name("setSSLCheckServerIdentity"), on.at()));
        }

        private static boolean isTrue(Prop p) {
            return p != null && p.isResolved() && "true".equals(p.value());
        }

        private void timeout(Map<String, JavaCode.Call> setters, Map<String, Prop> keys, String setter, String key) {
            JavaCode.Call c = setters.get(setter);
            keys.put(key, c != null ? prop(name(setter), c.args().get(0), at(c)) : defaulted(name(setter), "60000"));
        }

        /** A boolean setter's argument (the deprecated alias too), or null when neither is called. */
        private Prop bool(Map<String, JavaCode.Call> setters, String setter, String alias) {
            JavaCode.Call c = setters.get(setter);
            String n = setter;
            if (c == null && alias != null) {
                c = setters.get(alias);
                n = alias;
            }
            if (c == null || c.args().size() != 1) return null;
            return prop(name(n), c.args().get(0), at(c));
        }

        // ---- Simple Java Mail

        private void simpleJavaMail(List<MailEndpoint> out) {
            Map<String, JavaCode.Call> calls = new LinkedHashMap<>();
            for (JavaCode.Call c : g.calls()) calls.put(c.method(), c);
            JavaCode.Call server = calls.get("withSMTPServer");
            JavaCode.Call strategyCall = calls.get("withTransportStrategy");
            Prop strategy = strategyCall == null || strategyCall.args().size() != 1 ? null
                    : prop(".withTransportStrategy", strategyCall.args().get(0), at(strategyCall));
            Prop host = null;
            Prop port = null;
            Prop user = null;
            Prop password = null;
            if (server != null && !server.args().isEmpty()) {
                host = prop(".withSMTPServer", server.args().get(0), at(server));
                if (server.args().size() >= 2) port = prop(".withSMTPServer", server.args().get(1), at(server));
                if (server.args().size() >= 3) user = prop(".withSMTPServer", server.args().get(2), at(server));
                if (server.args().size() >= 4) password = prop(".withSMTPServer", server.args().get(3), at(server));
            }
            host = arg(calls, "withSMTPServerHost", host);
            port = arg(calls, "withSMTPServerPort", port);
            user = arg(calls, "withSMTPServerUsername", user);
            password = arg(calls, "withSMTPServerPassword", password);
            SourceLocation anchor = host != null ? host.at() : at(g.line(), g.column());
            MailEndpoint.Builder b = MailEndpoint.builder(id(), SOURCE, anchor).profile(MailEndpoint.DEFAULT_PROFILE)
                    .anchorKey(host != null ? host.key() : null);
            String s = strategy == null ? "SMTP" : strategy.isResolved() ? strategy.value() : null;
            Protocol p = "SMTPS".equals(s) ? Protocol.SMTPS : Protocol.SMTP;
            Setting<Protocol> protocol = strategy != null && strategy.isResolved() ? strategy.setting(p) : Setting.defaulted(p, anchor);
            String px = "mail." + p.id() + ".";
            Map<String, Prop> keys = new LinkedHashMap<>();
            Prop cause = strategy != null ? strategy : new Prop(".withTransportStrategy", anchor, "SMTP", "SMTP", Origin.DEFAULT,
                    null, ConfigFormat.JAVA);
            if (s == null) {
                keys.put(px + "starttls.enable", strategy); // a computed strategy decides everything it sets
            } else if (s.equals("SMTP")) { // opportunistic TLS: STARTTLS when offered (opportunistic.tls default true)
                keys.put(px + "starttls.enable", cause.as("true"));
                keys.put(px + "starttls.required", cause.as("false"));
            } else if (s.startsWith("SMTP_")) {
                keys.put(px + "starttls.enable", cause.as("true"));
                keys.put(px + "starttls.required", cause.as("true"));
            }
            if (host != null) keys.put(px + "host", host);
            int defaultPort = p == Protocol.SMTPS ? 465 : s != null && s.startsWith("SMTP_") ? 587 : 25;
            keys.put(px + "port", port != null ? port : cause.as(String.valueOf(defaultPort)));
            if (user != null) keys.put(px + "user", user);
            if (password != null && !"SMTP_OAUTH2".equals(s)) keys.put(px + "auth", password.isResolved() ? password.as("true") : password);
            // the mailer writes these on every session: session timeout 60 s, identity check (default true), trust
            keys.put(px + "connectiontimeout", defaulted(".withSessionTimeout", "60000"));
            keys.put(px + "timeout", defaulted(".withSessionTimeout", "60000"));
            JavaCode.Call verify = calls.get("verifyingServerIdentity");
            keys.put(px + "ssl.checkserveridentity", verify != null && verify.args().size() == 1
                    ? prop(".verifyingServerIdentity", verify.args().get(0), at(verify)) : defaulted(".verifyingServerIdentity", "true"));
            JavaCode.Call trustAll = calls.get("trustingAllHosts");
            if (trustAll != null && trustAll.args().size() == 1) {
                Prop t = prop(".trustingAllHosts", trustAll.args().get(0), at(trustAll));
                if (!t.isResolved()) keys.put(px + "ssl.trust", t);
                else if ("true".equals(t.value())) keys.put(px + "ssl.trust", t.as("*"));
            }
            JakartaMail.Input in = input(p, protocol, keys);
            in.siblingIgnored = true;
            in.user = user;
            in.password = password;
            b.protocol(protocol);
            JakartaMail.evaluate(in, b);
            if (strategy != null && !strategy.isResolved() && port == null) b.port(strategy.setting((Integer) null));
            fixes(b, new JavaFixes(g.api(), "MailerBuilder", null));
            out.add(b.build());
        }

        private Prop arg(Map<String, JavaCode.Call> calls, String method, Prop otherwise) {
            JavaCode.Call c = calls.get(method);
            if (c == null || c.args().size() != 1) return otherwise;
            return prop("." + method, c.args().get(0), at(c));
        }
    }

    private static Integer parsePort(String v) {
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String simple(String type) {
        int colon = type.indexOf(':');
        String t = colon >= 0 ? type.substring(colon + 1) : type;
        return t.substring(t.lastIndexOf('.') + 1);
    }
}
