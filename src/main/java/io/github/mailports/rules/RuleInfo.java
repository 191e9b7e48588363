package io.github.mailports.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A rule's one declaration: stable id, name, default severity, one-line summary, and what code-scanning tools
 * want to know beyond that: how severe it is as a security problem (GitHub's {@code security-severity}, 0.0 to
 * 10.0: over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, up to 3.9 low), how precise it is, its tags (with
 * the CWE where one fits) and the normative source its verdict rests on. Each rule class states it once, in its
 * {@code INFO} constant ({@link Rules} for MP900 and MP901); the console, SARIF, JUnit, Markdown and JSON
 * reports, the {@code mailports:rule} goal and {@code RuleCatalogTest} (which holds {@code docs/rules/README.md}
 * and every page's title to it) all read it from there.
 *
 * <pre>
 * static final RuleInfo INFO = RuleInfo.of("MP001", "cleartext-connection", Severity.ERROR,
 *         "The connection is never encrypted")
 *         .scanning(8.0, Precision.VERY_HIGH, "security").cwe(319)
 *         .source("RFC 8314 sections 3 and 5.2", RuleInfo.RFC + "rfc8314#section-3");
 * </pre>
 *
 * Instances are immutable: each step returns a new declaration.
 */
public final class RuleInfo {
    /** The RFC Editor's address; append e.g. {@code "rfc8314#section-3"}. */
    static final String RFC = "https://www.rfc-editor.org/rfc/";
    /** The Angus Mail (Jakarta Mail) provider documentation. */
    static final String ANGUS = "https://eclipse-ee4j.github.io/angus-mail/";
    /** The IANA service name and port number registry. */
    static final String IANA_PORTS = "https://www.iana.org/assignments/service-names-port-numbers/";

    private final String id;
    private final String name;
    private final Severity defaultSeverity;
    private final String severities;
    private final String summary;
    private final String securitySeverity;
    private final Precision precision;
    private final List<String> tags;
    private final String source;
    private final String sourceUri;

    private RuleInfo(String id, String name, Severity defaultSeverity, String severities, String summary,
                     String securitySeverity, Precision precision, List<String> tags, String source, String sourceUri) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.defaultSeverity = Objects.requireNonNull(defaultSeverity);
        this.severities = severities;
        this.summary = Objects.requireNonNull(summary);
        this.securitySeverity = securitySeverity;
        this.precision = precision;
        this.tags = Collections.unmodifiableList(tags);
        this.source = source;
        this.sourceUri = sourceUri;
    }

    /** A declaration with id, name, default severity and summary (no final period); add the rest with the steps below. */
    public static RuleInfo of(String id, String name, Severity defaultSeverity, String summary) {
        return new RuleInfo(id, name, defaultSeverity, null, summary, null, null, Collections.<String>emptyList(), null, null);
    }

    /**
     * When the rule reports at more than one severity, how the rules table says it, starting with the default
     * severity: {@code "WARNING; ERROR when credentials are present"}.
     */
    public RuleInfo severities(String text) {
        if (!text.startsWith(defaultSeverity.name())) {
            throw new IllegalArgumentException(id + ": '" + text + "' does not start with " + defaultSeverity.name());
        }
        return new RuleInfo(id, name, defaultSeverity, text, summary, securitySeverity, precision, tags, source, sourceUri);
    }

    /** GitHub's security-severity (0.0 to 10.0), the precision and the category tags ({@code security}, {@code correctness}, ...). */
    public RuleInfo scanning(double securitySeverity, Precision precision, String... tags) {
        if (!(securitySeverity >= 0.0 && securitySeverity <= 10.0)) {
            throw new IllegalArgumentException(id + ": security-severity " + securitySeverity + " is outside 0.0 to 10.0");
        }
        return new RuleInfo(id, name, defaultSeverity, severities, summary, String.format(Locale.ROOT, "%.1f", securitySeverity),
                Objects.requireNonNull(precision), Arrays.asList(tags), source, sourceUri);
    }

    /** The CWE entries that fit, as tags ({@code external/cwe/cwe-319}, as GitHub code scanning reads them). */
    public RuleInfo cwe(int... ids) {
        List<String> t = new ArrayList<>(tags);
        for (int cwe : ids) t.add("external/cwe/cwe-" + cwe);
        return new RuleInfo(id, name, defaultSeverity, severities, summary, securitySeverity, precision, t, source, sourceUri);
    }

    /** The normative source the verdict rests on, as a citation, and its address (or null). */
    public RuleInfo source(String citation, String uri) {
        return new RuleInfo(id, name, defaultSeverity, severities, summary, securitySeverity, precision, tags,
                Objects.requireNonNull(citation), uri);
    }

    public String id() { return id; }
    public String name() { return name; }
    public Severity defaultSeverity() { return defaultSeverity; }
    /** The severities as the rules table states them: the default severity's name unless {@link #severities} said more. */
    public String severities() { return severities != null ? severities : defaultSeverity.name(); }
    public String summary() { return summary; }
    /** GitHub's security-severity, one decimal ({@code "8.0"}); null until {@link #scanning} is declared. */
    public String securitySeverity() { return securitySeverity; }
    /** Null until {@link #scanning} is declared. */
    public Precision precision() { return precision; }
    /** Category tags, then CWE tags. */
    public List<String> tags() { return tags; }
    /** The normative source, as a citation; null for rules about the tool's own input. */
    public String source() { return source; }
    /** The normative source's address, or null. */
    public String sourceUri() { return sourceUri; }
    /** The rule's page, relative to the project root. */
    public String docPath() { return "docs/rules/" + id + ".md"; }

    @Override
    public String toString() { return id + " " + name; }
}
