package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The explicit registry of rules. Adding a rule: its class with its one declaration ({@link RuleInfo}: id, name,
 * severities, summary, SARIF metadata, normative source), one line here, its page and its rows in
 * {@code docs/rules/README.md} and {@code README.md} (RuleCatalogTest holds them to the declaration), its fixtures.
 */
public final class Rules {
    /** MP900: reported by the engine for a file it cannot read or parse. */
    public static final RuleInfo PARSE_ERROR = RuleInfo.of("MP900", "parse-error", Severity.ERROR,
            "A configuration file cannot be read or parsed")
            .scanning(3.0, Precision.VERY_HIGH, "correctness");
    /** MP901: reported by the engine for a suppression directive that suppressed nothing. */
    public static final RuleInfo UNUSED_SUPPRESSION = RuleInfo.of("MP901", "unused-suppression", Severity.WARNING,
            "A suppression directive suppressed nothing")
            .scanning(1.0, Precision.VERY_HIGH, "maintainability");

    private static final List<Rule> ALL = Collections.unmodifiableList(Arrays.<Rule>asList(
            new CleartextConnection(),
            new OpportunisticStartTls(),
            new ImplicitTlsPortWithoutTls(),
            new TlsOnStartTlsPort(),
            new PortProtocolMismatch(),
            new ServerIdentityCheckDisabled(),
            new CertificateTrustDisabled(),
            new PlaintextFallback(),
            new LegacyTlsProtocol(),
            new IneffectiveMailSetting(),
            new RelayPortForSubmission(),
            new NonstandardPort(),
            new PreferImplicitTls(),
            new MissingTimeouts(),
            new HardcodedPassword(),
            new InvalidValue(),
            new UnresolvedPlaceholder(),
            new ConflictingTlsSettings()));

    private Rules() {
    }

    /** The endpoint rules, in id order. */
    public static List<Rule> all() { return ALL; }

    /** Every rule id the tool can report, in id order, including MP900 and MP901. */
    public static List<RuleInfo> catalog() {
        List<RuleInfo> out = new ArrayList<>();
        for (Rule r : ALL) out.add(r.info());
        out.add(PARSE_ERROR);
        out.add(UNUSED_SUPPRESSION);
        return Collections.unmodifiableList(out);
    }

    /** The rule with this id, or null. */
    public static RuleInfo byId(String id) {
        for (RuleInfo info : catalog()) {
            if (info.id().equals(id)) return info;
        }
        return null;
    }

    /** Runs every rule over every endpoint; findings keep the profile of the endpoint that produced them. */
    public static List<Finding> check(List<MailEndpoint> endpoints, RuleContext context) {
        for (MailEndpoint e : endpoints) {
            for (Rule rule : ALL) {
                context.use(rule);
                rule.check(e, context);
            }
        }
        return context.findings();
    }
}
