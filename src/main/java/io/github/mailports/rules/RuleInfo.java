package io.github.mailports.rules;

import java.util.Objects;

/** A rule's fixed metadata: stable id, name, default severity and one-line summary. */
public final class RuleInfo {
    private final String id;
    private final String name;
    private final Severity defaultSeverity;
    private final String summary;

    private RuleInfo(String id, String name, Severity defaultSeverity, String summary) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.defaultSeverity = Objects.requireNonNull(defaultSeverity);
        this.summary = Objects.requireNonNull(summary);
    }

    public static RuleInfo of(String id, String name, Severity defaultSeverity, String summary) {
        return new RuleInfo(id, name, defaultSeverity, summary);
    }

    public String id() { return id; }
    public String name() { return name; }
    public Severity defaultSeverity() { return defaultSeverity; }
    public String summary() { return summary; }
    /** The rule's page, relative to the project root. */
    public String docPath() { return "docs/rules/" + id + ".md"; }

    @Override
    public String toString() { return id + " " + name; }
}
