package io.github.mailports.extract;

import io.github.mailports.config.ConfigFormat;
import io.github.mailports.model.Origin;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;

/**
 * One configuration value as an extractor sees it: the key as written, where it was written, and its value
 * after placeholders. {@link #toString()} never shows the value: it may be a password.
 */
final class Prop {
    private final String key;
    private final SourceLocation at;
    private final String raw;
    private final String value;
    private final Origin origin;
    private final String unresolvedName;
    private final ConfigFormat format;

    Prop(String key, SourceLocation at, String raw, String value, Origin origin, String unresolvedName, ConfigFormat format) {
        this.key = key;
        this.at = at;
        this.raw = raw;
        this.value = value;
        this.origin = origin;
        this.unresolvedName = unresolvedName;
        this.format = format;
    }

    /** The same value standing in for another (library) key, e.g. {@code spring.mail.ssl.enabled} for {@code ssl.enable}. */
    Prop as(String newValue) {
        return new Prop(key, at, raw, newValue, origin, unresolvedName, format);
    }

    String key() { return key; }
    SourceLocation at() { return at; }
    String raw() { return raw; }
    /** Resolved value; null when a placeholder did not resolve. */
    String value() { return value; }
    Origin origin() { return origin; }
    boolean isResolved() { return origin != Origin.UNRESOLVED; }
    String unresolvedName() { return unresolvedName; }
    ConfigFormat format() { return format; }
    /** True for a literal value (no placeholder at all). */
    boolean isLiteral() { return origin == Origin.EXPLICIT; }

    <T> Setting<T> setting(T v) { return Setting.of(v, origin, key, at); }

    @Override
    public String toString() { return key + " at " + at; }
}
