package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;

/** MP008: an SSL socket factory whose failure silently reconnects with a plain socket. */
public final class PlaintextFallback implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP008", "plaintext-fallback", Severity.ERROR,
            "A TLS failure of the socket factory falls back to a cleartext socket")
            .scanning(7.4, Precision.VERY_HIGH, "security").cwe(319, 757)
            .source("RFC 8314 section 5.2", RuleInfo.RFC + "rfc8314#section-5.2");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        Setting<Boolean> fallback = e.plaintextFallback();
        if (e.isUndecidable() || fallback == null || !Boolean.TRUE.equals(fallback.value())) return;
        String why = fallback.isWritten() && fallback.key() != null && fallback.key().endsWith("fallback")
                ? "socketFactory.fallback is true" : "socketFactory.fallback defaults to true";
        ctx.report(e, fallback, "uses an SSL socket factory for " + e.url() + " but " + why
                + ": any TLS failure silently reconnects in cleartext", Remedy.DISABLE_FALLBACK);
    }
}
