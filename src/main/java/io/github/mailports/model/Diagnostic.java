package io.github.mailports.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Something an extractor noticed while working out the effective connection that is not itself a property of the
 * connection: a key the library never reads, a value it cannot use, a placeholder that decides the connection and
 * has no value. It is data: what was seen ({@link Reason}), by which library's reading ({@link Library}), at which
 * key and place, and the facts the words need (the value as the library reads it, the key that was meant, ...).
 * Rules MP010, MP016 and MP017 word it ({@code rules/DiagnosticText}); no extractor writes a sentence.
 *
 * <p>Secrets: a diagnostic never carries a password or user information. {@link #value()} holds only what a
 * reason shows (a port, a boolean word, a protocol name) and is dropped for a key named like a password; a host
 * with user information ({@link Reason#HOST_WITH_USER_INFO}) and a URL ({@code URL_*}) carry no value at all.
 */
public final class Diagnostic {
    /** What kind of trouble: which rule reports it. */
    public enum Kind {
        /** A setting the library will never read (MP010). */
        INEFFECTIVE,
        /** A value the library cannot use (MP016). */
        INVALID,
        /** A placeholder without a value that decides host, port or encryption (MP017). */
        UNRESOLVED
    }

    /**
     * Whose reading of the configuration the diagnostic describes. {@link #JAVA_CODE}: settings written in Java code,
     * where a value without a literal is one the code computes at run time (issue #12), not a placeholder.
     */
    public enum Library { JAKARTA_MAIL, SPRING_BOOT, QUARKUS, SIMPLE_JAVA_MAIL, MAIL_URL, LOGBACK, LOG4J2, THUNDERBIRD, JAVA_CODE }

    /**
     * What was seen. The facts each reason uses: {@code value} the text as the library reads it, {@code near} the key
     * or value that was meant, {@code other} another key involved, {@code detail} one more fact, named per reason.
     */
    public enum Reason {
        /** A port outside 1 to 65535 (Log4j: 0 to 65535; Thunderbird: anything its parseInt does not take); value. */
        PORT_OUT_OF_RANGE(Kind.INVALID),
        /** A number (port, timeout) the library cannot parse; value; other: the text as written when Logback mangled it. */
        NOT_A_NUMBER(Kind.INVALID),
        /** A boolean word the library does not know; value; detail: Jakarta Mail's default; other: the text as written (Logback). */
        NOT_A_BOOLEAN(Kind.INVALID),
        /** A host that holds user information (user:password@host, or a URL); no value; near/other: the login keys. */
        HOST_WITH_USER_INFO(Kind.INVALID),
        /** A protocol the library has no provider for; value. */
        UNKNOWN_PROTOCOL(Kind.INVALID),
        /** Quarkus {@code start-tls} not DISABLED, OPTIONAL or REQUIRED; value. */
        UNKNOWN_STARTTLS_MODE(Kind.INVALID),
        /** Quarkus {@code login} not NONE, DISABLED, REQUIRED or XOAUTH2; value. */
        UNKNOWN_LOGIN_MODE(Kind.INVALID),
        /** A Simple Java Mail transport strategy that is none; value; near: the strategy meant; detail: the 4.x version. */
        UNKNOWN_TRANSPORT_STRATEGY(Kind.INVALID),
        /** {@code ssl.protocols} / {@code ssl.ciphersuites} separated by commas; detail: protocol or cipher suite. */
        COMMA_SEPARATED_LIST(Kind.INVALID),
        /** Logback's {@code ${NAME:default}} in a host: a variable named with the default; value: resolved host; detail: as written. */
        UNDEFINED_VARIABLE_HOST(Kind.INVALID),
        /** A {@code ${...}} in simplejavamail.properties, read literally; other: the canonical key. */
        LITERAL_PLACEHOLDER(Kind.INVALID),
        /** A key simplejavamail.properties may not hold (the loader refuses the file); near: the key meant. */
        KEY_REFUSED(Kind.INVALID),
        /** A key that is not Simple Java Mail's in simplejavamail.properties; near: the key meant. */
        FOREIGN_KEY_REFUSED(Kind.INVALID),
        /** A key Simple Java Mail 4.x does not know yet; detail: the version. */
        KEY_OF_LATER_VERSION(Kind.INVALID),
        /** A mail URL with an empty host part; detail: the scheme. */
        URL_HOST_EMPTY(Kind.INVALID),
        /** A mail URL whose host part is no host name; detail: the scheme. */
        URL_HOST_INVALID(Kind.INVALID),
        /** A mail URL whose port is not a number; detail: the scheme. */
        URL_PORT_NOT_A_NUMBER(Kind.INVALID),
        /** A mail URL whose port is outside 1 to 65535 (the number is not kept); detail: the scheme. */
        URL_PORT_OUT_OF_RANGE(Kind.INVALID),
        /** A required element is missing (autoconfig {@code hostname}, {@code port}, {@code socketType}); detail: the TLS port. */
        MISSING_ELEMENT(Kind.INVALID),
        /** A server type that matches only ignoring case; value; near: the type meant. */
        TYPE_NOT_EXACT(Kind.INVALID),
        /** An autoconfig socket type Thunderbird does not know; value; decisive when the server is dropped. */
        UNKNOWN_SOCKET_TYPE(Kind.INVALID),

        /** A key the library does not have; near: the key meant (or null); detail: what the meant key does (Jakarta Mail). */
        UNKNOWN_KEY(Kind.INEFFECTIVE),
        /** A Jakarta Mail key written under {@code spring.mail.} outside {@code spring.mail.properties}; near: the key meant. */
        NOT_UNDER_PROPERTIES(Kind.INEFFECTIVE),
        /** A key of the Spring map without {@code mail.}; near: the key meant. */
        MISSING_MAIL_PREFIX(Kind.INEFFECTIVE),
        /** {@code mail.starttls.enable}: a protocol key without the protocol; near: the key meant; detail: what it does. */
        KEY_WITHOUT_PROTOCOL(Kind.INEFFECTIVE),
        /** A key of the sibling protocol ({@code mail.smtp.*} for smtps); near: the key meant; detail: the protocol. */
        SIBLING_PROTOCOL_KEY(Kind.INEFFECTIVE),
        /** An element whose name matches only ignoring case; near: the element meant; detail: Joran's property name. */
        MIS_CASED_ELEMENT(Kind.INEFFECTIVE),
        /** A key that loses to an argument of connect(); other: the key that wins. */
        CONNECT_ARGUMENT_WINS(Kind.INEFFECTIVE),
        /** {@code mail.transport.protocol} in Spring's map: spring.mail.protocol decides. */
        TRANSPORT_DECIDED_ELSEWHERE(Kind.INEFFECTIVE),
        /** A {@code mail.*} query parameter of a URL that the URL's own part overrides; detail: the parameter; other: the part. */
        URL_PARAMETER_OVERRIDDEN(Kind.INEFFECTIVE),
        /** An extra property Simple Java Mail overwrites when it builds the session; detail: its Jakarta Mail suffix. */
        OVERWRITTEN_BY_LIBRARY(Kind.INEFFECTIVE),
        /** {@code ssl.trust} that Jakarta Mail ignores for STARTTLS because an SSL socket factory is configured. */
        TRUST_IGNORED_WITH_FACTORY(Kind.INEFFECTIVE),
        /** A Quarkus TLS key ignored because of {@code tls-configuration-name}; other: that key; detail: the name. */
        IGNORED_FOR_TLS_CONFIGURATION(Kind.INEFFECTIVE),
        /** Log4j's {@code <Ssl>} with a protocol other than smtps; detail: the element as written. */
        SSL_WITHOUT_SMTPS(Kind.INEFFECTIVE),
        /** Commons Email's {@code setSmtpPort} with {@code setSSLOnConnect(true)}: the SSL port is used; other: that port. */
        PORT_REPLACED_BY_SSL_PORT(Kind.INEFFECTIVE),

        /** Placeholders without a value decide the connection; {@link #decided()}; other: Logback's SSL key. */
        UNRESOLVED_PLACEHOLDER(Kind.UNRESOLVED),
        /**
         * Java code that may add settings the reader cannot follow ({@code props.load(in)}, a parameter); detail: that
         * code; other: what is left to the library's default and so unknown ("the encryption and the port").
         */
        SETTINGS_FROM_CODE(Kind.UNRESOLVED);

        private final Kind kind;

        Reason(Kind kind) { this.kind = kind; }

        public Kind kind() { return kind; }
    }

    /**
     * One thing a placeholder without a value decides: what ("the host"), through which key written where, and the
     * placeholder's name ({@code ${MAIL_HOST}}).
     */
    public static final class Decided {
        private final String what;
        private final String key;
        private final SourceLocation location;
        private final String placeholder;

        public Decided(String what, String key, SourceLocation location, String placeholder) {
            this.what = Objects.requireNonNull(what);
            this.key = key;
            this.location = Objects.requireNonNull(location);
            this.placeholder = placeholder;
        }

        public String what() { return what; }
        public String key() { return key; }
        public SourceLocation location() { return location; }
        /** The placeholder as written ({@code ${MAIL_HOST}}, {@code %EMAILDOMAIN%}), or null when not known. */
        public String placeholder() { return placeholder; }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Decided)) return false;
            Decided d = (Decided) o;
            return what.equals(d.what) && Objects.equals(key, d.key) && location.equals(d.location)
                    && Objects.equals(placeholder, d.placeholder);
        }

        @Override
        public int hashCode() { return Objects.hash(what, key, placeholder); }
    }

    private final Reason reason;
    private final Library library;
    private final String key;
    private final SourceLocation location;
    private final boolean decisive;
    private final String value;
    private final String near;
    private final String other;
    private final String detail;
    private final List<Decided> decided;

    private Diagnostic(Reason reason, Library library, String key, SourceLocation location, boolean decisive, String value,
                       String near, String other, String detail, List<Decided> decided) {
        this.reason = Objects.requireNonNull(reason);
        this.library = Objects.requireNonNull(library);
        this.key = key;
        this.location = Objects.requireNonNull(location);
        this.decisive = decisive;
        this.value = value;
        this.near = near;
        this.other = other;
        this.detail = detail;
        this.decided = decided;
    }

    /** A diagnostic about the key written at a place; non-decisive, no facts yet. */
    public static Diagnostic of(Reason reason, Library library, String key, SourceLocation at) {
        return new Diagnostic(reason, library, key, at, false, null, null, null, null, Collections.<Decided>emptyList());
    }

    /** Placeholders without a value, reported as one finding at the first (the list in file order, not empty). */
    public static Diagnostic unresolved(Library library, List<Decided> decided) {
        Decided first = decided.get(0);
        return new Diagnostic(Reason.UNRESOLVED_PLACEHOLDER, library, first.key(), first.location(), false, null, null, null,
                null, Collections.unmodifiableList(new ArrayList<>(decided)));
    }

    /** One placeholder without a value that decides {@code what}. */
    public static Diagnostic unresolved(Library library, String key, SourceLocation at, String what, String placeholder) {
        return unresolved(library, Collections.singletonList(new Decided(what, key, at, placeholder)));
    }

    /**
     * The same, valued: the value as the library reads it. Never a secret: dropped for a key named like a password,
     * and refused for the reasons that must not show one.
     */
    public Diagnostic value(String v) {
        if (reason == Reason.HOST_WITH_USER_INFO || reason.name().startsWith("URL_")) {
            throw new IllegalArgumentException(reason + " never carries a value");
        }
        String shown = key != null && key.toLowerCase(java.util.Locale.ROOT).contains("password") ? null : v;
        return new Diagnostic(reason, library, key, location, decisive, shown, near, other, detail, decided);
    }

    public Diagnostic near(String v) {
        return new Diagnostic(reason, library, key, location, decisive, value, v, other, detail, decided);
    }

    public Diagnostic other(String v) {
        return new Diagnostic(reason, library, key, location, decisive, value, near, v, detail, decided);
    }

    public Diagnostic detail(String v) {
        return new Diagnostic(reason, library, key, location, decisive, value, near, other, v, decided);
    }

    /**
     * The same, decisive or not: decisive says that the application fails because of it, or that it decides
     * protocol, port or encryption so that any further verdict would be a guess.
     */
    public Diagnostic decisive(boolean v) {
        return new Diagnostic(reason, library, key, location, v, value, near, other, detail, decided);
    }

    public Kind kind() { return reason.kind(); }
    public Reason reason() { return reason; }
    public Library library() { return library; }
    /** The key as written (an element name in XML), or null. */
    public String key() { return key; }
    public SourceLocation location() { return location; }
    public boolean decisive() { return decisive; }
    /** The value as the library reads it, for the reasons that show one; never a secret; may be null. */
    public String value() { return value; }
    /** The key (or value) that was meant; may be null. */
    public String near() { return near; }
    /** Another key involved (the one that wins, the one that makes this one ignored); may be null. */
    public String other() { return other; }
    /** One more fact, named by the reason; may be null. */
    public String detail() { return detail; }
    /** For {@link Reason#UNRESOLVED_PLACEHOLDER}: what each placeholder decides, in file order; else empty. */
    public List<Decided> decided() { return decided; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Diagnostic)) return false;
        Diagnostic d = (Diagnostic) o;
        return reason == d.reason && library == d.library && decisive == d.decisive && Objects.equals(key, d.key)
                && location.equals(d.location) && Objects.equals(value, d.value) && Objects.equals(near, d.near)
                && Objects.equals(other, d.other) && Objects.equals(detail, d.detail) && decided.equals(d.decided);
    }

    @Override
    public int hashCode() { return Objects.hash(reason, key, location, value); }

    /** Reason, key and place: never the value. */
    @Override
    public String toString() { return reason + " " + key + " at " + location; }
}
