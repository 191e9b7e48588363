package io.github.mailports.extract;

import io.github.mailports.config.ConfigFormat;
import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Library;
import io.github.mailports.model.Diagnostic.Reason;
import io.github.mailports.model.Fix;
import io.github.mailports.model.Fixes;
import io.github.mailports.model.LibraryVersions;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Origin;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Simple Java Mail: {@code simplejavamail.properties} on the classpath, and the same keys in Spring
 * configuration (its Spring module reads them from the Spring {@code Environment}). The mailer builds a
 * Jakarta Mail session (sources: {@code ConfigLoader}, {@code PropertySchema}, {@code TransportStrategy},
 * {@code MailerImpl}):
 * <ul>
 *   <li>{@code simplejavamail.transportstrategy} is parsed with {@code Enum.valueOf}, so only the exact names
 *       {@code SMTP} (the default), {@code SMTPS}, {@code SMTP_TLS} and {@code SMTP_OAUTH2} work;</li>
 *   <li>{@code SMTP} sets {@code mail.smtp.starttls.enable=true} and {@code starttls.required=false}
 *       (opportunistic TLS) unless {@code simplejavamail.opportunistic.tls=false}, which leaves cleartext;
 *       {@code SMTPS} uses protocol {@code smtps}; {@code SMTP_TLS} and {@code SMTP_OAUTH2} require STARTTLS;
 *       the default ports are 25, 465, 587 and 587;</li>
 *   <li>{@code simplejavamail.extraproperties.*} are copied into the session after the strategy's keys, and
 *       then the mailer overwrites the timeouts ({@code defaults.sessiontimeoutmillis}, default 60 000 ms),
 *       {@code ssl.trust} ({@code defaults.trustallhosts} gives {@code *}, else {@code defaults.trustedhosts})
 *       and {@code ssl.checkserveridentity} ({@code defaults.verifyserveridentity}, default true);</li>
 *   <li>booleans are {@code true/yes/1} or {@code false/no/0}; any other value, a non-integer number and,
 *       in {@code simplejavamail.properties}, any key the library does not know make loading fail.</li>
 * </ul>
 */
public final class SimpleJavaMailExtractor extends Source {
    static final String ID = "simplejavamail";
    static final String FILE_NAME = "simplejavamail.properties";
    private static final String PREFIX = "simplejavamail.";
    private static final String EXTRA = "simplejavamail.extraproperties.";
    private static final Pattern CLUSTER = Pattern.compile("^simplejavamail\\.defaults\\.connectionpool\\.clusters\\.[^.]+\\."
            + "(clusterkey\\.uuid|coresize|maxsize|claimtimeout\\.millis|expireafter\\.millis|loadbalancing\\.strategy)$");
    /** {@code ConfigLoader.Property}, the keys Simple Java Mail knows. */
    private static final List<String> KNOWN = Arrays.asList("simplejavamail.javaxmail.debug",
            "simplejavamail.javaxmail.debug.out", "simplejavamail.transportstrategy", "simplejavamail.smtp.host",
            "simplejavamail.smtp.port", "simplejavamail.smtp.username", "simplejavamail.smtp.password",
            "simplejavamail.smtp.clienthostname", "simplejavamail.smtp.localaddress", "simplejavamail.smtp.localport",
            "simplejavamail.disable.all.clientvalidation", "simplejavamail.custom.sslfactory.class",
            "simplejavamail.proxy.host", "simplejavamail.proxy.port", "simplejavamail.proxy.username",
            "simplejavamail.proxy.password", "simplejavamail.proxy.socks5bridge.port", "simplejavamail.defaults.subject",
            "simplejavamail.defaults.content.transfer.encoding", "simplejavamail.defaults.body.text.content.transfer.encoding",
            "simplejavamail.defaults.body.html.content.transfer.encoding",
            "simplejavamail.defaults.body.calendar.content.transfer.encoding", "simplejavamail.defaults.from.name",
            "simplejavamail.defaults.from.address", "simplejavamail.defaults.replyto.name",
            "simplejavamail.defaults.replyto.address", "simplejavamail.defaults.bounceto.name",
            "simplejavamail.defaults.bounceto.address", "simplejavamail.defaults.delivery.status.notification.notify",
            "simplejavamail.defaults.delivery.status.notification.return.option", "simplejavamail.defaults.to.name",
            "simplejavamail.defaults.to.address", "simplejavamail.defaults.cc.name", "simplejavamail.defaults.cc.address",
            "simplejavamail.defaults.bcc.name", "simplejavamail.defaults.bcc.address", "simplejavamail.defaults.poolsize",
            "simplejavamail.defaults.async.queue.capacity", "simplejavamail.defaults.async.queue.overflowpolicy",
            "simplejavamail.defaults.async.queue.waittimeoutmillis", "simplejavamail.defaults.connectionpool.clusterkey.uuid",
            "simplejavamail.defaults.connectionpool.coresize", "simplejavamail.defaults.connectionpool.maxsize",
            "simplejavamail.defaults.connectionpool.claimtimeout.millis",
            "simplejavamail.defaults.connectionpool.expireafter.millis",
            "simplejavamail.defaults.connectionpool.loadbalancing.strategy", "simplejavamail.defaults.poolsize.keepalivetime",
            "simplejavamail.defaults.sessiontimeoutmillis", "simplejavamail.defaults.trustallhosts",
            "simplejavamail.defaults.trustedhosts", "simplejavamail.defaults.verifyserveridentity",
            "simplejavamail.transport.mode.logging.only", "simplejavamail.opportunistic.tls",
            "simplejavamail.smime.signing.keystore", "simplejavamail.smime.signing.keystore_password",
            "simplejavamail.smime.signing.key_alias", "simplejavamail.smime.signing.key_password",
            "simplejavamail.smime.signing.algorithm", "simplejavamail.smime.encryption.key_encapsulation_algorithm",
            "simplejavamail.smime.encryption.cipher", "simplejavamail.dkim.signing.private_key_file_or_data",
            "simplejavamail.dkim.signing.selector", "simplejavamail.dkim.signing.signing_domain",
            "simplejavamail.dkim.signing.use_length_param",
            "simplejavamail.dkim.signing.excluded_headers_from_default_signing_list",
            "simplejavamail.dkim.signing.header_canonicalization", "simplejavamail.dkim.signing.body_canonicalization",
            "simplejavamail.dkim.signing.algorithm", "simplejavamail.smime.encryption.certificate",
            "simplejavamail.embeddedimages.dynamicresolution.enable.dir",
            "simplejavamail.embeddedimages.dynamicresolution.enable.classpath",
            "simplejavamail.embeddedimages.dynamicresolution.enable.url",
            "simplejavamail.embeddedimages.dynamicresolution.base.dir",
            "simplejavamail.embeddedimages.dynamicresolution.base.classpath",
            "simplejavamail.embeddedimages.dynamicresolution.base.url",
            "simplejavamail.embeddedimages.dynamicresolution.outside.base.dir",
            "simplejavamail.embeddedimages.dynamicresolution.outside.base.url",
            "simplejavamail.embeddedimages.dynamicresolution.outside.base.classpath",
            "simplejavamail.embeddedimages.dynamicresolution.mustbesuccesful");
    /** Keys whose presence means the configuration describes a connection. */
    private static final List<String> CONNECTION = Arrays.asList("transportstrategy", "smtp.host", "smtp.port",
            "smtp.username", "smtp.password", "opportunistic.tls", "defaults.trustallhosts", "defaults.trustedhosts",
            "defaults.verifyserveridentity", "custom.sslfactory.class");
    private static final List<String> STRATEGIES = Arrays.asList("SMTP", "SMTPS", "SMTP_TLS", "SMTP_OAUTH2");
    /**
     * Simple Java Mail 4.x ({@link LibraryVersions.Behaviour#SIMPLE_JAVA_MAIL_4}; simple-java-mail 4.2.3 jar,
     * {@code TransportStrategy}): {@code SMTP_PLAIN} (cleartext, the default), {@code SMTP_SSL} (smtps) and
     * {@code SMTP_TLS}, which sets only {@code starttls.enable} (STARTTLS if offered).
     */
    private static final List<String> STRATEGIES_4 = Arrays.asList("SMTP_PLAIN", "SMTP_SSL", "SMTP_TLS");
    private static final String COORDINATES = "org.simplejavamail:simple-java-mail";
    /** The keys Simple Java Mail 4.2.3 knows ({@code ConfigLoader.Property}); it refuses a file with any other. */
    private static final List<String> KNOWN_4 = Arrays.asList("simplejavamail.javaxmail.debug",
            "simplejavamail.transportstrategy", "simplejavamail.smtp.host", "simplejavamail.smtp.port",
            "simplejavamail.smtp.username", "simplejavamail.smtp.password", "simplejavamail.proxy.host",
            "simplejavamail.proxy.port", "simplejavamail.proxy.username", "simplejavamail.proxy.password",
            "simplejavamail.proxy.socks5bridge.port", "simplejavamail.defaults.subject", "simplejavamail.defaults.from.name",
            "simplejavamail.defaults.from.address", "simplejavamail.defaults.replyto.name",
            "simplejavamail.defaults.replyto.address", "simplejavamail.defaults.to.name", "simplejavamail.defaults.to.address",
            "simplejavamail.defaults.cc.name", "simplejavamail.defaults.cc.address", "simplejavamail.defaults.bcc.name",
            "simplejavamail.defaults.bcc.address", "simplejavamail.defaults.poolsize",
            "simplejavamail.transport.mode.logging.only");
    private static final List<String> TIMEOUTS = Arrays.asList("connectiontimeout", "timeout", "writetimeout");

    public SimpleJavaMailExtractor() { super("simple-java-mail", Values.SIMPLE_JAVA_MAIL); }

    @Override
    public List<MailEndpoint> extract(ConfigUnit unit, ExtractContext ctx) {
        List<MailEndpoint> out = new ArrayList<>();
        boolean file = !unit.isSpring() && unit.files().size() == 1 && unit.files().get(0).fileName().equals(FILE_NAME)
                && unit.files().get(0).format() == ConfigFormat.PROPERTIES;
        if (!file && !unit.isSpring()) return out;
        for (String profile : unit.profiles()) {
            MailEndpoint e = endpoint(unit.view(profile, ctx), file,
                    ctx.libraries().holds(LibraryVersions.Behaviour.SIMPLE_JAVA_MAIL_4, COORDINATES) ? ctx.libraries().version(COORDINATES) : null);
            if (e != null) out.add(e);
        }
        return out;
    }

    /** The keys Simple Java Mail reads from one view: canonical key to prop, extra properties apart. */
    private static final class SjmKeys {
        final Map<String, Prop> scalar = new LinkedHashMap<>();
        /** Jakarta Mail key (as written after the prefix) to prop. */
        final Map<String, Prop> extra = new LinkedHashMap<>();
        /** Keys the library does not know. */
        final List<Prop> unknown = new ArrayList<>();
        /** Keys taken out because their literal ${...} text is already reported. */
        final List<Prop> literal = new ArrayList<>();
        /** Non-simplejavamail keys in simplejavamail.properties (the loader refuses those too). */
        final List<Prop> foreign = new ArrayList<>();

        Prop get(String tail) {
            Prop p = scalar.get(PREFIX + tail);
            if (p == null) return null;
            if (p.isResolved() && (p.value() == null || p.value().trim().isEmpty())) return null; // blank: ignored
            return p;
        }
    }

    private static SjmKeys collect(View view, boolean file) {
        SjmKeys k = new SjmKeys();
        for (Map.Entry<String, Prop> e : view.all().entrySet()) {
            String written = e.getValue().key();
            if (file) {
                if (written.startsWith(EXTRA)) k.extra.put(written.substring(EXTRA.length()), e.getValue());
                else if (KNOWN.contains(written) || CLUSTER.matcher(written).matches()) k.scalar.put(written, e.getValue());
                else if (written.startsWith(PREFIX)) k.unknown.add(e.getValue());
                else k.foreign.add(e.getValue());
                continue;
            }
            // Spring: the Environment finds the canonical names in any relaxed spelling.
            if (!mayRelaxToPrefix(written)) continue; // cheap test before relaxing every key of every profile
            String relaxed = Keys.relaxed(written);
            if (!relaxed.startsWith(PREFIX)) continue;
            int extra = extraStart(written);
            if (extra >= 0) {
                String tail = written.substring(extra);
                if (tail.startsWith("[") && tail.endsWith("]")) tail = tail.substring(1, tail.length() - 1);
                k.extra.put(tail, e.getValue());
                continue;
            }
            String canonical = null;
            for (String known : KNOWN) {
                if (Keys.relaxed(known).equals(relaxed)) { canonical = known; break; }
            }
            if (canonical != null) k.scalar.put(canonical, e.getValue());
            else if (!CLUSTER.matcher(written).matches()) k.unknown.add(e.getValue());
        }
        return k;
    }

    /** Index just after {@code simplejavamail.extraproperties.} (or at its {@code [}) in a written key, or -1. */
    private static int extraStart(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(PREFIX)) return -1;
        int at = PREFIX.length();
        String rest = lower.substring(at);
        String[] spellings = {"extraproperties", "extra-properties", "extra_properties"};
        for (String s : spellings) {
            if (rest.startsWith(s + ".")) return at + s.length() + 1;
            if (rest.startsWith(s + "[")) return at + s.length();
        }
        return -1;
    }

    private MailEndpoint endpoint(View view, boolean file, String v4) {
        SjmKeys k = collect(view, file);
        List<Diagnostic> literal = file ? literalPlaceholders(k) : java.util.Collections.<Diagnostic>emptyList();
        boolean connection = false;
        for (String c : CONNECTION) {
            if (k.scalar.containsKey(PREFIX + c)) connection = true;
        }
        for (String extra : k.extra.keySet()) {
            if (extra.startsWith("mail.")) connection = true;
        }
        if (!connection && literal.isEmpty() && !(file && !(k.unknown.isEmpty() && k.foreign.isEmpty()))) return null;

        Prop host = k.get("smtp.host");
        Prop anchorProp = host;
        if (anchorProp == null) {
            List<Prop> all = new ArrayList<>(k.scalar.values());
            all.addAll(k.extra.values());
            all.addAll(k.unknown);
            all.addAll(k.foreign);
            all.addAll(k.literal);
            anchorProp = first(all);
        }
        SourceLocation anchor = anchorProp.at();
        ConfigFormat format = anchorProp.format();
        MailEndpoint.Builder b = start(ID, view.profile(), anchorProp);

        for (Diagnostic d : literal) b.diagnostic(d);
        for (Prop p : k.unknown) unknownKey(p, file, b);
        for (Prop p : k.foreign) {
            String meant = p.key().startsWith("mail.") ? EXTRA + p.key() : null;
            b.diagnostic(Diagnostic.of(Reason.FOREIGN_KEY_REFUSED, Library.SIMPLE_JAVA_MAIL, p.key(), p.at()).near(meant)
                    .decisive(true));
        }

        boolean old = v4 != null; // Simple Java Mail 4.x: other names, cleartext default, no TLS defaults
        if (old && file) { // 4.2.3 ConfigLoader: "unknown properties provided" for a key of a later version
            List<Prop> later = new ArrayList<>(k.extra.values());
            for (Map.Entry<String, Prop> e : k.scalar.entrySet()) {
                if (!KNOWN_4.contains(e.getKey())) later.add(e.getValue());
            }
            for (Prop p : later) {
                b.diagnostic(Diagnostic.of(Reason.KEY_OF_LATER_VERSION, Library.SIMPLE_JAVA_MAIL, p.key(), p.at()).detail(v4)
                        .decisive(true));
            }
        }

        // Transport strategy: Enum.valueOf, exact names.
        Prop ts = k.get("transportstrategy");
        List<String> names = old ? STRATEGIES_4 : STRATEGIES;
        String strategy = old ? "SMTP_PLAIN" : "SMTP";
        boolean strategyKnown = true;
        if (ts != null) {
            if (!ts.isResolved()) {
                strategyKnown = false;
            } else if (names.contains(ts.value())) {
                strategy = ts.value();
            } else {
                strategyKnown = false;
                String near = old ? nearestStrategy4(ts.value()) : nearestStrategy(ts.value());
                b.diagnostic(Diagnostic.of(Reason.UNKNOWN_TRANSPORT_STRATEGY, Library.SIMPLE_JAVA_MAIL, ts.key(), ts.at())
                        .value(ts.value()).near(near).detail(v4).decisive(true));
            }
        }
        Protocol p = strategy.equals("SMTPS") || strategy.equals("SMTP_SSL") ? Protocol.SMTPS : Protocol.SMTP;
        Setting<Protocol> protocol = ts != null && strategyKnown ? ts.setting(p) : Setting.defaulted(p, anchor);
        String px = "mail." + p.id() + ".";
        Map<String, Prop> keys = new LinkedHashMap<>();

        // The strategy's own keys.
        if (ts != null && !ts.isResolved()) {
            keys.put(px + "starttls.enable", ts); // a placeholder decides everything the strategy sets
        } else if (old) {
            if (strategy.equals("SMTP_TLS")) keys.put(px + "starttls.enable", ts.as("true")); // 4.x: never starttls.required
            else if (strategy.equals("SMTP_PLAIN") && ts != null) keys.put(px + "starttls.enable", ts.as("false")); // the key that chose cleartext
        } else if (strategy.equals("SMTP")) {
            Prop opp = k.get("opportunistic.tls");
            Boolean oppV = opp == null ? Boolean.TRUE : bool(opp, false, b);
            if (opp != null && !opp.isResolved()) {
                keys.put(px + "starttls.enable", opp);
            } else if (Boolean.FALSE.equals(oppV)) {
                keys.put(px + "starttls.enable", opp.as("false"));
            } else if (oppV != null) {
                Prop cause = ts != null ? ts : opp != null ? opp : synthetic(anchor, format, "true");
                keys.put(px + "starttls.enable", cause.as("true"));
                keys.put(px + "starttls.required", cause.as("false"));
            }
        } else if (strategy.startsWith("SMTP_")) {
            keys.put(px + "starttls.enable", ts.as("true"));
            keys.put(px + "starttls.required", ts.as("true"));
        }

        // Server: host, port (the strategy's default port when none), user; a password turns auth on.
        host = host(host, PREFIX + "smtp.username", PREFIX + "smtp.password", b);
        if (host != null) keys.put(px + "host", host);
        int defaultPort = p == Protocol.SMTPS ? 465 : old ? 25 : strategy.startsWith("SMTP_") ? 587 : 25; // 4.x: JavaMail's defaults
        Prop port = k.get("smtp.port");
        if (port != null && port.isResolved() && port(port, b) == null) port = null;
        if (port == null) port = ts != null && strategyKnown ? ts.as(String.valueOf(defaultPort)) : synthetic(anchor, format, String.valueOf(defaultPort));
        keys.put(px + "port", port);
        Prop user = k.get("smtp.username");
        Prop password = k.get("smtp.password");
        if (user != null) keys.put(px + "user", user);
        if (password != null && !strategy.equals("SMTP_OAUTH2")) keys.put(px + "auth", password.isResolved() ? password.as("true") : password);
        Prop factory = k.get("custom.sslfactory.class");
        if (factory != null) keys.put(px + "ssl.socketFactory.class", factory);

        // Extra properties win over all of that; then the mailer overwrites timeouts, trust and identity.
        for (Map.Entry<String, Prop> e : k.extra.entrySet()) {
            String jk = e.getKey();
            Prop prop = e.getValue();
            String suffix = jk.startsWith(px) ? jk.substring(px.length()) : null;
            if (suffix != null && (TIMEOUTS.contains(suffix) || suffix.equals("ssl.trust") || suffix.equals("ssl.checkserveridentity"))) {
                b.diagnostic(Diagnostic.of(Reason.OVERWRITTEN_BY_LIBRARY, Library.SIMPLE_JAVA_MAIL, prop.key(), prop.at())
                        .detail(suffix));
                continue;
            }
            keys.put(jk, prop);
        }

        if (!old) defaults(k, keys, px, anchor, format, b);

        JakartaMail.Input in = new JakartaMail.Input(protocol, keys, EXTRA);
        in.user = user;
        in.password = password;
        in.siblingIgnored = true; // the strategy sets mail.transport.protocol
        session(in, b);
        if (host == null) b.host(Setting.<String>of(null, Origin.DEFAULT, null, anchor)); // given in code
        if (ts != null && !ts.isResolved() && k.get("smtp.port") == null) b.port(ts.setting(null)); // the strategy's default port
        MailEndpoint built = b.build();
        return b.fixes(new SimpleJavaMailFixes(old).of(built, format)).build();
    }

    /**
     * {@code simplejavamail.properties} is read with {@code Properties.load} and each value parsed as it stands
     * ({@code ConfigLoader.load}, {@code PropertySchema.parse}): nothing resolves {@code ${...}}. A value that holds
     * one is reported as what the library makes of the text: loading fails for a number, a boolean or a strategy;
     * the host name lookup fails. The environment variable ({@code SIMPLEJAVAMAIL_SMTP_HOST}) or system property of
     * the same key is what overrides the file; a user name or password placeholder is not reported, since that
     * override is the usual way to pass a login.
     * (The Spring module's {@code SpringEnvironmentConfigSource} reads {@code Environment.getProperty}, which does
     * resolve placeholders: only keys that reach Spring's Environment, e.g. through {@code @PropertySource}.)
     */
    private static List<Diagnostic> literalPlaceholders(SjmKeys k) {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<String, Prop> e : new ArrayList<>(k.scalar.entrySet())) {
            Prop p = e.getValue();
            if (p.raw() == null || !p.raw().contains("${")) continue;
            String key = e.getKey();
            String tail = key.substring(PREFIX.length());
            if (!CONNECTION.contains(tail)) {
                // judged as the text it is (a number that is not one fails to load; a name is used as written)
                k.scalar.put(key, new Prop(p.key(), p.at(), p.raw(), p.raw(), Origin.EXPLICIT, null, p.format()));
                continue;
            }
            if (tail.equals("smtp.username") || tail.equals("smtp.password")) {
                // A login placeholder is no finding: secrets are what the environment variable that overrides the
                // file is for (ConfigLoader reads SIMPLEJAVAMAIL_SMTP_PASSWORD first), so the line is as likely a
                // template as a mistake, and an ERROR there would fail builds that work. Still a login, but no
                // secret in the file: the endpoint counts its credentials.
                k.scalar.put(key, new Prop(p.key(), p.at(), p.raw(), p.raw(), Origin.PLACEHOLDER, null, p.format()));
                continue;
            }
            out.add(Diagnostic.of(Reason.LITERAL_PLACEHOLDER, Library.SIMPLE_JAVA_MAIL, p.key(), p.at()).other(key)
                    .decisive(!tail.equals("defaults.trustedhosts")));
            k.literal.add(k.scalar.remove(key));
        }
        return out;
    }

    /** A value Simple Java Mail applies by default, at the endpoint's anchor. */
    private static Prop synthetic(SourceLocation anchor, ConfigFormat format, String value) {
        return new Prop(null, anchor, value, value, Origin.DEFAULT, null, format);
    }

    private static void unknownKey(Prop p, boolean file, MailEndpoint.Builder b) {
        String near = nearestKey(p.key());
        if (file) {
            b.diagnostic(Diagnostic.of(Reason.KEY_REFUSED, Library.SIMPLE_JAVA_MAIL, p.key(), p.at()).near(near).decisive(true));
        } else if (near != null) {
            // in Spring configuration a key that is no near miss is the application's own (read with @Value)
            b.diagnostic(Diagnostic.of(Reason.UNKNOWN_KEY, Library.SIMPLE_JAVA_MAIL, p.key(), p.at()).near(near));
        }
    }

    /**
     * What Simple Java Mail 5 and later write whatever the configuration says: session timeouts, trust and the identity
     * check. Simple Java Mail 4.x has none of these keys and writes none of them.
     */
    private void defaults(SjmKeys k, Map<String, Prop> keys, String px, SourceLocation anchor, ConfigFormat format,
                                 MailEndpoint.Builder b) {
        // Timeouts: one session timeout for connect, read and write.
        Prop timeout = k.get("defaults.sessiontimeoutmillis");
        if (timeout != null && timeout.isResolved() && number(timeout, b) == null) timeout = null; // Integer.valueOf: loading fails
        Prop timeoutValue = timeout != null ? timeout : synthetic(anchor, format, "60000");
        for (String t : TIMEOUTS) keys.put(px + t, timeoutValue);

        // Trust: trust-all gives ssl.trust=*, else the trusted host list (space-separated).
        Prop trustAll = k.get("defaults.trustallhosts");
        Boolean trustAllV = trustAll == null ? Boolean.FALSE : bool(trustAll, false, b);
        Prop trusted = k.get("defaults.trustedhosts");
        if (Boolean.TRUE.equals(trustAllV)) {
            keys.put(px + "ssl.trust", trustAll.as("*"));
        } else if (trusted != null && trusted.isResolved()) {
            String hosts = trusted.value().replace(';', ' ').replace(',', ' ').trim();
            if (!hosts.isEmpty()) keys.put(px + "ssl.trust", trusted.as(hosts));
        }

        // Identity: always written from verifyserveridentity (default true).
        Prop verify = k.get("defaults.verifyserveridentity");
        if (verify != null) {
            Boolean v = bool(verify, false, b);
            if (v != null) keys.put(px + "ssl.checkserveridentity", verify.as(String.valueOf(v)));
        }
    }

    /** The Simple Java Mail 4 strategy a wrong spelling meant: another case, or the names of Simple Java Mail 5. */
    static String nearestStrategy4(String v) {
        String u = v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (STRATEGIES_4.contains(u)) return u;
        if (u.equals("SMTPS") || u.equals("SSL")) return "SMTP_SSL";
        if (u.equals("SMTP") || u.equals("PLAIN")) return "SMTP_PLAIN";
        if (u.equals("STARTTLS") || u.equals("TLS")) return "SMTP_TLS";
        return null;
    }

    /** The strategy a wrong spelling meant: another case, or the names of Simple Java Mail 4. */
    static String nearestStrategy(String v) {
        String u = v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (STRATEGIES.contains(u)) return u;
        if (u.equals("SMTP_SSL") || u.equals("SSL") || u.equals("TLS_IMPLICIT")) return "SMTPS";
        if (u.equals("SMTP_PLAIN") || u.equals("PLAIN")) return "SMTP";
        if (u.equals("STARTTLS") || u.equals("SMTP_STARTTLS") || u.equals("TLS")) return "SMTP_TLS";
        return null;
    }

    static String nearestKey(String written) {
        if (Keys.relaxed(written).startsWith("simplejavamail.extra")) return null;
        return Keys.nearest(written, KNOWN);
    }

    /** Fixes in Simple Java Mail's keys; Jakarta Mail details go through extra properties. */
    static final class SimpleJavaMailFixes {
        private static final JakartaFixes JAKARTA = new JakartaFixes(EXTRA, PREFIX + "smtp.port");
        private final boolean v4;

        SimpleJavaMailFixes(boolean v4) { this.v4 = v4; }

        Fixes of(MailEndpoint e, ConfigFormat format) { return Fixes.of(JakartaFixes.syntax(format), r -> fix(r, e)); }

        private Fix fix(Remedy remedy, MailEndpoint e) {
            if (v4) {
                switch (remedy) {
                    case ENCRYPT:
                    case REQUIRE_STARTTLS:
                    case ENABLE_IMPLICIT_TLS:
                    case USE_IMPLICIT_TLS_PORT:
                    case USE_PROTOCOL_PORT:
                    case USE_SUBMISSION_PORT:
                    case PREFER_IMPLICIT_TLS:
                        return Fix.of("set ", set("transportstrategy", "SMTP_SSL"), " and ", set("smtp.port", "465"),
                                " (Simple Java Mail 4 has no strategy that requires STARTTLS; SMTP_TLS falls back to cleartext)");
                    default:
                        break;
                }
            }
            switch (remedy) {
                case ENCRYPT:
                    return Fix.of("set ", set("transportstrategy", "SMTPS"), " and ", set("smtp.port", "465"), " (or ",
                            set("transportstrategy", "SMTP_TLS"), " on 587)");
                case REQUIRE_STARTTLS:
                    return Fix.of("set ", set("transportstrategy", "SMTP_TLS"), " (or SMTPS on port 465)");
                case ENABLE_IMPLICIT_TLS:
                    return Fix.of("set ", set("transportstrategy", "SMTPS"), " (or use port 587 with SMTP_TLS)");
                case USE_IMPLICIT_TLS_PORT:
                    return Fix.of("set ", set("smtp.port", "465"), " (or keep the port and set ", set("transportstrategy", "SMTP_TLS"), ")");
                case USE_PROTOCOL_PORT:
                case USE_SUBMISSION_PORT:
                    return Fix.of("set ", set("smtp.port", "465"), " and ", set("transportstrategy", "SMTPS"), " (or ",
                            set("smtp.port", "587"), " and ", set("transportstrategy", "SMTP_TLS"), ")");
                case ENABLE_IDENTITY_CHECK:
                    return Fix.of("remove " + PREFIX + "defaults.verifyserveridentity or set it to true");
                case VERIFY_CERTIFICATES:
                    return Fix.of("remove " + (e.trust().key() != null ? e.trust().key() : PREFIX + "defaults.trustallhosts")
                            + " and add the server's CA certificate to the JVM trust store");
                case EXTERNALISE_PASSWORD:
                    return Fix.of("use a placeholder such as ${MAIL_PASSWORD} (or the environment variable SIMPLEJAVAMAIL_SMTP_PASSWORD)"
                            + " and supply the value from a secret store");
                case PREFER_IMPLICIT_TLS:
                    return Fix.of("set ", set("transportstrategy", "SMTPS"), " and ", set("smtp.port", "465"),
                            " (465 is SMTPS's default port)");
                case REMOVE_STARTTLS:
                    return Fix.of("remove the STARTTLS extra properties: with SMTPS the whole connection is already TLS");
                case REMOVE_SOCKET_FACTORY:
                    return JAKARTA.removeSocketFactory(e);
                default:
                    return JAKARTA.fix(remedy, e.protocol().value());
            }
        }

        private static Fix.Assignment set(String key, String value) { return Fix.set(PREFIX + key, value); }
    }

    /** A key can relax to {@code simplejavamail.} only if it starts with s, S, - or _ (or a non-ASCII letter). */
    private static boolean mayRelaxToPrefix(String key) {
        if (key.isEmpty()) return false;
        char c = key.charAt(0);
        return c > 127 || c == 's' || c == 'S' || c == '-' || c == '_';
    }
}
