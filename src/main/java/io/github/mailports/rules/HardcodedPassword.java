package io.github.mailports.rules;

import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;

/** MP015: a literal password in a configuration file. The value is never printed. */
public final class HardcodedPassword implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP015", "hardcoded-password", Severity.WARNING,
            "A password is written as a literal value")
            .scanning(6.0, Precision.HIGH, "security").cwe(798)
            .source("CWE-798: Use of Hard-coded Credentials", "https://cwe.mitre.org/data/definitions/798.html");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        for (Setting<Boolean> password : e.literalPasswords()) {
            if (Boolean.FALSE.equals(password.value())) {
                // jasypt ENC(...): the file holds a ciphertext that anyone with the jasypt key decrypts
                ctx.reportWithFix(INFO.defaultSeverity(), e, password.location(), password.key(), "has its password"
                        + " written in the file encrypted with jasypt (ENC(...), value not shown): it is as safe as the"
                        + " jasypt key (jasypt.encryptor.password), and the ciphertext stays in the repository's history"
                        + " when that key leaks or changes", "keep the jasypt key out of the repository (supply"
                        + " jasypt.encryptor.password from the environment), or better supply the mail password itself"
                        + " from the environment or a secret store");
                continue;
            }
            ctx.report(e, password, "has its password written in the file as a literal (value not shown): anyone"
                    + " who can read the repository or the built artifact can read it", Remedy.EXTERNALISE_PASSWORD);
        }
    }
}
