package io.github.mailports.engine;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a check found: findings sorted by file, line, column and rule; the endpoints; the files read. */
public final class CheckResult {
    private final List<Finding> findings;
    private final List<EndpointSummary> endpoints;
    private final List<String> files;
    private final List<String> notes;

    CheckResult(List<Finding> findings, List<EndpointSummary> endpoints, List<String> files, List<String> notes) {
        List<Finding> sorted = new ArrayList<>(findings);
        Collections.sort(sorted);
        this.findings = Collections.unmodifiableList(sorted);
        List<EndpointSummary> eps = new ArrayList<>(endpoints);
        Collections.sort(eps);
        this.endpoints = Collections.unmodifiableList(eps);
        this.files = Collections.unmodifiableList(new ArrayList<>(files));
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
    }

    public List<Finding> findings() { return findings; }
    public List<EndpointSummary> endpoints() { return endpoints; }
    /** The files read (relative paths), sorted. */
    public List<String> files() { return files; }
    /** Things the user should know that are not findings (e.g. a symbolic link not followed). */
    public List<String> notes() { return notes; }

    /** Active findings (not suppressed, not baselined) of exactly this severity. */
    public int count(Severity s) {
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == s && !f.suppressed() && !f.baselined()) n++;
        }
        return n;
    }

    public int suppressedCount() {
        int n = 0;
        for (Finding f : findings) if (f.suppressed()) n++;
        return n;
    }

    public int baselinedCount() {
        int n = 0;
        for (Finding f : findings) if (f.baselined() && !f.suppressed()) n++;
        return n;
    }

    /** Whether an active finding is at or above the threshold; null threshold means never. */
    public boolean fails(Severity threshold) {
        if (threshold == null) return false;
        for (Finding f : findings) {
            if (!f.suppressed() && !f.baselined() && f.severity().isAtLeast(threshold)) return true;
        }
        return false;
    }
}
