package io.github.mailports.extract;

import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigFormat;
import io.github.mailports.config.Placeholders;
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

    /** An entry of a file as written: a literal, the same in every view. */
    static Prop literal(ConfigEntry e, ConfigFile f) {
        return new Prop(e.key(), SourceLocation.of(f.path(), e.line(), e.column()), e.value(), e.value(), Origin.EXPLICIT,
                null, f.format());
    }

    /**
     * An entry of a file with its {@code ${name:default}} placeholders resolved as Spring and SmallRye do: a value
     * supplied through the plugin's properties first, else the configuration's own key ({@code own}), else the
     * default; {@code @name@} from the Maven properties.
     */
    static Prop resolved(ConfigEntry e, ConfigFile f, ExtractContext ctx, java.util.function.Function<String, String> own) {
        Placeholders.Result r = Placeholders.resolve(e.value(), name -> {
            String supplied = ctx.supplied(name);
            return supplied != null ? supplied : own.apply(name);
        }, ctx::maven);
        Origin origin = !r.hadPlaceholder() ? Origin.EXPLICIT : r.isResolved() ? Origin.PLACEHOLDER : Origin.UNRESOLVED;
        return new Prop(e.key(), SourceLocation.of(f.path(), e.line(), e.column()), e.value(), r.value(), origin,
                r.unresolvedName(), f.format());
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
