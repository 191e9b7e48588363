package io.github.mailports.report;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What code-scanning tools want to know about a rule beyond its id, name and severity: how severe it is as a
 * security problem (GitHub's {@code security-severity}, 0.0 to 10.0: over 9.0 critical, 7.0 to 8.9 high, 4.0
 * to 6.9 medium, up to 3.9 low), its tags (with the CWE where one fits), how precise it is, and the normative
 * source its verdict rests on. A test keeps this table complete for every rule of the catalog.
 */
final class RuleMetadata {
    private static final String RFC = "https://www.rfc-editor.org/rfc/";
    private static final String ANGUS = "https://eclipse-ee4j.github.io/angus-mail/";
    private static final Map<String, RuleMetadata> ALL = new HashMap<>();

    static {
        add("MP001", "8.0", "very-high", "RFC 8314 sections 3 and 5.2 (Cleartext Considered Obsolete)", RFC + "rfc8314#section-3",
                "security", "external/cwe/cwe-319");
        add("MP002", "7.0", "very-high", "RFC 3207 section 6, RFC 8314 section 5.2, RFC 9325 section 3.2", RFC + "rfc8314#section-5.2",
                "security", "external/cwe/cwe-319", "external/cwe/cwe-757");
        add("MP003", "3.0", "very-high", "RFC 8314 sections 3.1 to 3.3, IANA port registry", RFC + "rfc8314#section-3.3",
                "correctness");
        add("MP004", "3.0", "very-high", "RFC 6409 section 3.1, RFC 3207, RFC 2595", RFC + "rfc6409#section-3.1",
                "correctness");
        add("MP005", "3.0", "very-high", "IANA port registry, RFC 8314 section 3", RFC + "rfc8314#section-3",
                "correctness");
        add("MP006", "8.1", "very-high", "RFC 7817 section 3, RFC 8314 section 5.3", RFC + "rfc7817#section-3",
                "security", "external/cwe/cwe-297");
        add("MP007", "8.1", "very-high", "RFC 8314 section 5.3, RFC 7817, RFC 5280", RFC + "rfc8314#section-5.3",
                "security", "external/cwe/cwe-295");
        add("MP008", "7.4", "very-high", "RFC 8314 section 5.2", RFC + "rfc8314#section-5.2",
                "security", "external/cwe/cwe-319", "external/cwe/cwe-757");
        add("MP009", "5.9", "very-high", "RFC 8996 sections 4 and 5, RFC 9325 section 3.1.1", RFC + "rfc8996#section-4",
                "security", "external/cwe/cwe-327");
        add("MP010", "5.0", "high", "Angus Mail (Jakarta Mail) provider documentation", ANGUS,
                "correctness", "security");
        add("MP011", "4.3", "high", "RFC 6409 sections 1 and 3.1, RFC 3207 section 4", RFC + "rfc6409#section-3.1",
                "security", "external/cwe/cwe-319");
        add("MP012", "1.0", "very-high", "IANA port registry", "https://www.iana.org/assignments/service-names-port-numbers/",
                "maintainability");
        add("MP013", "2.0", "very-high", "RFC 9325 section 3.2, RFC 8314 section 3", RFC + "rfc9325#section-3.2",
                "security");
        add("MP014", "2.0", "very-high", "Angus Mail (Jakarta Mail) provider documentation: timeouts default to infinite", ANGUS,
                "reliability");
        add("MP015", "6.0", "high", "CWE-798: Use of Hard-coded Credentials", "https://cwe.mitre.org/data/definitions/798.html",
                "security", "external/cwe/cwe-798");
        add("MP016", "3.0", "very-high", "Angus Mail (Jakarta Mail) provider documentation", ANGUS,
                "correctness");
        add("MP017", "1.0", "medium", null, null,
                "maintainability");
        add("MP018", "5.0", "very-high", "RFC 8314 section 3.3, RFC 3207, RFC 2595", RFC + "rfc8314#section-3.3",
                "correctness", "security");
        add("MP900", "3.0", "very-high", null, null,
                "correctness");
        add("MP901", "1.0", "very-high", null, null,
                "maintainability");
    }

    final String securitySeverity;
    final String precision;
    /** The normative source, as a citation; null for rules about the tool's own input. */
    final String source;
    final String sourceUri;
    final List<String> tags;

    private RuleMetadata(String securitySeverity, String precision, String source, String sourceUri, List<String> tags) {
        this.securitySeverity = securitySeverity;
        this.precision = precision;
        this.source = source;
        this.sourceUri = sourceUri;
        this.tags = Collections.unmodifiableList(tags);
    }

    private static void add(String id, String severity, String precision, String source, String uri, String... tags) {
        ALL.put(id, new RuleMetadata(severity, precision, source, uri, Arrays.asList(tags)));
    }

    /** The metadata of a rule; a rule missing from the table gets neutral values. */
    static RuleMetadata of(String ruleId) {
        RuleMetadata m = ALL.get(ruleId);
        return m != null ? m : new RuleMetadata("1.0", "medium", null, null, Collections.singletonList("mail"));
    }

    static boolean has(String ruleId) { return ALL.containsKey(ruleId); }
}
