package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedy;

/** MP005: the port belongs to a different mail protocol. */
public final class PortProtocolMismatch implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP005", "port-protocol-mismatch", Severity.ERROR,
            "The port is a standard port of a different mail protocol")
            .scanning(3.0, Precision.VERY_HIGH, "correctness")
            .source("IANA port registry, RFC 8314 section 3", RuleInfo.RFC + "rfc8314#section-3");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || !Verdicts.portOfOtherProtocol(e)) return;
        Protocol.Family owner = Protocol.Family.ofStandardPort(e.port().value());
        String ours = e.protocol().value().family().name();
        ctx.report(e, Verdicts.portCause(e), "speaks " + ours + " to " + e.url() + ", but " + e.port().value()
                + (owner == Protocol.Family.POP3 ? " is a " : " is an ") + owner.name() + " port: the server answers in another protocol and the connection fails",
                Remedy.USE_PROTOCOL_PORT);
    }
}
