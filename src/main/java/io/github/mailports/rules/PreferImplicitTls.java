package io.github.mailports.rules;

import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;

/** MP013: required STARTTLS where an implicit-TLS port exists (RFC 8314, RFC 9325 3.2). */
public final class PreferImplicitTls implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP013", "prefer-implicit-tls", Severity.INFO,
            "Required STARTTLS is used where an implicit-TLS port exists")
            .scanning(2.0, Precision.VERY_HIGH, "security")
            .source("RFC 9325 section 3.2, RFC 8314 section 3", RuleInfo.RFC + "rfc9325#section-3.2");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || e.encryption().value() != Encryption.STARTTLS_REQUIRED || Verdicts.connectionBroken(e)) return;
        if (e.hasImplicitTlsAlternative()) return; // a fallback behind an implicit-TLS server the client uses first
        int tlsPort = e.protocol().value().family().implicitTlsPort();
        ctx.report(e, e.encryption(), "connects to " + e.url() + " with required STARTTLS; implicit TLS on "
                + tlsPort + " is preferred (RFC 8314, RFC 9325 section 3.2): it has no cleartext phase to attack",
                Remedy.PREFER_IMPLICIT_TLS);
    }
}
