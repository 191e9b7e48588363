package io.github.mailports.rules;

import io.github.mailports.model.LibraryVersions;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** What a rule may ask besides the endpoint (which hosts may be cleartext), and where it reports. */
public final class RuleContext {
    private static final java.util.regex.Pattern LOOPBACK_V4 = java.util.regex.Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private final Set<String> cleartextHosts;
    private final List<Finding> findings = new ArrayList<>();
    private Rule current;
    private final LibraryVersions libraries;

    public RuleContext(Iterable<String> allowCleartextHosts) {
        this(allowCleartextHosts, LibraryVersions.none());
    }

    /** With the versions of the libraries the project ships (none known means the newest). */
    public RuleContext(Iterable<String> allowCleartextHosts, LibraryVersions libraries) {
        this.libraries = libraries == null ? LibraryVersions.none() : libraries;
        Set<String> hosts = new TreeSet<>();
        for (String h : allowCleartextHosts) {
            if (h != null && !h.trim().isEmpty()) hosts.add(h.trim().toLowerCase(Locale.ROOT));
        }
        this.cleartextHosts = Collections.unmodifiableSet(hosts);
    }

    /** The versions of the libraries the project ships. */
    public LibraryVersions libraries() { return libraries; }

    void use(Rule rule) { this.current = rule; }

    /**
     * Whether cleartext is acceptable for this host: loopback ({@code localhost}, {@code *.localhost},
     * {@code 127.0.0.0/8}, {@code ::1}) or a host the user listed. An unknown host is not.
     */
    public boolean isCleartextAllowed(Setting<String> host) {
        if (!host.isKnown()) return false;
        String h = host.value().trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) return true;
        if (LOOPBACK_V4.matcher(h).matches()) return true;
        return cleartextHosts.contains(h);
    }

    /** Reports at the rule's default severity. */
    public void report(MailEndpoint e, SourceLocation at, String key, String message, Remedy remedy) {
        report(current.info().defaultSeverity(), e, at, key, message, remedy);
    }

    /** Reports at the place a setting was decided. */
    public void report(MailEndpoint e, Setting<?> at, String message, Remedy remedy) {
        report(e, at.location(), at.key() != null ? at.key() : e.anchorKey(), message, remedy);
    }

    public void report(Severity severity, MailEndpoint e, SourceLocation at, String key, String message, Remedy remedy) {
        String fix = remedy == null ? null : e.fixes().text(remedy);
        reportWithFix(severity, e, at, key, message, fix);
    }

    /** Reports with a fix text the extractor already wrote (diagnostics). */
    public void reportWithFix(Severity severity, MailEndpoint e, SourceLocation at, String key, String message, String fix) {
        List<String> profiles = Collections.singletonList(e.profile());
        String k = key == null && at.equals(e.anchor()) ? e.anchorKey() : key;
        findings.add(Finding.of(current.info(), severity, at, k, e.id(), profiles, message, fix));
    }

    public List<Finding> findings() { return Collections.unmodifiableList(findings); }
}
