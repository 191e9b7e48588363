package io.github.mailports.rules;

import java.util.Locale;

/** How serious a finding is; the order is meaningful (INFO &lt; WARNING &lt; ERROR). */
public enum Severity {
    INFO("info", "note"),
    WARNING("warning", "warning"),
    ERROR("error", "error");

    private final String label;
    private final String sarifLevel;

    Severity(String label, String sarifLevel) {
        this.label = label;
        this.sarifLevel = sarifLevel;
    }

    /** Lower-case word as compilers print it: {@code error}, {@code warning}, {@code info}. */
    public String label() { return label; }
    public String sarifLevel() { return sarifLevel; }
    public boolean isAtLeast(Severity other) { return compareTo(other) >= 0; }

    /** Parses {@code ERROR}, {@code warning}, ...; throws IllegalArgumentException naming the valid values. */
    public static Severity parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.name().equals(t)) return s;
        }
        throw new IllegalArgumentException("unknown severity '" + text + "': use ERROR, WARNING or INFO");
    }
}
