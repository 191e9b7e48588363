package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;

/** MP003: 465, 993 and 995 expect TLS from the first byte. */
public final class ImplicitTlsPortWithoutTls implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP003", "implicit-tls-port-without-tls", Severity.ERROR,
            "An implicit-TLS port (465, 993, 995) is used without TLS from the first byte")
            .scanning(3.0, Precision.VERY_HIGH, "correctness")
            .source("RFC 8314 sections 3.1 to 3.3, IANA port registry", RuleInfo.RFC + "rfc8314#section-3.3");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || !Verdicts.implicitTlsPortWithoutTls(e)) return;
        String how = e.encryption().value().isStartTls() ? "with " + e.encryption().value().phrase() + " instead of TLS"
                : "without TLS";
        ctx.report(e, Verdicts.portCause(e), "connects to " + e.url() + " " + how + ", but " + e.port().value()
                + " expects TLS from the first byte: the handshake fails or hangs", Remedy.ENABLE_IMPLICIT_TLS);
    }
}
