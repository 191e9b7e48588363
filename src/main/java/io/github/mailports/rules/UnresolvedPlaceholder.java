package io.github.mailports.rules;

import io.github.mailports.model.Diagnostic;

/** MP017: a placeholder with no value decides host, port or encryption. */
public final class UnresolvedPlaceholder extends DiagnosticRule {
    static final RuleInfo INFO = RuleInfo.of("MP017", "unresolved-placeholder", Severity.INFO,
            "A placeholder without a value decides host, port or encryption")
            .scanning(1.0, Precision.MEDIUM, "maintainability");

    public UnresolvedPlaceholder() { super(Diagnostic.Kind.UNRESOLVED); }

    @Override
    public RuleInfo info() { return INFO; }
}
