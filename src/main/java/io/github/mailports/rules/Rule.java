package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;

/** One check: asks an endpoint one question and reports at the setting that causes the answer. */
public interface Rule {
    RuleInfo info();

    void check(MailEndpoint endpoint, RuleContext context);
}
