package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedy;

/**
 * MP012: a port outside the protocol's standard set, so encryption cannot be checked against it. Silent on a
 * cleartext-allowed host (a loopback development sink such as Mailpit, MailHog or GreenMail on 1025 or 3025,
 * or a host in {@code allowCleartextHosts}), and when another rule already says the connection fails there.
 */
public final class NonstandardPort implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP012", "nonstandard-port", Severity.INFO,
            "The port is not a standard port of the protocol")
            .scanning(1.0, Precision.VERY_HIGH, "maintainability")
            .source("IANA port registry", RuleInfo.IANA_PORTS);

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || !e.port().isKnown()) return;
        int port = e.port().value();
        Protocol.Family family = e.protocol().value().family();
        if (family.isStandardPort(port) || Protocol.Family.ofStandardPort(port) != null) return;
        if (ctx.isCleartextAllowed(e.host()) || Verdicts.connectionBroken(e)) return; // a dev sink; MP004 says it all
        if (family.isAlternativePort(port)) {
            ctx.report(e, Verdicts.portCause(e), "connects to " + e.url() + ", an alternative submission port of mail"
                    + " providers that IANA does not assign to " + family.name() + ": providers run STARTTLS there, so "
                    + e.encryption().value().phrase() + " is checked as on 587, but the port may be filtered or differ"
                    + " from provider to provider", Remedy.USE_PROTOCOL_PORT);
            return;
        }
        ctx.report(e, Verdicts.portCause(e), "connects to " + e.url() + ", which is not a standard "
                + family.name() + " port: whether " + e.encryption().value().phrase()
                + " is right for it cannot be checked", Remedy.USE_PROTOCOL_PORT);
    }
}
