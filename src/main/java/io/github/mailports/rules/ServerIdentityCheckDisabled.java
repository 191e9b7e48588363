package io.github.mailports.rules;

import io.github.mailports.model.Encryption;
import io.github.mailports.model.LibraryVersions;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;
import io.github.mailports.model.Trust;

/**
 * MP006: the host name in the certificate is not compared with the host connected to: a key turns the check off,
 * or the key is unset and the library version the project ships does not check by default
 * ({@link LibraryVersions.Behaviour#IDENTITY_CHECK_OFF_BY_DEFAULT}, {@link LibraryVersions.Behaviour#SIMPLE_JAVA_MAIL_4}).
 */
public final class ServerIdentityCheckDisabled implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP006", "server-identity-check-disabled", Severity.ERROR,
            "The server's certificate is not checked against its host name")
            .scanning(8.1, Precision.VERY_HIGH, "security").cwe(297)
            .source("RFC 7817 section 3, RFC 8314 section 5.3", RuleInfo.RFC + "rfc7817#section-3");

    private static final String LOG4J_CORE = "org.apache.logging.log4j:log4j-core";
    private static final String SPRING_BOOT = "org.springframework.boot:spring-boot-autoconfigure";

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        Setting<Boolean> check = e.identityCheck();
        Encryption enc = e.encryption().value();
        if (e.isUndecidable() || enc == Encryption.NONE || enc == Encryption.UNKNOWN) return; // TLS settings of a connection that never starts TLS are never read
        if (check == null) {
            uncheckedByDefault(e, ctx);
            return;
        }
        if (!check.isWritten() && Boolean.FALSE.equals(check.value()) && check.key() != null) {
            // a source that knows the library's own default is off (Java code on javax.mail, Commons Email) names it
            ctx.report(e, check, "does not check the server's identity for " + e.url() + ": " + check.key() + " is not set"
                    + " and the library's default is false, so any certificate a trusted CA issued for any other host is"
                    + " accepted and a man in the middle can impersonate the server", Remedy.ENABLE_IDENTITY_CHECK);
            return;
        }
        if (!check.isWritten() || !Boolean.FALSE.equals(check.value())) return;
        if (e.source().equals("log4j2") && check.key() != null && check.key().toLowerCase(java.util.Locale.ROOT).contains("verifyhostname")
                && ctx.libraries().holds(LibraryVersions.Behaviour.LOG4J2_VERIFY_HOSTNAME_IGNORED, LOG4J_CORE)) {
            ctx.reportWithFix(INFO.defaultSeverity(), e, check.location(), check.key(),
                    ctx.libraries().library(LOG4J_CORE).describe() + " ignores " + check.key() + "=\"true\" and writes"
                    + " mail.smtps.ssl.checkserveridentity=false, so the server identity is not checked for " + e.url()
                    + " (CVE-2026-34477): any certificate a trusted CA issued for any other host is accepted",
                    "upgrade Log4j to 2.25.4 or later, which honours verifyHostName");
            return;
        }
        ctx.report(e, check, "turns the server identity check off for " + e.url()
                + ": any certificate a trusted CA issued for any other host is accepted, so a man in the middle"
                + " can impersonate the server", Remedy.ENABLE_IDENTITY_CHECK);
    }

    /** The key is unset: the default of the library version the project ships decides. */
    private static void uncheckedByDefault(MailEndpoint e, RuleContext ctx) {
        if (!e.isJakartaMail() || e.trust().value() == Trust.TRUST_ALL) return; // trust-all is MP007, which says more
        boolean sjm = e.source().equals("simple-java-mail");
        LibraryVersions v = ctx.libraries();
        String key = "mail." + e.protocol().value().id() + ".ssl.checkserveridentity";
        String library;
        String fix;
        if (sjm && v.holds(LibraryVersions.Behaviour.SIMPLE_JAVA_MAIL_4, "org.simplejavamail:simple-java-mail")) {
            LibraryVersions.Library sjm4 = v.library("org.simplejavamail:simple-java-mail");
            library = sjm4.describe() + ", which runs on JavaMail 1.x and never sets " + key + ",";
            fix = "upgrade Simple Java Mail (current versions set " + key + "=true), or set it on the session in code";
        } else if (sjm) {
            return; // Simple Java Mail 5 and later write the key themselves (verifyserveridentity, default true)
        } else if (e.source().equals("spring-boot") && v.jakartaMailImplementations().isEmpty()
                && v.holds(LibraryVersions.Behaviour.SPRING_BOOT_MANAGES_UNCHECKED_IMPLEMENTATION, SPRING_BOOT)) {
            // no implementation version known (a catalog naming only the Boot plugin): the one Boot manages
            library = v.library(SPRING_BOOT).describe() + ", through the JavaMail, Jakarta Mail 1.6 or Angus Mail 1.0.0"
                    + " it manages,";
            fix = "set " + keyIn(e, key) + ", or upgrade to Spring Boot 3.1 or later (Angus Mail 1.1.0 or later)";
        } else {
            LibraryVersions.Library impl = v.identityUncheckedImplementation();
            if (impl == null) return; // unknown, or an implementation that checks: the newest (Angus Mail) is assumed
            library = impl.describe();
            fix = "set " + keyIn(e, key) + ", or upgrade to Angus Mail 1.1.0 or later, which checks by default";
        }
        String host = e.host().isKnown() ? e.host().value() : "the server";
        // reported with its own fix: the source's usual hint says to remove a key that is not there
        ctx.reportWithFix(INFO.defaultSeverity(), e, e.anchor(), null, library + " does not check the server's identity"
                + " unless " + key + "=true: any certificate from a trusted CA is accepted for " + host + " (" + e.url()
                + "), so a man in the middle with a certificate for their own domain can impersonate the server", fix);
    }

    private static String keyIn(MailEndpoint e, String key) {
        switch (e.source()) {
            case "spring-boot": return "spring.mail.properties." + key + ": true";
            case "logback": return "-D" + key + "=true in the JVM options";
            case "log4j2": return "<Ssl verifyHostName=\"true\"> (honoured from Log4j 2.25.4)";
            case "mail-url": return key + "=true in the URL";
            default: return key + "=true";
        }
    }
}
