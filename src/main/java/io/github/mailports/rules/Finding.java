package io.github.mailports.rules;

import io.github.mailports.model.SourceLocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One problem at one place. {@code subject} names the endpoint as the configuration does
 * ({@code spring.mail}); {@code message} is the rest of the sentence. Findings never hold a secret.
 */
public final class Finding implements Comparable<Finding> {
    private final RuleInfo rule;
    private final Severity severity;
    private final SourceLocation location;
    private final String key;
    private final String subject;
    private final List<String> profiles;
    private final String message;
    private final String fix;
    private final String suppressedBy;
    private final boolean baselined;

    private Finding(RuleInfo rule, Severity severity, SourceLocation location, String key, String subject,
                    List<String> profiles, String message, String fix, String suppressedBy, boolean baselined) {
        this.rule = Objects.requireNonNull(rule);
        this.severity = Objects.requireNonNull(severity);
        this.location = Objects.requireNonNull(location);
        this.key = key;
        this.subject = subject;
        this.profiles = Collections.unmodifiableList(new ArrayList<>(new TreeSet<>(profiles)));
        this.message = Objects.requireNonNull(message);
        this.fix = fix;
        this.suppressedBy = suppressedBy;
        this.baselined = baselined;
    }

    public static Finding of(RuleInfo rule, Severity severity, SourceLocation location, String key, String subject,
                             List<String> profiles, String message, String fix) {
        return new Finding(rule, severity, location, key, subject, profiles, message, fix, null, false);
    }

    public RuleInfo rule() { return rule; }
    public String ruleId() { return rule.id(); }
    public Severity severity() { return severity; }
    public SourceLocation location() { return location; }
    /** The configuration key the finding points at, or null (a file-level finding). */
    public String key() { return key; }
    /** The endpoint's name, or null for a file-level finding. */
    public String subject() { return subject; }
    /** The profiles in which the finding holds, sorted; empty for a file-level finding. */
    public List<String> profiles() { return profiles; }
    public String message() { return message; }
    public String fix() { return fix; }
    public boolean suppressed() { return suppressedBy != null; }
    /** The reason given in the suppression directive (may be empty), or null when not suppressed. */
    public String suppressionReason() { return suppressedBy; }
    public boolean baselined() { return baselined; }

    /** The whole sentence: {@code spring.mail (profile prod) connects to ...}. */
    public String fullMessage() {
        if (subject == null) return message;
        return subject + profileSuffix() + " " + message;
    }

    private String profileSuffix() {
        if (profiles.isEmpty() || (profiles.size() == 1 && profiles.get(0).equals("default"))) return "";
        return (profiles.size() == 1 ? " (profile " : " (profiles ") + String.join(", ", profiles) + ")";
    }

    /** This finding as suppressed by an inline directive with this reason (the engine marks it so at the end). */
    public Finding suppressed(String reason) {
        return new Finding(rule, severity, location, key, subject, profiles, message, fix, reason == null ? "" : reason, baselined);
    }

    /** This finding as accepted by the baseline (the engine marks it so at the end). */
    public Finding asBaselined() {
        return new Finding(rule, severity, location, key, subject, profiles, message, fix, suppressedBy, true);
    }

    /** Identity of a finding apart from its profiles: two evaluations that find the same thing merge. */
    public String mergeKey() {
        return rule.id() + '\u0000' + location + '\u0000' + key + '\u0000' + subject + '\u0000' + severity
                + '\u0000' + message + '\u0000' + fix;
    }

    @Override
    public int compareTo(Finding o) {
        int c = location.compareTo(o.location);
        if (c != 0) return c;
        c = rule.id().compareTo(o.rule.id());
        if (c != 0) return c;
        c = String.valueOf(subject).compareTo(String.valueOf(o.subject));
        if (c != 0) return c;
        c = String.join(",", profiles).compareTo(String.join(",", o.profiles));
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Finding)) return false;
        Finding f = (Finding) o;
        return mergeKey().equals(f.mergeKey()) && profiles.equals(f.profiles)
                && Objects.equals(suppressedBy, f.suppressedBy) && baselined == f.baselined;
    }

    @Override
    public int hashCode() { return Objects.hash(rule.id(), location, message, profiles); }

    @Override
    public String toString() { return location + ": " + severity.label() + ": [" + rule.id() + " " + rule.name() + "] " + fullMessage(); }
}
