package io.github.mailports.rules;

import io.github.mailports.model.Diagnostic;

/** MP016: a value the library cannot use. */
public final class InvalidValue extends DiagnosticRule {
    static final RuleInfo INFO = RuleInfo.of("MP016", "invalid-value", Severity.ERROR,
            "A value the library cannot use")
            .scanning(3.0, Precision.VERY_HIGH, "correctness")
            .source("Angus Mail (Jakarta Mail) provider documentation", RuleInfo.ANGUS);

    public InvalidValue() { super(Diagnostic.Kind.INVALID); }

    @Override
    public RuleInfo info() { return INFO; }
}
