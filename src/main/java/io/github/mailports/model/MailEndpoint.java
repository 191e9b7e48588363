package io.github.mailports.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One connection a mail library will open, as it will really open it: effective protocol, host, port,
 * encryption, trust and identity settings after every default, prefix, profile and fallback, each
 * remembering where it came from. One endpoint is one evaluation for one profile.
 */
public final class MailEndpoint {
    /** The profile name used when no profile is active. */
    public static final String DEFAULT_PROFILE = "default";

    private final String id;
    private final String source;
    private final String profile;
    private final SourceLocation anchor;
    private final String anchorKey;
    private final boolean jakartaMail;
    private final Setting<Protocol> protocol;
    private final Setting<String> host;
    private final Setting<Integer> port;
    private final Setting<Encryption> encryption;
    private final Setting<Encryption> conflictingStartTls;
    private final Setting<Trust> trust;
    private final Setting<Boolean> identityCheck;
    private final Setting<Boolean> plaintextFallback;
    private final Setting<String> tlsProtocols;
    private final Setting<Boolean> timeouts;
    private final Setting<Boolean> credentials;
    private final List<Setting<Boolean>> literalPasswords;
    private final boolean implicitTlsAlternative;
    private final List<Diagnostic> diagnostics;
    private final Fixes fixes;

    private MailEndpoint(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.source = Objects.requireNonNull(b.source, "source");
        this.profile = b.profile == null ? DEFAULT_PROFILE : b.profile;
        this.anchor = Objects.requireNonNull(b.anchor, "anchor");
        this.anchorKey = b.anchorKey;
        this.jakartaMail = b.jakartaMail;
        this.protocol = Objects.requireNonNull(b.protocol, "protocol");
        this.host = b.host != null ? b.host : Setting.defaulted("localhost", anchor);
        this.port = Objects.requireNonNull(b.port, "port");
        this.encryption = Objects.requireNonNull(b.encryption, "encryption");
        this.conflictingStartTls = b.conflictingStartTls;
        this.trust = b.trust != null ? b.trust : Setting.defaulted(Trust.VERIFY_CHAIN, anchor);
        this.identityCheck = b.identityCheck;
        this.plaintextFallback = b.plaintextFallback;
        this.tlsProtocols = b.tlsProtocols;
        this.timeouts = b.timeouts;
        this.credentials = b.credentials != null ? b.credentials : Setting.defaulted(Boolean.FALSE, anchor);
        this.literalPasswords = Collections.unmodifiableList(new ArrayList<>(b.literalPasswords));
        this.implicitTlsAlternative = b.implicitTlsAlternative;
        this.diagnostics = Collections.unmodifiableList(new ArrayList<>(b.diagnostics));
        this.fixes = b.fixes != null ? b.fixes : Fixes.NONE;
    }

    public static Builder builder(String id, String source, SourceLocation anchor) {
        return new Builder(id, source, anchor);
    }

    /** How the configuration names this connection: {@code spring.mail}, {@code mail.smtps}, {@code quarkus.mailer.billing}. */
    public String id() { return id; }
    /** Which library reads it: {@code spring-boot}, {@code jakarta-mail}, ... */
    public String source() { return source; }
    public String profile() { return profile; }
    /** Where findings about a missing key point: the host key, else the first key of the block. */
    public SourceLocation anchor() { return anchor; }
    /** The key written at the anchor (the host key, else the first key of the block), or null. */
    public String anchorKey() { return anchorKey; }
    /** Whether the connection is made by Jakarta Mail (its timeouts default to infinite). */
    public boolean isJakartaMail() { return jakartaMail; }
    public Setting<Protocol> protocol() { return protocol; }
    public Setting<String> host() { return host; }
    /** The effective port; its value is null when an unresolved placeholder decides it. */
    public Setting<Integer> port() { return port; }
    public Setting<Encryption> encryption() { return encryption; }
    /** Set when implicit TLS and STARTTLS are both requested: at the STARTTLS key, valued with what the library really does. */
    public Setting<Encryption> conflictingStartTls() { return conflictingStartTls; }
    public Setting<Trust> trust() { return trust; }
    /** The server identity (host name) check, when the configuration says anything about it; else null. */
    public Setting<Boolean> identityCheck() { return identityCheck; }
    /** Set only when an SSL socket factory is configured: whether a failure falls back to a plain socket. */
    public Setting<Boolean> plaintextFallback() { return plaintextFallback; }
    /** The raw TLS protocol list ({@code ssl.protocols}) when set; else null. */
    public Setting<String> tlsProtocols() { return tlsProtocols; }
    /** Whether any connect, read or write timeout is set; null where the library has finite defaults. */
    public Setting<Boolean> timeouts() { return timeouts; }
    /** Whether the connection authenticates (auth on, or a user name or password configured). */
    public Setting<Boolean> credentials() { return credentials; }
    /**
     * The places where a password is written as a literal. The value itself is never kept; the setting's value
     * is true for plaintext and false for a ciphertext that a key elsewhere decrypts (jasypt {@code ENC(...)}).
     */
    public List<Setting<Boolean>> literalPasswords() { return literalPasswords; }

    /**
     * Whether the configuration offers this connection only as a fallback after an implicit-TLS one that the client
     * tries first (a Thunderbird autoconfig server listed after an SSL server of the same type).
     */
    public boolean hasImplicitTlsAlternative() { return implicitTlsAlternative; }
    public List<Diagnostic> diagnostics() { return diagnostics; }

    /** True when a decisive invalid value makes any verdict on protocol, port or encryption a guess. */
    public boolean isUndecidable() {
        for (Diagnostic d : diagnostics) {
            if (d.kind() == Diagnostic.Kind.INVALID && d.decisive()) return true;
        }
        return false;
    }

    /** How each {@link Remedy} is done in this endpoint's source, and the syntax to write it in. */
    public Fixes fixes() { return fixes; }

    /**
     * {@code smtps://smtp.example.com:465} (the provider protocol). What is unknown is said in words: a host no
     * configuration sets (the application's code passes it) reads {@code the host your code passes (smtp, port 25)};
     * a placeholder without a value reads {@code smtp on port 25 (host not set)}.
     */
    public String url() {
        String id = protocol.value().id();
        String p = port.isKnown() ? String.valueOf(port.value()) : null;
        if (!host.isKnown() && (host.origin() == Origin.DEFAULT || host.key() == null)) { // no key: a host the code computes
            return "the host your code passes (" + id + (p == null ? "" : ", port " + p) + ")";
        }
        if (!host.isKnown()) return id + (p == null ? " (host and port not set)" : " on port " + p + " (host not set)");
        return id + "://" + host.value() + (p == null ? " (port not set)" : ":" + p);
    }

    @Override
    public String toString() {
        return id + " [" + profile + "] " + protocol.value() + " " + url() + " " + encryption.value();
    }

    /** Builds an endpoint; every setting not given falls back to the documented default at the anchor. */
    public static final class Builder {
        private final String id;
        private final String source;
        private final SourceLocation anchor;
        private String profile;
        private String anchorKey;
        private boolean jakartaMail;
        private Setting<Protocol> protocol;
        private Setting<String> host;
        private Setting<Integer> port;
        private Setting<Encryption> encryption;
        private Setting<Encryption> conflictingStartTls;
        private Setting<Trust> trust;
        private Setting<Boolean> identityCheck;
        private Setting<Boolean> plaintextFallback;
        private Setting<String> tlsProtocols;
        private Setting<Boolean> timeouts;
        private Setting<Boolean> credentials;
        private final List<Setting<Boolean>> literalPasswords = new ArrayList<>();
        private boolean implicitTlsAlternative;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private Fixes fixes;

        private Builder(String id, String source, SourceLocation anchor) {
            this.id = id;
            this.source = source;
            this.anchor = anchor;
        }

        public SourceLocation anchor() { return anchor; }
        public Builder profile(String v) { this.profile = v; return this; }
        /** The key written at the anchor, so findings about a missing key can name where they point. */
        public Builder anchorKey(String v) { this.anchorKey = v; return this; }
        public Builder jakartaMail(boolean v) { this.jakartaMail = v; return this; }
        public Builder protocol(Setting<Protocol> v) { this.protocol = v; return this; }
        public Builder host(Setting<String> v) { this.host = v; return this; }
        public Builder port(Setting<Integer> v) { this.port = v; return this; }
        public Builder encryption(Setting<Encryption> v) { this.encryption = v; return this; }
        public Builder conflictingStartTls(Setting<Encryption> v) { this.conflictingStartTls = v; return this; }
        public Builder trust(Setting<Trust> v) { this.trust = v; return this; }
        public Builder identityCheck(Setting<Boolean> v) { this.identityCheck = v; return this; }
        public Builder plaintextFallback(Setting<Boolean> v) { this.plaintextFallback = v; return this; }
        public Builder tlsProtocols(Setting<String> v) { this.tlsProtocols = v; return this; }
        public Builder timeouts(Setting<Boolean> v) { this.timeouts = v; return this; }
        public Builder credentials(Setting<Boolean> v) { this.credentials = v; return this; }
        /** A literal password: value true for plaintext, false for a ciphertext (see {@link MailEndpoint#literalPasswords()}). */
        public Builder literalPassword(Setting<Boolean> v) { this.literalPasswords.add(v); return this; }
        public Builder implicitTlsAlternative(boolean v) { this.implicitTlsAlternative = v; return this; }
        public Builder diagnostic(Diagnostic d) {
            if (!diagnostics.contains(d)) diagnostics.add(d);
            return this;
        }
        /** How each remedy is done in the source (see {@link Fixes}). */
        public Builder fixes(Fixes v) { this.fixes = v; return this; }

        public MailEndpoint build() { return new MailEndpoint(this); }
    }
}
