package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;

/** MP014: Jakarta Mail waits forever by default. */
public final class MissingTimeouts implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP014", "missing-timeouts", Severity.INFO,
            "No connection, read or write timeout is set (Jakarta Mail waits forever)")
            .scanning(2.0, Precision.VERY_HIGH, "reliability")
            .source("Angus Mail (Jakarta Mail) provider documentation: timeouts default to infinite", RuleInfo.ANGUS);

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        Setting<Boolean> timeouts = e.timeouts();
        if (e.isUndecidable() || timeouts == null || Boolean.TRUE.equals(timeouts.value()) || ctx.isCleartextAllowed(e.host())) return;
        ctx.report(e, timeouts.isWritten() ? timeouts.location() : e.anchor(), timeouts.isWritten() ? timeouts.key() : e.anchorKey(), "sets no positive connectiontimeout, timeout or writetimeout for "
                + e.url() + ": Jakarta Mail waits forever by default, so a silent server hangs the sending thread",
                Remedy.SET_TIMEOUTS);
    }
}
