package io.github.mailports.rules;

import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;

/** MP018: implicit TLS and STARTTLS both requested; says what the library really does. */
public final class ConflictingTlsSettings implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP018", "conflicting-tls-settings", Severity.WARNING,
            "Both implicit TLS and STARTTLS are requested")
            .scanning(5.0, Precision.VERY_HIGH, "correctness", "security")
            .source("RFC 8314 section 3.3, RFC 3207, RFC 2595", RuleInfo.RFC + "rfc8314#section-3.3");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        Setting<Encryption> conflict = e.conflictingStartTls();
        if (conflict == null || e.isUndecidable()) return;
        if (conflict.value().isStartTls()) {
            // an SSL socket factory on a port that greets in cleartext: the handshake fails, the default fallback
            // reconnects with a plain socket, and STARTTLS is what protects the session
            boolean required = conflict.value() == Encryption.STARTTLS_REQUIRED;
            ctx.report(e, conflict, "asks for both an SSL socket factory and STARTTLS on " + e.url() + ": the TLS"
                    + " handshake always fails on " + e.port().value() + ", which greets in cleartext, socketFactory.fallback"
                    + " (default true) reconnects with a plain socket, and " + (required
                    ? "the required STARTTLS then protects the session" : "STARTTLS then upgrades it only if the server"
                    + " offers it"), Remedy.REMOVE_SOCKET_FACTORY);
            return;
        }
        String outcome = conflict.value() == Encryption.IMPLICIT_TLS
                ? "the library uses implicit TLS and ignores the STARTTLS setting"
                : "the library applies neither, so the connection is cleartext";
        ctx.report(e, conflict, "asks for both implicit TLS and STARTTLS on " + e.url() + ": " + outcome,
                Remedy.REMOVE_STARTTLS);
    }
}
