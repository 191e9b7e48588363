package io.github.mailports.rules;

import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;

/** MP006: the host name in the certificate is not compared with the host connected to. */
public final class ServerIdentityCheckDisabled implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP006", "server-identity-check-disabled", Severity.ERROR,
            "The server's certificate is not checked against its host name");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        Setting<Boolean> check = e.identityCheck();
        if (e.isUndecidable() || e.encryption().value() == Encryption.NONE) return; // TLS settings of a connection that never starts TLS are never read
        if (check == null || !check.isWritten() || !Boolean.FALSE.equals(check.value())) return;
        ctx.report(e, check, "turns the server identity check off for " + e.url()
                + ": any certificate a trusted CA issued for any other host is accepted, so a man in the middle"
                + " can impersonate the server", Remedy.ENABLE_IDENTITY_CHECK);
    }
}
