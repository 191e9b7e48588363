package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;

/** MP015: a literal password in a configuration file. The value is never printed. */
public final class HardcodedPassword implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP015", "hardcoded-password", Severity.WARNING,
            "A password is written as a literal value");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        for (Setting<Boolean> password : e.literalPasswords()) {
            ctx.report(e, password, "has its password written in the file as a literal (value not shown): anyone"
                    + " who can read the repository or the built artifact can read it", Remedy.EXTERNALISE_PASSWORD);
        }
    }
}
