package io.github.mailports.maven;

import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.report.ConsoleReport;
import io.github.mailports.report.JsonReport;
import io.github.mailports.report.ReportFiles;
import io.github.mailports.rules.Severity;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Checks the mail connections the project's configuration really opens (protocol, port, encryption,
 * certificate checks) and fails the build on findings at or above {@code failOn}.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public final class VerifyMojo extends AbstractMojo {
    private static final List<String> FORMATS = Arrays.asList("console", "json");

    /** Do nothing. */
    @Parameter(property = "mailports.skip", defaultValue = "false")
    private boolean skip;

    /** Lowest severity that fails the build: ERROR, WARNING, INFO, or NONE (report only). */
    @Parameter(property = "mailports.failOn", defaultValue = "ERROR")
    private String failOn;

    /** Comma-separated globs of files to check, relative to the base directory. Default: the documented configuration names. */
    @Parameter(property = "mailports.includes")
    private List<String> includes;

    /** Comma-separated globs of files to leave out. */
    @Parameter(property = "mailports.excludes", defaultValue = "**/target/**,**/node_modules/**,**/.git/**")
    private List<String> excludes;

    /** Report formats: any of console, json. */
    @Parameter(property = "mailports.formats", defaultValue = "console,json")
    private List<String> formats;

    /** Where reports are written. */
    @Parameter(property = "mailports.outputDirectory", defaultValue = "${project.build.directory}/mailports")
    private File outputDirectory;

    /** Extra hosts (besides loopback) where cleartext is fine, e.g. a mailpit container. */
    @Parameter(property = "mailports.allowCleartextHosts")
    private List<String> allowCleartextHosts;

    /** Values for placeholders such as ${SMTP_PORT}; a release pipeline can pass production values. */
    @Parameter
    private Map<String, String> properties;

    /** Per-rule severity override or OFF: {@code <rules><MP014>WARNING</MP014><MP012>OFF</MP012></rules>}. */
    @Parameter
    private Map<String, String> rules;

    /** Comma-separated rule ids to turn off. */
    @Parameter(property = "mailports.skipRules")
    private List<String> skipRules;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDir;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mailports: skipped (mailports.skip=true)");
            return;
        }
        long start = System.nanoTime();
        Severity threshold = threshold(failOn);
        Set<String> selected = formats(formats);
        CheckRequest request;
        try {
            CheckRequest.Builder b = CheckRequest.builder(baseDir.toPath())
                    .includes(includes).excludes(excludes).allowCleartextHosts(allowCleartextHosts)
                    .properties(properties).mavenProperties(mavenProperties()).skipRules(skipRules);
            if (rules != null) {
                for (Map.Entry<String, String> r : rules.entrySet()) b.rule(r.getKey(), r.getValue());
            }
            request = b.build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("mailports: " + e.getMessage(), e);
        }
        CheckResult result;
        try {
            result = Engine.run(request);
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            if (selected.contains("json")) {
                ReportFiles.write(outputDirectory.toPath(), JsonReport.FILE_NAME, JsonReport.render(result, durationMs));
            }
            for (ConsoleReport.Line line : ConsoleReport.render(result, durationMs)) {
                if (!selected.contains("console") && line.level() != Severity.INFO) continue;
                if (line.level() == Severity.ERROR) getLog().error(line.text());
                else if (line.level() == Severity.WARNING) getLog().warn(line.text());
                else getLog().info(line.text());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("mailports: cannot read the configuration or write the reports: " + e.getMessage(), e);
        }
        if (result.fails(threshold)) {
            throw new MojoFailureException("mailports: findings at or above " + threshold
                    + " (see above); fix them, suppress them with a reason, or set failOn");
        }
    }

    private Map<String, String> mavenProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        if (project == null) return out;
        Properties p = project.getProperties();
        for (String name : p.stringPropertyNames()) out.put(name, p.getProperty(name));
        out.put("project.version", project.getVersion());
        out.put("project.artifactId", project.getArtifactId());
        out.put("project.groupId", project.getGroupId());
        return out;
    }

    static Severity threshold(String failOn) throws MojoExecutionException {
        String v = failOn == null ? "ERROR" : failOn.trim().toUpperCase(Locale.ROOT);
        if (v.equals("NONE")) return null;
        try {
            return Severity.parse(v);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("mailports: failOn must be ERROR, WARNING, INFO or NONE, not '" + failOn + "'");
        }
    }

    static Set<String> formats(List<String> formats) throws MojoExecutionException {
        Set<String> out = new LinkedHashSet<>();
        List<String> given = formats == null ? new ArrayList<String>() : formats;
        for (String entry : given) {
            for (String f : entry.split(",")) {
                String t = f.trim().toLowerCase(Locale.ROOT);
                if (t.isEmpty()) continue;
                if (!FORMATS.contains(t)) {
                    throw new MojoExecutionException("mailports: unknown report format '" + f.trim() + "': use any of "
                            + String.join(", ", FORMATS));
                }
                out.add(t);
            }
        }
        return out;
    }
}
