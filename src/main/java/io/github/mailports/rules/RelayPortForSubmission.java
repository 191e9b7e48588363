package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedy;

/** MP011: authenticated submission sent to the relay port 25. */
public final class RelayPortForSubmission implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP011", "relay-port-for-submission", Severity.WARNING,
            "Authenticated mail submission uses the relay port 25")
            .scanning(4.3, Precision.HIGH, "security").cwe(319)
            .source("RFC 6409 sections 1 and 3.1, RFC 3207 section 4", RuleInfo.RFC + "rfc6409#section-3.1");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || e.protocol().value().family() != Protocol.Family.SMTP || Verdicts.connectionFromCode(e)) return;
        if (!e.port().isKnown() || e.port().value() != 25 || !Boolean.TRUE.equals(e.credentials().value())) return;
        if (ctx.isCleartextAllowed(e.host()) || Verdicts.connectionBroken(e)) return;
        ctx.report(e, Verdicts.portCause(e), "logs in to " + e.url() + ", but 25 is the server-to-server relay port"
                + " (RFC 5321): providers often block it, and submission belongs on 465 or 587 (RFC 8314, RFC 6409)",
                Remedy.USE_SUBMISSION_PORT);
    }
}
