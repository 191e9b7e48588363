package io.github.mailports.rules;

import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;

/** MP001: the whole session, password included, crosses the network in cleartext. */
public final class CleartextConnection implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP001", "cleartext-connection", Severity.ERROR,
            "The connection is never encrypted")
            .scanning(8.0, Precision.VERY_HIGH, "security").cwe(319)
            .source("RFC 8314 sections 3 and 5.2 (Cleartext Considered Obsolete)", RuleInfo.RFC + "rfc8314#section-3");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || e.encryption().value() != Encryption.NONE || Verdicts.connectionFromCode(e)) return;
        if (ctx.isCleartextAllowed(e.host()) || Verdicts.connectionBroken(e)) return;
        ctx.report(e, e.encryption(), "connects to " + e.url() + " without any encryption: messages and credentials"
                + " cross the network in cleartext", Remedy.ENCRYPT);
    }
}
