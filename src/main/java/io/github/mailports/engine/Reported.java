package io.github.mailports.engine;

import io.github.mailports.model.Secrets;
import io.github.mailports.rules.Finding;

/**
 * A finding on its way into the result: decided once (texts masked and cut, profiles merged, severity overridden),
 * then marked by the inline directives ({@link Suppressions}) and the baseline ({@link Baseline}). The marks are kept
 * here, not in new copies of the finding; {@link #result} builds the reported finding at the end.
 */
final class Reported {
    final Finding finding;
    /** The reason of the directive that suppressed it (may be empty), or null: not suppressed. */
    String suppressedBy;
    /** Whether a baseline entry accepted it (never a suppressed one). */
    boolean baselined;

    Reported(Finding finding) {
        this.finding = finding;
    }

    boolean accepted() { return suppressedBy != null || baselined; }

    /**
     * The finding as reported. A reason is the user's own comment: it may quote a secret too, so it is masked with
     * every secret of the run and cut like a message.
     */
    Finding result(Secrets secrets) {
        if (suppressedBy != null) return finding.suppressed(Engine.cut(secrets.redact(suppressedBy), Engine.MAX_MESSAGE_CHARS));
        return baselined ? finding.asBaselined() : finding;
    }
}
