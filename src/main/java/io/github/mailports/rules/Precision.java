package io.github.mailports.rules;

import java.util.Locale;

/** How often a finding of a rule is a true problem, as SARIF's {@code precision} rule property says it. */
public enum Precision {
    VERY_HIGH, HIGH, MEDIUM, LOW;

    /** The SARIF value: {@code very-high}, {@code high}, {@code medium}, {@code low}. */
    public String sarif() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
