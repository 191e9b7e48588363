package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedy;

/** MP012: a port outside the protocol's standard set, so encryption cannot be checked against it. */
public final class NonstandardPort implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP012", "nonstandard-port", Severity.INFO,
            "The port is not a standard port of the protocol");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || !e.port().isKnown()) return;
        int port = e.port().value();
        Protocol.Family family = e.protocol().value().family();
        if (family.isStandardPort(port) || Protocol.Family.ofStandardPort(port) != null) return;
        ctx.report(e, Verdicts.portCause(e), "connects to " + e.url() + ", which is not a standard "
                + family.name() + " port: whether " + e.encryption().value().phrase()
                + " is right for it cannot be checked", Remedy.USE_PROTOCOL_PORT);
    }
}
