package io.github.mailports.maven;

import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.report.ConsoleReport;
import io.github.mailports.report.ReportFiles;
import io.github.mailports.rules.Severity;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the mail connections the project's configuration really opens (protocol, port, encryption,
 * certificate checks), writes the reports, and fails the build on active findings at or above {@code failOn}.
 * Suppressed findings (inline directives) and findings listed in the baseline are reported but never fail it.
 * {@code mvn mailports:verify} at the top of a multi-module build checks every module, each with its own
 * configuration; without a POM it checks every module below the current directory.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public final class VerifyMojo extends AbstractMailportsMojo {
    static final List<String> FORMATS = Arrays.asList("console", "json", "sarif", "junit", "markdown");

    /**
     * The lowest severity that fails the build: {@code ERROR}, {@code WARNING}, {@code INFO}, or {@code NONE}
     * (report only). Suppressed and baselined findings never fail it.
     *
     */
    @Parameter(property = "mailports.failOn", defaultValue = "ERROR")
    private String failOn;

    /**
     * The reports to produce, comma-separated: {@code console} (the build log), {@code json}
     * ({@code mailports-report.json}), {@code sarif} ({@code mailports.sarif}, for GitHub code scanning),
     * {@code junit} ({@code mailports-junit.xml}, for GitLab, Jenkins and other test-report views) and
     * {@code markdown} ({@code mailports-summary.md}, for a CI job summary or a pull request comment). Without
     * {@code console} the log still shows the findings that fail the build and the one-line summary. Report files of
     * the formats not selected are removed from the output folder.
     *
     */
    @Parameter(property = "mailports.formats", defaultValue = "console,json,sarif")
    private List<String> formats;

    /**
     * The folder the report files are written to (atomically: a temporary file, then a rename).
     *
     */
    @Parameter(property = "mailports.outputDirectory", defaultValue = "${project.build.directory}/mailports")
    private File outputDirectory;

    /**
     * The repository root, which the {@code uri} of every SARIF result is relative to, as GitHub code scanning
     * requires. Default: the nearest folder at or above the base directory that holds {@code .git}, else
     * Maven's multi-module project directory (the folder holding {@code .mvn}), else the base directory.
     *
     */
    @Parameter(property = "mailports.repositoryRoot")
    private File repositoryRoot;

    @Override
    void check(Log log, Outcome outcome) throws MojoExecutionException {
        long start = System.nanoTime();
        Severity threshold = threshold(failOn);
        Set<String> selected = formats(formats);
        Path out = outputDirectory().toPath();
        if (repositoryRoot != null && !repositoryRoot.isDirectory()) {
            throw new MojoExecutionException("mailports: the repositoryRoot " + repositoryRoot
                    + (repositoryRoot.exists() ? " is not a folder" : " does not exist")
                    + "; leave it unset to use the folder holding .git, or give the repository's top folder");
        }
        File baselinePath = baselineFile();
        CheckRequest request = request(baseline(), Arrays.asList(out, baselinePath.toPath()));
        CheckResult result;
        try {
            result = Engine.run(request);
        } catch (IOException e) {
            throw new MojoExecutionException("mailports: cannot read the configuration" + where() + ": " + e.getMessage(), e);
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        outcome.files += result.files().size();
        // in a build of several projects a parent or library without configuration is normal: there the warning
        // is for includes set on purpose (and, for mailports:verify at the top, for a build where nothing was found)
        boolean several = session != null && session.getProjects() != null && session.getProjects().size() > 1;
        if (result.files().isEmpty() && (!several || (includes != null && !includes.isEmpty()))) {
            log.warn("mailports: " + request.nothingSelected(shown(baseDirectory())));
        }
        // the console first: a report that cannot be written must not hide what fails the build
        for (ConsoleReport.Line line : ConsoleReport.render(result, durationMs, threshold, selected.contains("console"),
                pathPrefix(), outcome.reactor ? project.getArtifactId() : null)) {
            if (line.level() == Severity.ERROR) log.error(line.text());
            else if (line.level() == Severity.WARNING) log.warn(line.text());
            else log.info(line.text());
        }
        try {
            ReportFiles.writeAll(out, selected, result, threshold, durationMs, basePrefix());
        } catch (IOException e) {
            outcome.errors.add("cannot write the reports" + where() + ": " + shownMessage(e, out)
                    + "; set mailports.outputDirectory to a folder that can be written to");
        }
        String failure = ConsoleReport.failure(result, threshold);
        if (failure != null) outcome.failures.add(failure + where());
    }

    @Override
    void finish(Outcome outcome) throws MojoExecutionException, MojoFailureException {
        if (outcome.reactor && outcome.projects > 0 && outcome.files == 0) {
            getLog().warn("mailports: no configuration file was selected in any of the " + outcome.projects
                    + " projects of the build, so nothing was checked; set includes to the paths of the mail settings");
        }
        if (!outcome.errors.isEmpty()) {
            throw new MojoExecutionException("mailports: " + String.join("; ", outcome.errors)
                    + (outcome.failures.isEmpty() ? "" : "; and the findings fail the build: " + String.join("; ", outcome.failures)));
        }
        if (!outcome.failures.isEmpty()) {
            throw new MojoFailureException("mailports: " + String.join("; ", outcome.failures)
                    + " (see above); fix them, suppress them with a reason, or set failOn");
        }
    }

    /** An exception's message with the absolute output folder shown as the user gave it. */
    private String shownMessage(IOException e, Path out) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace(out.toString(), shown(out.toFile()));
    }

    /** The output directory; without a POM, {@code target/mailports} in the base directory. */
    private File outputDirectory() throws MojoExecutionException {
        String given = userProperty("mailports.outputDirectory");
        if (given != null && given.trim().isEmpty()) {
            throw new MojoExecutionException("mailports: outputDirectory is empty (-Dmailports.outputDirectory= with no"
                    + " value); give a folder, or leave it out for target/mailports");
        }
        if (outputDirectory == null || outputDirectory.getPath().contains("${")) {
            return new File(baseDirectory(), "target/mailports");
        }
        return outputDirectory.getAbsoluteFile();
    }

    /** The base directory relative to the repository root, with {@code /}; empty when they are the same. */
    String basePrefix() {
        Path base = baseDirectory().toPath().toAbsolutePath().normalize();
        Path root = repositoryRoot != null ? repositoryRoot.toPath().toAbsolutePath().normalize() : detectRoot(base);
        if (root == null || !base.startsWith(root)) return "";
        return root.relativize(base).toString().replace(File.separatorChar, '/');
    }

    private Path detectRoot(Path base) {
        for (Path p = base; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) return p;
        }
        File multiModule = session != null && session.getRequest() != null
                ? session.getRequest().getMultiModuleProjectDirectory() : null;
        return multiModule != null ? multiModule.toPath().toAbsolutePath().normalize() : base;
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
