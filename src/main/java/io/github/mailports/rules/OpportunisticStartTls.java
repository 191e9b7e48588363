package io.github.mailports.rules;

import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;

/** MP002: STARTTLS is used only if offered, so an attacker who deletes the offer gets cleartext. */
public final class OpportunisticStartTls implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP002", "opportunistic-starttls", Severity.WARNING,
            "STARTTLS is optional, so the connection can be downgraded to cleartext")
            .severities("WARNING; ERROR when credentials are present")
            .scanning(7.0, Precision.VERY_HIGH, "security").cwe(319, 757)
            .source("RFC 3207 section 6, RFC 8314 section 5.2, RFC 9325 section 3.2", RuleInfo.RFC + "rfc8314#section-5.2");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || e.encryption().value() != Encryption.STARTTLS_OPTIONAL || Verdicts.connectionFromCode(e)) return;
        if (ctx.isCleartextAllowed(e.host()) || Verdicts.connectionBroken(e)) return;
        boolean credentials = Boolean.TRUE.equals(e.credentials().value());
        String consequence = credentials
                ? "an attacker who removes the STARTTLS offer from the server's reply reads the password in cleartext"
                : "an attacker who removes the STARTTLS offer from the server's reply reads the messages in cleartext";
        ctx.report(credentials ? Severity.ERROR : Severity.WARNING, e, e.encryption().location(), e.encryption().key(),
                "connects to " + e.url() + " with STARTTLS that is not required: " + consequence,
                Remedy.REQUIRE_STARTTLS);
    }
}
