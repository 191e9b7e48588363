package io.github.mailports.rules;

import io.github.mailports.model.Diagnostic;

/** MP010: a mail setting the library never reads, so it cannot make the connection secure. */
public final class IneffectiveMailSetting extends DiagnosticRule {
    static final RuleInfo INFO = RuleInfo.of("MP010", "ineffective-mail-setting", Severity.WARNING,
            "A mail setting the library never reads")
            .scanning(5.0, Precision.HIGH, "correctness", "security")
            .source("Angus Mail (Jakarta Mail) provider documentation", RuleInfo.ANGUS);

    public IneffectiveMailSetting() { super(Diagnostic.Kind.INEFFECTIVE); }

    @Override
    public RuleInfo info() { return INFO; }
}
