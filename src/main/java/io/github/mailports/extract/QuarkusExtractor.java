package io.github.mailports.extract;

import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigFormat;
import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Library;
import io.github.mailports.model.Diagnostic.Reason;
import io.github.mailports.model.Encryption;
import io.github.mailports.model.Fix;
import io.github.mailports.model.Fixes;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;
import io.github.mailports.model.Trust;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Quarkus mailer ({@code quarkus-mailer}, built on the Vert.x mail client, not on Jakarta Mail): the
 * default mailer {@code quarkus.mailer.*} and named mailers {@code quarkus.mailer.<name>.*}, as
 * {@code io.quarkus.mailer.runtime.Mailers} turns them into a Vert.x {@code MailConfig}.
 *
 * <p>Profiles follow SmallRye Config: a key without a profile prefix applies to every profile;
 * {@code %prod.key} (or {@code %dev,test.key}, or a quoted {@code "%prod":} YAML key) applies to the named
 * profiles and wins over the plain key; {@code application-{profile}.properties/.yaml} holds keys of that
 * profile without the prefix; {@code quarkus.config.profile.parent} names a parent profile consulted before
 * the plain keys. A packaged application runs as {@code prod}, so each mailer is evaluated for {@code prod}
 * and for every other profile the files name. In {@code dev} and {@code test} the default mailer is the
 * mock mailer unless {@code mock=false}; named mailers default to {@code mock=false}.
 *
 * <p>Resolution ({@code Mailers.configureTLS}): host defaults to {@code localhost} and the port to Vert.x's
 * 25, also with TLS; with {@code tls-configuration-name} TLS is on unless {@code tls=false} and trust comes
 * from {@code quarkus.tls.<name>.*}; otherwise TLS is on when {@code ssl=true} or, when {@code tls} is
 * unset, when trust-all is on ({@code trust-all}, else {@code quarkus.tls.trust-all}). Without TLS,
 * {@code start-tls} (upper-cased, default {@code OPTIONAL}) decides STARTTLS; with TLS Vert.x never sends
 * STARTTLS.
 */
public final class QuarkusExtractor extends Source {
    static final String ID = "quarkus.mailer";
    private static final String PREFIX = "quarkus.mailer.";
    private static final Pattern FILE_NAME = Pattern.compile("application(?:-([^.]+))?\\.(properties|yml|yaml)");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+\\]$");
    /** The keys of {@code MailerRuntimeConfig} (and the build-time {@code cache-attachments}), kebab-case. */
    private static final List<String> KNOWN = Arrays.asList("from", "mock", "bounce-address", "host", "port",
            "username", "password", "tls-configuration-name", "ssl", "tls", "trust-all", "max-pool-size",
            "own-host-name", "keep-alive", "disable-esmtp", "start-tls", "login", "auth-methods", "key-store",
            "key-store-password", "multi-part-only", "allow-rcpt-errors", "pipelining", "pool-cleaner-period",
            "keep-alive-timeout", "approved-recipients", "log-rejected-recipients", "log-invalid-recipients",
            "credentials-provider", "credentials-provider-name", "cache-attachments");
    /** Config groups whose sub-keys are not checked here. */
    private static final List<String> GROUPS = Arrays.asList("dkim", "truststore", "ntlm");
    private static final List<String> START_TLS = Arrays.asList("DISABLED", "OPTIONAL", "REQUIRED");
    private static final List<String> LOGIN = Arrays.asList("DISABLED", "NONE", "REQUIRED", "XOAUTH2");

    public QuarkusExtractor() { super("quarkus", Values.QUARKUS); }

    @Override
    public List<MailEndpoint> extract(ConfigUnit unit, ExtractContext ctx) {
        List<QFile> files = quarkusFiles(unit);
        List<MailEndpoint> out = new ArrayList<>();
        if (files.isEmpty() || !mentionsMailer(files)) return out;
        for (String profile : profiles(files)) {
            QView view = QView.build(files, profile, ctx);
            for (Map.Entry<String, List<String>> mailer : mailers(view).entrySet()) {
                MailEndpoint e = endpoint(view, mailer.getKey().isEmpty() ? null : mailer.getKey(), mailer.getValue());
                if (e != null) out.add(e);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ files and profiles

    /** A file Quarkus reads, with its profile (from the name) and its precedence. */
    private static final class QFile {
        final ConfigFile file;
        final String profile;
        final int ordinal;

        QFile(ConfigFile file, String profile, int ordinal) {
            this.file = file;
            this.profile = profile;
            this.ordinal = ordinal;
        }
    }

    /** {@code application*.properties/yml/yaml} of the unit, lowest precedence first (properties 250, YAML 255, config/ +10). */
    private static List<QFile> quarkusFiles(ConfigUnit unit) {
        List<QFile> out = new ArrayList<>();
        for (ConfigFile f : unit.files()) {
            if (f.format() == ConfigFormat.XML) continue;
            Matcher m = FILE_NAME.matcher(f.fileName());
            if (!m.matches()) continue;
            String ext = m.group(2);
            int ordinal = ext.equals("properties") ? 250 : ext.equals("yml") ? 254 : 255;
            String dir = f.path().lastIndexOf('/') < 0 ? "" : f.path().substring(0, f.path().lastIndexOf('/'));
            if (dir.equals("config") || dir.endsWith("/config")) ordinal += 10;
            out.add(new QFile(f, m.group(1), ordinal));
        }
        Collections.sort(out, (a, b) -> Integer.compare(a.ordinal, b.ordinal));
        return out;
    }

    private static boolean mentionsMailer(List<QFile> files) {
        for (QFile f : files) {
            for (ConfigEntry e : f.file.entries()) {
                if (logical(e.key()).startsWith(PREFIX)) return true;
            }
        }
        return false;
    }

    /** {@code prod}, then every other profile the files name: {@code %p.} prefixes, file names, {@code quarkus.profile}. */
    private static List<String> profiles(List<QFile> files) {
        TreeSet<String> found = new TreeSet<>();
        for (QFile f : files) {
            if (f.profile != null) found.add(f.profile);
            for (ConfigEntry e : f.file.entries()) {
                found.addAll(prefixProfiles(e.key()));
                if (logical(e.key()).equals("quarkus.profile") && e.value() != null && !e.value().contains("${")) {
                    for (String p : e.value().split(",")) {
                        if (!p.trim().isEmpty()) found.add(p.trim());
                    }
                }
            }
        }
        return profiles("prod", found);
    }

    /** The profiles of a {@code %a,b.key}, or none. */
    static List<String> prefixProfiles(String key) {
        if (!key.startsWith("%")) return Collections.emptyList();
        int dot = key.indexOf('.');
        if (dot < 2) return Collections.emptyList();
        List<String> out = new ArrayList<>();
        for (String p : key.substring(1, dot).split(",")) {
            if (!p.trim().isEmpty()) out.add(p.trim());
        }
        return out;
    }

    /** The key without its profile prefix. */
    static String logical(String key) {
        if (!key.startsWith("%")) return key;
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    // ------------------------------------------------------------------ the effective configuration of one profile

    /** Every key once for one profile, as SmallRye Config resolves it; keyed by the key without profile prefix. */
    private static final class QView {
        final String profile;
        final Map<String, Prop> props = new LinkedHashMap<>();

        private QView(String profile) { this.profile = profile; }

        static QView build(List<QFile> files, String profile, ExtractContext ctx) {
            Map<String, Object[]> raw = layers(files, profile, null);
            Object[] parent = raw.get("quarkus.config.profile.parent");
            if (parent != null) {
                String p = ((ConfigEntry) parent[0]).value();
                if (p != null && !p.trim().isEmpty() && !p.contains("${") && !p.trim().equals(profile)) {
                    raw = layers(files, profile, p.trim());
                }
            }
            QView view = new QView(profile);
            for (Map.Entry<String, Object[]> me : raw.entrySet()) {
                final Map<String, Object[]> all = raw;
                view.props.put(me.getKey(), Prop.resolved((ConfigEntry) me.getValue()[0], (ConfigFile) me.getValue()[1], ctx,
                        name -> {
                            Object[] own = all.get(name);
                            return own == null ? null : ((ConfigEntry) own[0]).value();
                        }));
            }
            return view;
        }

        /** Logical key to {entry, file}: plain keys, then the parent profile's, then the profile's, last one winning. */
        private static Map<String, Object[]> layers(List<QFile> files, String profile, String parent) {
            Map<String, Object[]> raw = new LinkedHashMap<>();
            for (QFile f : files) {
                if (f.profile != null) continue;
                for (ConfigEntry e : f.file.entries()) {
                    if (!e.key().startsWith("%")) put(raw, e.key(), e, f.file);
                }
            }
            for (String p : parent == null ? new String[] {profile} : new String[] {parent, profile}) {
                for (QFile f : files) {
                    if (f.profile != null) continue;
                    for (ConfigEntry e : f.file.entries()) {
                        if (prefixProfiles(e.key()).contains(p)) put(raw, logical(e.key()), e, f.file);
                    }
                }
                for (QFile f : files) {
                    if (!p.equals(f.profile)) continue;
                    for (ConfigEntry e : f.file.entries()) {
                        if (!e.key().startsWith("%")) put(raw, e.key(), e, f.file);
                        else if (prefixProfiles(e.key()).contains(p)) put(raw, logical(e.key()), e, f.file);
                    }
                }
            }
            return raw;
        }

        private static void put(Map<String, Object[]> raw, String key, ConfigEntry e, ConfigFile f) {
            raw.remove(key);
            raw.put(key, new Object[] {e, f});
        }

        /** The prop under a logical key, or null; an empty value counts as absent (SmallRye treats it as missing). */
        Prop get(String key) {
            Prop p = props.get(key);
            if (p == null) return null;
            if (p.isResolved() && (p.value() == null || p.value().trim().isEmpty())) return null;
            return p;
        }
    }

    /** Mailer name ("" for the default mailer) to the logical keys below it, in view order. */
    private static Map<String, List<String>> mailers(QView view) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : view.props.keySet()) {
            if (!key.startsWith(PREFIX)) continue;
            String[] split = splitMailer(key.substring(PREFIX.length()));
            out.computeIfAbsent(split[0], k -> new ArrayList<>()).add(key);
        }
        // A "named mailer" none of whose keys is (or nearly is) a mailer property is the application's own block
        // (quarkus.mailer.templates.path read through @ConfigProperty): no mailer, and nothing to report
        out.entrySet().removeIf(e -> !e.getKey().isEmpty() && !mailerLike(e.getKey(), e.getValue()));
        return out;
    }

    private static boolean mailerLike(String name, List<String> keys) {
        for (String key : keys) {
            String tail = splitMailer(key.substring(PREFIX.length()))[1];
            int dot = tail.indexOf('.');
            String first = INDEX.matcher(dot < 0 ? tail : tail.substring(0, dot)).replaceAll("");
            if (KNOWN.contains(first) || GROUPS.contains(first) || nearest(first) != null) return true;
        }
        return false;
    }

    /** {mailer name or "", property path} of what follows {@code quarkus.mailer.}. */
    private static String[] splitMailer(String rest) {
        String first;
        String tail;
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            if (close < 0) return new String[] {"", rest};
            first = rest.substring(1, close);
            tail = close + 1 < rest.length() && rest.charAt(close + 1) == '.' ? rest.substring(close + 2) : "";
        } else {
            int dot = rest.indexOf('.');
            first = dot < 0 ? rest : rest.substring(0, dot);
            tail = dot < 0 ? "" : rest.substring(dot + 1);
        }
        String bare = INDEX.matcher(first).replaceAll("");
        if (KNOWN.contains(bare) || GROUPS.contains(bare) || tail.isEmpty()) return new String[] {"", rest};
        // quarkus.mailer.trust-store.paths: a misspelled group of the default mailer, not a mailer named trust-store
        int dot = tail.indexOf('.');
        String tailFirst = INDEX.matcher(dot < 0 ? tail : tail.substring(0, dot)).replaceAll("");
        if (!KNOWN.contains(tailFirst)) {
            for (String g : GROUPS) {
                if (Keys.relaxed(g).equals(Keys.relaxed(bare))) return new String[] {"", rest};
            }
        }
        return new String[] {first, tail};
    }

    // ------------------------------------------------------------------ one mailer in one profile

    private MailEndpoint endpoint(QView view, String name, List<String> keys) {
        String base = name == null ? PREFIX : PREFIX + (name.contains(".") ? "\"" + name + "\"" : name) + ".";
        String id = name == null ? ID : ID + "." + name;
        Mailer m = new Mailer(view, base);
        boolean devOrTest = view.profile.equals("dev") || view.profile.equals("test");

        Prop mock = m.get("mock");
        if (mock == null && name == null && devOrTest) return null;
        if (mock != null && mock.isResolved() && isTrue(mock.value())) return null;

        Prop host = m.get("host");
        Prop anchorProp = host;
        if (anchorProp == null) {
            List<Prop> all = new ArrayList<>();
            for (String k : keys) all.add(view.props.get(k));
            anchorProp = first(all);
        }
        SourceLocation anchor = anchorProp.at();
        MailEndpoint.Builder b = start(id, view.profile, anchorProp);
        b.protocol(Setting.defaulted(Protocol.SMTP, anchor));
        b.jakartaMail(false);

        if (mock != null && mock.isResolved()) m.bool("mock", b);
        unknownKeys(view, base, keys, b);

        // Host: @WithDefault("localhost").
        host = host(host, base + "username", base + "password", b);
        if (host != null) {
            b.host(host.setting(host.value()));
            if (!host.isResolved()) unresolved(host, "the host", b);
        } else {
            b.host(Setting.defaulted("localhost", anchor));
        }

        // Port: only set when present; Vert.x MailConfig.DEFAULT_PORT is 25 whatever the TLS mode.
        Prop portProp = m.get("port");
        Setting<Integer> port = port(portProp, Setting.defaulted(25, anchor), b);
        if (portProp != null && !portProp.isResolved()) unresolved(portProp, "the port", b);
        b.port(port);

        // TLS, trust and identity (Mailers.configureTLS).
        Prop tlsName = m.get("tls-configuration-name");
        Prop tls = m.get("tls");
        Prop ssl = m.get("ssl");
        Prop trustAllKey = m.get("trust-all");
        Boolean tlsV = m.bool("tls", b);
        Boolean sslV = m.bool("ssl", b);
        Setting<Encryption> encryption = null;
        Setting<Trust> trust = null;
        if (tlsName != null) {
            for (Prop ignored : new Prop[] {ssl, trustAllKey, m.get("key-store"), m.get("truststore.paths")}) {
                if (ignored != null) {
                    b.diagnostic(Diagnostic.of(Reason.IGNORED_FOR_TLS_CONFIGURATION, Library.QUARKUS, ignored.key(), ignored.at())
                            .other(tlsName.key()).detail(nameOf(tlsName)));
                }
            }
            if (!tlsName.isResolved()) {
                encryption = tlsName.setting(Encryption.UNKNOWN);
                unresolved(tlsName, "whether TLS is on", b);
            } else {
                String bucket = "quarkus.tls." + tlsName.value().trim() + ".";
                Prop namedTrustAll = view.get(bucket + "trust-all");
                if (namedTrustAll != null && namedTrustAll.isResolved() && isTrue(namedTrustAll.value())) {
                    trust = namedTrustAll.setting(Trust.TRUST_ALL);
                }
                Prop algorithm = view.get(bucket + "hostname-verification-algorithm");
                if (algorithm != null && algorithm.isResolved()) {
                    b.identityCheck(algorithm.setting(!algorithm.value().trim().equalsIgnoreCase("NONE")));
                }
                Prop protocols = view.get(bucket + "protocols");
                if (protocols != null && protocols.isResolved()) {
                    b.tlsProtocols(protocols.setting(protocols.value().replace(',', ' ')));
                }
                if (tls == null) encryption = tlsName.setting(Encryption.IMPLICIT_TLS);
            }
            if (encryption == null) encryption = tlsSetting(tls, tlsV);
        } else {
            Prop trustAll = trustAllKey;
            if (trustAll == null) trustAll = view.get("quarkus.tls.trust-all");
            Boolean trustAllV = null;
            if (trustAll != null) trustAllV = trustAll.isResolved() ? Boolean.valueOf(isTrue(trustAll.value())) : null;
            if (trustAll == trustAllKey && trustAllKey != null) m.bool("trust-all", b);
            if (Boolean.TRUE.equals(trustAllV)) trust = trustAll.setting(Trust.TRUST_ALL);
            if (Boolean.TRUE.equals(sslV)) {
                encryption = ssl.setting(Encryption.IMPLICIT_TLS);
            } else if (ssl != null && sslV == null) {
                encryption = ssl.setting(Encryption.UNKNOWN);
                unresolved(ssl, "whether TLS is on", b);
            } else if (tls != null) {
                encryption = tlsSetting(tls, tlsV);
            } else if (Boolean.TRUE.equals(trustAllV)) {
                encryption = trustAll.setting(Encryption.IMPLICIT_TLS); // tls.orElse(trustAll)
            } else if (trustAll != null && trustAllV == null) {
                encryption = trustAll.setting(Encryption.UNKNOWN);
                unresolved(trustAll, "whether TLS is on", b);
            }
        }
        if (encryption != null && encryption.value() == Encryption.UNKNOWN && tls != null && !tls.isResolved()) {
            unresolved(tls, "whether TLS is on", b);
        }

        Prop startTls = m.get("start-tls");
        String startMode = "OPTIONAL";
        boolean startInvalid = false;
        if (startTls != null && startTls.isResolved()) {
            String v = startTls.value().trim().toUpperCase(Locale.ROOT);
            if (START_TLS.contains(v)) {
                startMode = v;
            } else {
                startInvalid = true;
                b.diagnostic(Diagnostic.of(Reason.UNKNOWN_STARTTLS_MODE, Library.QUARKUS, startTls.key(), startTls.at())
                        .value(startTls.value().trim()).decisive(true));
            }
        }
        if (encryption == null) {
            if (startTls != null && !startTls.isResolved()) {
                encryption = startTls.setting(Encryption.UNKNOWN);
                unresolved(startTls, "whether STARTTLS is used", b);
            } else if (startInvalid) {
                encryption = startTls.setting(Encryption.UNKNOWN);
            } else if (startMode.equals("DISABLED")) {
                encryption = startTls.setting(Encryption.NONE);
            } else if (startMode.equals("REQUIRED")) {
                encryption = startTls.setting(Encryption.STARTTLS_REQUIRED);
            } else if (startTls != null) {
                encryption = startTls.setting(Encryption.STARTTLS_OPTIONAL);
            } else {
                encryption = Setting.defaulted(Encryption.STARTTLS_OPTIONAL, anchor); // MailConfig.DEFAULT_TLS
            }
        } else if (encryption.value() == Encryption.IMPLICIT_TLS && startTls != null && startTls.isResolved()
                && !startInvalid && !startMode.equals("DISABLED")) {
            b.conflictingStartTls(startTls.setting(Encryption.IMPLICIT_TLS)); // SMTPInitialDialogue skips STARTTLS on SSL
        }
        if (encryption == null) encryption = Setting.defaulted(Encryption.UNKNOWN, anchor);
        b.encryption(encryption);
        if (encryption.value() == Encryption.IMPLICIT_TLS) b.protocol(encryption.withValue(Protocol.SMTPS)); // SMTP inside TLS
        if (trust != null) b.trust(trust);

        // Credentials: Vert.x logs in when a user name or password is set (login NONE), always with REQUIRED/XOAUTH2.
        Prop login = m.get("login");
        String loginMode = "NONE";
        if (login != null && login.isResolved()) {
            String v = login.value().trim().toUpperCase(Locale.ROOT);
            if (LOGIN.contains(v)) {
                loginMode = v;
            } else {
                b.diagnostic(Diagnostic.of(Reason.UNKNOWN_LOGIN_MODE, Library.QUARKUS, login.key(), login.at())
                        .value(login.value().trim()).decisive(true));
            }
        }
        Prop user = m.get("username");
        Prop password = m.get("password");
        Prop provider = m.get("credentials-provider");
        if (!loginMode.equals("DISABLED")) {
            if (loginMode.equals("REQUIRED") || loginMode.equals("XOAUTH2")) b.credentials(login.setting(Boolean.TRUE));
            else if (user != null) b.credentials(user.setting(Boolean.TRUE));
            else if (password != null) b.credentials(password.setting(Boolean.TRUE));
            else if (provider != null) b.credentials(provider.setting(Boolean.TRUE));
        }
        HostValues.literalPassword(password, b);

        MailEndpoint built = b.build();
        return b.fixes(new QuarkusFixes(base).of(built, anchorProp.format())).build();
    }

    /** The mailer's own keys: {@code quarkus.mailer.<p>} or {@code quarkus.mailer.<name>.<p>}. */
    private static final class Mailer {
        final QView view;
        final String base;

        Mailer(QView view, String base) {
            this.view = view;
            this.base = base;
        }

        Prop get(String p) { return view.get(base + p); }

        /** SmallRye's boolean conversion; null when absent or a placeholder decides it. Reports a value that is no boolean word. */
        Boolean bool(String p, MailEndpoint.Builder b) {
            Prop prop = get(p);
            return prop == null ? null : Values.bool(prop, Values.QUARKUS, false, b);
        }
    }

    private static boolean isTrue(String v) {
        return v != null && Values.QUARKUS.trueWords.contains(v.trim().toLowerCase(Locale.ROOT));
    }

    /** Encryption decided by an explicit {@code tls} key. */
    private static Setting<Encryption> tlsSetting(Prop tls, Boolean tlsV) {
        if (tls == null) return null;
        if (tlsV == null) return tls.setting(Encryption.UNKNOWN);
        return tlsV ? tls.setting(Encryption.IMPLICIT_TLS) : null;
    }

    private static String nameOf(Prop tlsName) {
        return tlsName.isResolved() ? tlsName.value().trim() : "<name>";
    }

    /** MP010: a key below the mailer that {@code MailerRuntimeConfig} does not have; SmallRye only logs a warning. */
    private static void unknownKeys(QView view, String base, List<String> keys, MailEndpoint.Builder b) {
        for (String k : keys) {
            if (!k.startsWith(base)) continue;
            String tail = k.substring(base.length());
            int dot = tail.indexOf('.');
            String first = INDEX.matcher(dot < 0 ? tail : tail.substring(0, dot)).replaceAll("");
            if (GROUPS.contains(first) || (dot < 0 && KNOWN.contains(first))) continue;
            Prop p = view.props.get(k);
            String written = p.key();
            String prefix = written.substring(0, written.length() - tail.length());
            String meant;
            if (KNOWN.contains(first)) {
                meant = prefix + first; // e.g. quarkus.mailer.tls.enabled: the property has no sub-keys
            } else {
                String near = nearest(first);
                // not a near miss of a mailer property: the application's own key (read through @ConfigProperty),
                // which removing would break; MP010 is for keys the mailer was plausibly meant to read
                if (near == null) continue;
                meant = prefix + near + (dot < 0 ? "" : tail.substring(dot));
            }
            b.diagnostic(Diagnostic.of(Reason.UNKNOWN_KEY, Library.QUARKUS, written, p.at()).near(meant));
        }
    }

    /** The known key or group with the same letters (case, {@code -} and {@code _} aside), else one within two edits. */
    static String nearest(String written) {
        List<String> names = new ArrayList<>(KNOWN);
        names.addAll(GROUPS);
        return Keys.nearest(written, names);
    }

    /** Fixes in the Quarkus dialect, for the mailer's own prefix. */
    static final class QuarkusFixes {
        private final String base;

        QuarkusFixes(String base) { this.base = base; }

        Fixes of(MailEndpoint e, ConfigFormat format) { return Fixes.of(JakartaFixes.syntax(format), r -> fix(r, e)); }

        private Fix fix(Remedy remedy, MailEndpoint e) {
            switch (remedy) {
                case ENCRYPT:
                    return Fix.of("set ", set("tls", "true"), " and ", set("port", "465"), " (or ", set("start-tls", "REQUIRED"),
                            " on 587)");
                case REQUIRE_STARTTLS:
                    return Fix.of("set ", set("start-tls", "REQUIRED"), " (or use implicit TLS: ", set("tls", "true"), " and ",
                            set("port", "465"), ")");
                case ENABLE_IMPLICIT_TLS:
                    return Fix.of("set ", set("tls", "true"), " (or use port 587 with ", set("tls", "false"), " and ",
                            set("start-tls", "REQUIRED"), ")");
                case USE_IMPLICIT_TLS_PORT:
                    return Fix.of("set ", set("port", "465"), " (or keep the port and use STARTTLS: ", set("tls", "false"), " and ",
                            set("start-tls", "REQUIRED"), ")");
                case USE_PROTOCOL_PORT:
                case USE_SUBMISSION_PORT:
                    return Fix.of("set ", set("port", "465"), " and ", set("tls", "true"), " (or ", set("port", "587"),
                            " and ", set("start-tls", "REQUIRED"), ")");
                case ENABLE_IDENTITY_CHECK:
                    return Fix.of("remove " + (e.identityCheck() != null ? e.identityCheck().key() : "hostname-verification-algorithm")
                            + " or set it to HTTPS");
                case VERIFY_CERTIFICATES:
                    return Fix.of("remove " + (e.trust().key() != null ? e.trust().key() : base + "trust-all") + " and give the"
                            + " server's CA through a named TLS configuration (" + base + "tls-configuration-name and"
                            + " quarkus.tls.<name>.trust-store.*)");
                case MODERN_TLS_PROTOCOLS:
                    return Fix.of("set ", Fix.set(e.tlsProtocols() != null ? e.tlsProtocols().key() : "quarkus.tls.<name>.protocols",
                            "TLSv1.3,TLSv1.2"), " or remove it");
                case EXTERNALISE_PASSWORD:
                    return Fix.of("use a placeholder such as ${MAIL_PASSWORD} (or the environment variable QUARKUS_MAILER_PASSWORD)"
                            + " and supply the value from a secret store");
                case PREFER_IMPLICIT_TLS:
                    return Fix.of("set ", set("port", "465"), " and ", set("tls", "true"), ", and remove " + base + "start-tls");
                case REMOVE_STARTTLS:
                    return Fix.of("remove " + base + "start-tls: Vert.x never sends STARTTLS on a TLS connection (for STARTTLS"
                            + " instead, set ", set("tls", "false"), ")");
                default:
                    return null;
            }
        }

        private Fix.Assignment set(String key, String value) { return Fix.set(base + key, value); }
    }
}
