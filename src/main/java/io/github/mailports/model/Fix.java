package io.github.mailports.model;

/**
 * How one {@link Remedy} is done in a source, as data: prose, and the settings to write ({@link #set}), in reading
 * order. The settings are spelled by the source's {@link Syntax} when the fix is rendered; a key to remove, or a
 * step that is no key change, is part of the prose.
 */
public final class Fix {
    private final Object[] parts;

    private Fix(Object[] parts) { this.parts = parts; }

    /** A fix from prose ({@link String}) and settings ({@link #set}), in reading order. */
    public static Fix of(Object... parts) {
        for (Object p : parts) {
            if (!(p instanceof String) && !(p instanceof Assignment)) throw new IllegalArgumentException("neither prose nor a setting: " + p);
        }
        return new Fix(parts.clone());
    }

    /** A setting of {@code key} to {@code value}, spelled by the syntax the fix is rendered in. */
    public static Assignment set(String key, String value) { return new Assignment(key, value); }

    /** The fix as a sentence, each setting written in {@code syntax}. */
    public String render(Syntax syntax) {
        StringBuilder s = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Assignment) s.append(syntax.set(((Assignment) p).key, ((Assignment) p).value));
            else s.append((String) p);
        }
        return s.toString();
    }

    /** A key set to a value. */
    public static final class Assignment {
        private final String key;
        private final String value;

        private Assignment(String key, String value) {
            this.key = key;
            this.value = value;
        }
    }
}
