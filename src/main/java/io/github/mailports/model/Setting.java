package io.github.mailports.model;

import java.util.Objects;

/**
 * An effective value of an endpoint and the place that decided it. For a default, {@code key} is null and
 * the location is the endpoint's anchor. For an unresolved placeholder the value is null.
 */
public final class Setting<T> {
    private final T value;
    private final Origin origin;
    private final String key;
    private final SourceLocation location;

    private Setting(T value, Origin origin, String key, SourceLocation location) {
        this.value = value;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.key = key;
        this.location = Objects.requireNonNull(location, "location");
    }

    public static <T> Setting<T> of(T value, Origin origin, String key, SourceLocation location) {
        return new Setting<>(value, origin, key, location);
    }

    public static <T> Setting<T> defaulted(T value, SourceLocation anchor) {
        return new Setting<>(value, Origin.DEFAULT, null, anchor);
    }

    /** The same origin and place with another value (e.g. a parsed port from a raw string). */
    public <U> Setting<U> withValue(U newValue) {
        return new Setting<>(newValue, origin, key, location);
    }

    public T value() { return value; }
    public Origin origin() { return origin; }
    /** The key as written in the file, or null for a default. */
    public String key() { return key; }
    public SourceLocation location() { return location; }
    public boolean isKnown() { return origin != Origin.UNRESOLVED && value != null; }
    public boolean isWritten() { return origin.isWritten(); }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Setting)) return false;
        Setting<?> s = (Setting<?>) o;
        return Objects.equals(value, s.value) && origin == s.origin && Objects.equals(key, s.key)
                && location.equals(s.location);
    }

    @Override
    public int hashCode() { return Objects.hash(value, origin, key, location); }

    @Override
    public String toString() { return value + " (" + origin + (key == null ? "" : " " + key) + " at " + location + ")"; }
}
