package io.github.mailports.rules;

import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;

/** MP018: implicit TLS and STARTTLS both requested; says what the library really does. */
public final class ConflictingTlsSettings implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP018", "conflicting-tls-settings", Severity.WARNING,
            "Both implicit TLS and STARTTLS are requested");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        Setting<Encryption> conflict = e.conflictingStartTls();
        if (conflict == null || e.isUndecidable()) return;
        String outcome = conflict.value() == Encryption.IMPLICIT_TLS
                ? "the library uses implicit TLS and ignores the STARTTLS setting"
                : "the library applies neither, so the connection is cleartext";
        ctx.report(e, conflict, "asks for both implicit TLS and STARTTLS on " + e.url() + ": " + outcome,
                Remedy.REMOVE_STARTTLS);
    }
}
