package io.github.mailports.engine;

import io.github.mailports.rules.RuleInfo;
import io.github.mailports.rules.Rules;
import io.github.mailports.rules.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to check and how: the base directory, the file selection, the hosts where cleartext is fine,
 * values for placeholders, and per-rule overrides. Validated when built: a bad rule id or severity is an
 * IllegalArgumentException naming it.
 */
public final class CheckRequest {
    private final Path baseDir;
    private final List<Glob> includes;
    private final List<Glob> excludes;
    private final List<String> allowCleartextHosts;
    private final Map<String, String> properties;
    private final Map<String, String> mavenProperties;
    private final Map<String, Severity> severities;
    private final List<String> disabledRules;
    private final Baseline baseline;
    private final List<Path> skippedPaths;
    private final boolean defaultIncludes;
    private final boolean wholeTree;
    private final Map<String, String> libraries;
    private final Map<String, String> projectLibraries;
    private final String projectLibrariesOrigin;

    private CheckRequest(Builder b) {
        this.baseDir = b.baseDir.toAbsolutePath().normalize();
        this.defaultIncludes = Glob.list(b.includes).isEmpty();
        this.wholeTree = b.wholeTree;
        this.includes = Collections.unmodifiableList(Glob.list(defaultIncludes
                ? (b.wholeTree ? Defaults.treeIncludes() : Defaults.includes()) : b.includes));
        this.excludes = Collections.unmodifiableList(Glob.list(b.excludes == null ? Defaults.EXCLUDES : b.excludes));
        this.skippedPaths = Collections.unmodifiableList(new ArrayList<>(b.skipped));
        this.allowCleartextHosts = Collections.unmodifiableList(new ArrayList<>(b.allowCleartextHosts));
        this.properties = Collections.unmodifiableMap(new TreeMap<>(b.properties));
        this.mavenProperties = Collections.unmodifiableMap(new TreeMap<>(b.mavenProperties));
        this.severities = Collections.unmodifiableMap(new TreeMap<>(b.severities));
        this.disabledRules = Collections.unmodifiableList(new ArrayList<>(b.disabled));
        this.baseline = b.baseline;
        this.libraries = Collections.unmodifiableMap(new TreeMap<>(b.libraries));
        this.projectLibraries = Collections.unmodifiableMap(new TreeMap<>(b.projectLibraries));
        this.projectLibrariesOrigin = b.projectLibrariesOrigin;
    }

    public static Builder builder(Path baseDir) { return new Builder(baseDir); }

    public Path baseDir() { return baseDir; }
    public List<Glob> includes() { return includes; }
    public List<Glob> excludes() { return excludes; }
    public List<String> allowCleartextHosts() { return allowCleartextHosts; }
    public Map<String, String> properties() { return properties; }
    public Map<String, String> mavenProperties() { return mavenProperties; }

    /**
     * Absolute paths the walk never enters or selects: the plugin's output folder and baseline file (it never reads
     * its own output), and the folders of the other projects of a multi-module build (each checks its own).
     */
    public List<Path> skippedPaths() { return skippedPaths; }

    /**
     * The warning for a check that selected no file: it names the base directory and the includes and says what to
     * do, so that a check that checked nothing is never mistaken for a pass.
     */
    public String nothingSelected(String shownBase) {
        String selection;
        if (defaultIncludes) {
            selection = "the default includes (application*, bootstrap*, *mail*.properties, logback*.xml and log4j2*"
                    + " files under " + (wholeTree ? "every " : "") + "src/main/resources/ and config/ and at the top, and"
                    + " autoconfig files)";
        } else {
            List<String> globs = new ArrayList<>();
            for (Glob g : includes) globs.add(g.toString());
            selection = "the includes " + String.join(",", globs);
        }
        return "no configuration file was selected in " + shownBase + " by " + selection + ", so nothing was checked;"
                + " if the mail settings live elsewhere, set includes (-Dmailports.includes=...) to their paths"
                + " relative to " + shownBase;
    }

    /** The findings accepted when the plugin was adopted; {@link Baseline#none()} when there is no baseline. */
    public Baseline baseline() { return baseline; }

    /** Library versions given by the {@code libraries} parameter ({@code groupId:artifactId} to version); they win over all others. */
    public Map<String, String> libraries() { return libraries; }

    /** The project's own dependency versions (from Maven), or empty when the build tool supplied none. */
    public Map<String, String> projectLibraries() { return projectLibraries; }

    /** Where {@link #projectLibraries()} come from, for the report. */
    public String projectLibrariesOrigin() { return projectLibrariesOrigin; }

    /** Whether findings of this rule are reported at all. */
    public boolean isEnabled(String ruleId) { return !disabledRules.contains(ruleId); }

    /** The severity a finding of this rule is reported at: the override, else what the rule decided. */
    public Severity severity(String ruleId, Severity decided) {
        Severity s = severities.get(ruleId);
        return s != null ? s : decided;
    }

    /** Builds a request. */
    public static final class Builder {
        private final Path baseDir;
        private final List<String> includes = new ArrayList<>();
        private List<String> excludes;
        private final List<String> allowCleartextHosts = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> mavenProperties = new LinkedHashMap<>();
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private final List<String> disabled = new ArrayList<>();
        private Baseline baseline = Baseline.none();
        private final List<Path> skipped = new ArrayList<>();
        private boolean wholeTree;
        private final Map<String, String> libraries = new LinkedHashMap<>();
        private final Map<String, String> projectLibraries = new LinkedHashMap<>();
        private String projectLibrariesOrigin = "Maven dependencies";

        private Builder(Path baseDir) { this.baseDir = baseDir; }

        /** Findings listed here are reported as baselined and do not fail the build; null means none. */
        public Builder baseline(Baseline b) {
            baseline = b == null ? Baseline.none() : b;
            return this;
        }

        /** Paths never entered or selected (see {@link CheckRequest#skippedPaths()}); null entries are ignored. */
        public Builder skip(List<Path> paths) {
            if (paths != null) {
                for (Path p : paths) if (p != null) skipped.add(p);
            }
            return this;
        }

        /**
         * The default includes for a folder without a POM: the configuration of every module below the base
         * ({@link Defaults#treeIncludes()}) instead of the base's own ({@link Defaults#includes()}).
         */
        public Builder wholeTree(boolean on) {
            wholeTree = on;
            return this;
        }

        /** Comma-separated globs; none means the documented defaults. */
        public Builder includes(List<String> globs) {
            if (globs != null) includes.addAll(globs);
            return this;
        }

        /** Comma-separated globs; null means the documented defaults, an empty list means none. */
        public Builder excludes(List<String> globs) {
            if (globs != null) excludes = new ArrayList<>(globs);
            return this;
        }

        public Builder allowCleartextHosts(List<String> hosts) {
            if (hosts != null) {
                for (String h : hosts) {
                    for (String part : h.split(",")) {
                        if (!part.trim().isEmpty()) allowCleartextHosts.add(part.trim());
                    }
                }
            }
            return this;
        }

        public Builder properties(Map<String, String> values) {
            if (values != null) properties.putAll(values);
            return this;
        }

        public Builder mavenProperties(Map<String, String> values) {
            if (values != null) mavenProperties.putAll(values);
            return this;
        }

        /**
         * The {@code libraries} parameter: {@code groupId:artifactId:version} entries, comma-separated; null means none.
         * A malformed entry is an IllegalArgumentException naming it.
         */
        public Builder libraries(String value) {
            libraries.putAll(LibraryVersionSources.parseParameter(value));
            return this;
        }

        /** The project's dependency versions ({@code groupId:artifactId} to version) and where they were read. */
        public Builder projectLibraries(Map<String, String> versions, String origin) {
            if (versions != null) projectLibraries.putAll(versions);
            if (origin != null) projectLibrariesOrigin = origin;
            return this;
        }

        /** A per-rule override: a severity, or {@code OFF}. */
        public Builder rule(String id, String level) {
            String rid = checkId(id);
            String l = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
            if (l.isEmpty()) {
                throw new IllegalArgumentException("rule " + rid + " has no level (an empty <" + rid + "></" + rid
                        + "> in rules): write ERROR, WARNING, INFO or OFF");
            }
            if (l.equals("OFF")) {
                disabled.add(off(rid));
            } else {
                try {
                    severities.put(rid, Severity.parse(l));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rule " + rid + ": unknown level '" + level
                            + "': use ERROR, WARNING, INFO or OFF");
                }
            }
            return this;
        }

        /** Rule ids to turn off (comma-separated entries allowed). */
        public Builder skipRules(List<String> ids) {
            if (ids != null) {
                for (String s : ids) {
                    for (String id : s.split(",")) {
                        if (!id.trim().isEmpty()) disabled.add(off(checkId(id)));
                    }
                }
            }
            return this;
        }

        /** MP900 cannot be switched off: a file that cannot be read is never skipped silently. */
        private static String off(String id) {
            if (id.equals(Rules.PARSE_ERROR.id())) {
                throw new IllegalArgumentException(id + " cannot be switched off: a file that cannot be read or parsed"
                        + " would then be skipped silently; fix the file, or leave it out with excludes");
            }
            return id;
        }

        private static String checkId(String id) {
            String t = id == null ? "" : id.trim().toUpperCase(Locale.ROOT);
            RuleInfo info = Rules.byId(t);
            if (info == null) {
                List<String> ids = new ArrayList<>();
                for (RuleInfo r : Rules.catalog()) ids.add(r.id());
                throw new IllegalArgumentException("unknown rule id '" + id + "': known ids are " + String.join(", ", ids));
            }
            return t;
        }

        public CheckRequest build() { return new CheckRequest(this); }
    }
}
