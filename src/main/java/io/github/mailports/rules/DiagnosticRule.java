package io.github.mailports.rules;

import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.MailEndpoint;

/**
 * Reports the extractor's diagnostics of one kind (MP010, MP016, MP017 share this shape), in the words of
 * {@link DiagnosticText}: the extractors say what they saw, the rule says it.
 */
abstract class DiagnosticRule implements Rule {
    private final Diagnostic.Kind kind;

    DiagnosticRule(Diagnostic.Kind kind) { this.kind = kind; }

    @Override
    public final void check(MailEndpoint e, RuleContext ctx) {
        for (Diagnostic d : e.diagnostics()) {
            if (d.kind() == kind) {
                ctx.reportWithFix(info().defaultSeverity(), e, d.location(), d.key(), DiagnosticText.message(d),
                        DiagnosticText.fix(d));
            }
        }
    }
}
