package io.github.mailports.maven;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.report.ConsoleReport;
import io.github.mailports.report.JsonReport;
import io.github.mailports.report.JunitReport;
import io.github.mailports.report.MarkdownReport;
import io.github.mailports.report.ReportFiles;
import io.github.mailports.report.SarifReport;
import io.github.mailports.rules.Severity;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
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
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public final class VerifyMojo extends AbstractMailportsMojo {
    static final List<String> FORMATS = Arrays.asList("console", "json", "sarif", "junit", "markdown");

    /**
     * The lowest severity that fails the build: {@code ERROR}, {@code WARNING}, {@code INFO}, or {@code NONE}
     * (report only). Suppressed and baselined findings never fail it. Default: {@code ERROR}.
     * User property: {@code mailports.failOn}.
     */
    @Parameter(property = "mailports.failOn", defaultValue = "ERROR")
    private String failOn;

    /**
     * The reports to produce, comma-separated: {@code console} (the build log), {@code json}
     * ({@code mailports-report.json}), {@code sarif} ({@code mailports.sarif}, for GitHub code scanning),
     * {@code junit} ({@code mailports-junit.xml}, for GitLab, Jenkins and other test-report views) and
     * {@code markdown} ({@code mailports-summary.md}, for a CI job summary or a pull request comment). Without
     * {@code console} the log still shows the one-line summary. Default: {@code console,json,sarif}.
     * User property: {@code mailports.formats}.
     */
    @Parameter(property = "mailports.formats", defaultValue = "console,json,sarif")
    private List<String> formats;

    /**
     * The folder the report files are written to (atomically: a temporary file, then a rename).
     * Default: <code>${project.build.directory}/mailports</code>. User property: {@code mailports.outputDirectory}.
     */
    @Parameter(property = "mailports.outputDirectory", defaultValue = "${project.build.directory}/mailports")
    private File outputDirectory;

    /**
     * The repository root, which the {@code uri} of every SARIF result is relative to, as GitHub code scanning
     * requires. Default: the nearest folder at or above the base directory that holds {@code .git}, else
     * Maven's multi-module project directory (the folder holding {@code .mvn}), else the base directory.
     * User property: {@code mailports.repositoryRoot}.
     */
    @Parameter(property = "mailports.repositoryRoot")
    private File repositoryRoot;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mailports: skipped (mailports.skip=true)");
            return;
        }
        long start = System.nanoTime();
        Severity threshold = threshold(failOn);
        Set<String> selected = formats(formats);
        CheckResult result;
        try {
            result = Engine.run(request(baseline()));
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            Path out = outputDirectory().toPath();
            if (selected.contains("json")) ReportFiles.write(out, JsonReport.FILE_NAME, JsonReport.render(result, durationMs));
            if (selected.contains("sarif")) ReportFiles.write(out, SarifReport.FILE_NAME, SarifReport.render(result, basePrefix()));
            if (selected.contains("junit")) {
                ReportFiles.write(out, JunitReport.FILE_NAME, JunitReport.render(result, threshold, durationMs));
            }
            if (selected.contains("markdown")) {
                ReportFiles.write(out, MarkdownReport.FILE_NAME, MarkdownReport.render(result, threshold, durationMs));
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

    /** The output directory; without a POM, {@code target/mailports} in the base directory. */
    private File outputDirectory() {
        if (outputDirectory == null || outputDirectory.getPath().contains("${")) {
            return new File(baseDirectory(), "target/mailports");
        }
        return outputDirectory;
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
