package io.github.mailports.model;

import java.util.Objects;

/**
 * Something an extractor noticed while working out the effective connection that is not itself a
 * property of the connection: a key the library never reads, a value it cannot use, a placeholder that
 * decides the connection and has no value. Rules MP010, MP016 and MP017 report them.
 */
public final class Diagnostic {
    /** What kind of trouble. */
    public enum Kind {
        /** A setting the library will never read (MP010). */
        INEFFECTIVE,
        /** A value the library cannot use (MP016). */
        INVALID,
        /** A placeholder without a value that decides host, port or encryption (MP017). */
        UNRESOLVED
    }

    private final Kind kind;
    private final String key;
    private final SourceLocation location;
    private final String message;
    private final String fix;
    private final boolean decisive;

    private Diagnostic(Kind kind, String key, SourceLocation location, String message, String fix, boolean decisive) {
        this.kind = Objects.requireNonNull(kind);
        this.key = key;
        this.location = Objects.requireNonNull(location);
        this.message = Objects.requireNonNull(message);
        this.fix = fix;
        this.decisive = decisive;
    }

    public static Diagnostic ineffective(String key, SourceLocation at, String message, String fix) {
        return new Diagnostic(Kind.INEFFECTIVE, key, at, message, fix, false);
    }

    /**
     * A value the library cannot use. {@code decisive} says that the application fails because of it, or
     * that it decides protocol, port or encryption so that any further verdict would be a guess.
     */
    public static Diagnostic invalid(String key, SourceLocation at, String message, String fix, boolean decisive) {
        return new Diagnostic(Kind.INVALID, key, at, message, fix, decisive);
    }

    public static Diagnostic unresolved(String key, SourceLocation at, String message, String fix) {
        return new Diagnostic(Kind.UNRESOLVED, key, at, message, fix, false);
    }

    public Kind kind() { return kind; }
    public String key() { return key; }
    public SourceLocation location() { return location; }
    /** The sentence after the endpoint's name: "connects ...", "sets ... which ...". Never holds a secret. */
    public String message() { return message; }
    public String fix() { return fix; }
    public boolean decisive() { return decisive; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Diagnostic)) return false;
        Diagnostic d = (Diagnostic) o;
        return kind == d.kind && decisive == d.decisive && Objects.equals(key, d.key) && location.equals(d.location)
                && message.equals(d.message) && Objects.equals(fix, d.fix);
    }

    @Override
    public int hashCode() { return Objects.hash(kind, key, location, message); }

    @Override
    public String toString() { return kind + " " + key + " at " + location + ": " + message; }
}
