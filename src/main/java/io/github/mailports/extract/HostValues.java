package io.github.mailports.extract;

import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.MailEndpoint;

/** Checks on host and password values that every source shares. */
final class HostValues {
    private HostValues() {
    }

    /**
     * A host written with user information ({@code user:password@smtp.example.com}, or a whole URL written as a
     * host) is no host name: the mail library resolves the whole text, the name lookup fails and nothing is sent.
     * Reports MP016 without the value (the part before the {@code @} is a secret), naming the keys that take the
     * login instead, and returns the host with everything up to the last {@code @} cut off, so that no later message
     * or report shows it; null stays null.
     */
    static Prop withoutUserInfo(Prop host, MailEndpoint.Builder b, Diagnostic.Library library, String userKey,
                                String passwordKey) {
        if (host == null || !host.isResolved() || host.value() == null) return host;
        int at = host.value().lastIndexOf('@');
        if (at < 0) return host;
        b.diagnostic(Diagnostic.of(Diagnostic.Reason.HOST_WITH_USER_INFO, library, host.key(), host.at()).near(userKey)
                .other(passwordKey).decisive(true));
        String rest = host.value().substring(at + 1).trim();
        return new Prop(host.key(), host.at(), rest, rest, host.origin(), host.unresolvedName(), host.format());
    }

    /**
     * MP015's fact: a password written in the file as a literal (no placeholder), plaintext unless it is a jasypt
     * ciphertext. Nothing for no password, an empty one or a placeholder.
     */
    static void literalPassword(Prop password, MailEndpoint.Builder b) {
        if (password == null || !password.isLiteral() || password.raw() == null || password.raw().isEmpty()) return;
        b.literalPassword(password.setting(!isJasyptCiphertext(password.value())));
    }

    /**
     * Whether a password value is a jasypt ciphertext, {@code ENC(...)} (jasypt-spring-boot's default prefix and
     * suffix): the library decrypts it at start-up with a key given elsewhere ({@code jasypt.encryptor.password}).
     */
    static boolean isJasyptCiphertext(String value) {
        if (value == null) return false;
        String v = value.trim();
        return v.length() > 5 && v.startsWith("ENC(") && v.endsWith(")");
    }
}
