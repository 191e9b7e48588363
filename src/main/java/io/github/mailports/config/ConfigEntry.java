package io.github.mailports.config;

import java.util.Objects;

/**
 * One flattened key of a configuration file with its value and where both were written.
 *
 * <p>Keys are joined with {@code .} the way Spring flattens YAML ({@code spring: mail: host:} gives
 * {@code spring.mail.host}); Spring's bracket map keys ({@code properties[mail.smtp.auth]}, YAML
 * {@code "[mail.smtp.auth]"}) are kept in brackets here, so an extractor can tell them apart. Lines and
 * columns are 1-based. A {@code null} value means the key has no scalar value (YAML {@code ~} or an empty
 * mapping).
 */
public final class ConfigEntry {
    private final String key;
    private final String value;
    private final int line;
    private final int column;
    private final int valueLine;
    private final int valueColumn;
    private final int document;

    private ConfigEntry(String key, String value, int line, int column, int valueLine, int valueColumn, int document) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = value;
        this.line = line;
        this.column = column;
        this.valueLine = valueLine;
        this.valueColumn = valueColumn;
        this.document = document;
    }

    public static ConfigEntry of(String key, String value, int line, int column, int valueLine, int valueColumn, int document) {
        return new ConfigEntry(key, value, line, column, valueLine, valueColumn, document);
    }

    public String key() { return key; }
    public String value() { return value; }
    /** 1-based line of the key. */
    public int line() { return line; }
    /** 1-based column of the key. */
    public int column() { return column; }
    public int valueLine() { return valueLine; }
    public int valueColumn() { return valueColumn; }
    /** 0-based index of the document within its file ({@code ---} in YAML, {@code #---} in properties). */
    public int document() { return document; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof ConfigEntry)) return false;
        ConfigEntry e = (ConfigEntry) o;
        return line == e.line && column == e.column && valueLine == e.valueLine && valueColumn == e.valueColumn
                && document == e.document && key.equals(e.key) && Objects.equals(value, e.value);
    }

    @Override
    public int hashCode() { return Objects.hash(key, value, line, column, document); }

    /** Never prints the value: it may be a password. */
    @Override
    public String toString() { return key + "@" + line + ":" + column; }
}
