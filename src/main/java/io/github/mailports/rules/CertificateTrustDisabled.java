package io.github.mailports.rules;

import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;
import io.github.mailports.model.Trust;

/** MP007: certificate chains are not validated (trust-all, or a trusted host list). */
public final class CertificateTrustDisabled implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP007", "certificate-trust-disabled", Severity.ERROR,
            "Certificate chain validation is turned off for all or some hosts")
            .severities("ERROR for trust-all, WARNING for a host list")
            .scanning(8.1, Precision.VERY_HIGH, "security").cwe(295)
            .source("RFC 8314 section 5.3, RFC 7817, RFC 5280", RuleInfo.RFC + "rfc8314#section-5.3");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || e.encryption().value() == Encryption.NONE) return; // TLS settings of a connection that never starts TLS are never read
        Setting<Trust> trust = e.trust();
        if (trust.value() == Trust.TRUST_ALL) {
            ctx.report(Severity.ERROR, e, trust.location(), trust.key(), "trusts every certificate for " + e.url()
                    + ": anyone on the path can present their own certificate and read the session",
                    Remedy.VERIFY_CERTIFICATES);
        } else if (trust.value() == Trust.TRUST_LISTED_HOSTS) {
            ctx.report(Severity.WARNING, e, trust.location(), trust.key(), "skips certificate chain validation for"
                    + " the listed hosts when connecting to " + e.url() + ": any certificate is accepted for them,"
                    + " not only their own", Remedy.VERIFY_CERTIFICATES);
        }
    }
}
