package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;

/** MP004: implicit TLS spoken to a port whose server greets in cleartext. */
public final class TlsOnStartTlsPort implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP004", "tls-on-starttls-port", Severity.ERROR,
            "Implicit TLS is used on a port that starts in cleartext (25, 587, 2525, 588, 80, 143, 110)")
            .scanning(3.0, Precision.VERY_HIGH, "correctness")
            .source("RFC 6409 section 3.1, RFC 3207, RFC 2595", RuleInfo.RFC + "rfc6409#section-3.1");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || !Verdicts.tlsOnStartTlsPort(e)) return;
        ctx.report(e, Verdicts.portCause(e), "connects to " + e.url() + " with implicit TLS, but the server on "
                + e.port().value() + " greets in cleartext: the handshake fails with \"Unsupported or unrecognized SSL message\"",
                Remedy.USE_IMPLICIT_TLS_PORT);
    }
}
