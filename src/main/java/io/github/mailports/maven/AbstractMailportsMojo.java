package io.github.mailports.maven;

import io.github.mailports.engine.Baseline;
import io.github.mailports.engine.CheckRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.lifecycle.MavenExecutionPlan;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MavenPluginManager;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The parameters {@code verify} and {@code baseline} share (what to check and how, where the baseline is), and the
 * walk over the build's projects.
 *
 * <p>How the goals reach every module. Both goals declare {@code requiresProject = false}, so that they also check a
 * folder without a POM. Maven runs such a goal, typed on the command line, once, at the top of the build (its task
 * segment counts as aggregating), so {@code mvn mailports:verify} alone would never see the modules. That run
 * therefore walks {@code session.getProjects()} itself: for each project it asks Maven for the goal's execution in
 * that project ({@link LifecycleExecutor#calculateExecutionPlan}, the same call Maven makes for a command-line goal),
 * and for the goal configured from it ({@link MavenPluginManager#getConfiguredMojo}): each module's own
 * {@code <configuration>}, inherited and overridden as Maven does, with {@code -D} user properties, and
 * {@code ${project.*}} of that module. When the goal is bound to a phase in a POM, Maven itself runs it in every
 * module (in parallel with {@code -T}) and each run checks only its own project. Either way a project never looks
 * into the folder of another project of the build (a parent POM does not check its modules' files), and paths on
 * the console are relative to the directory Maven was started in. Without a POM the default selection covers every
 * module below the current directory.
 */
abstract class AbstractMailportsMojo extends AbstractMojo {
    /**
     * Skips the goal: nothing is read, written or checked.
     *
     */
    @Parameter(property = "mailports.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Comma-separated globs of the files to check, relative to the base directory ({@code **} matches any
     * number of folders, {@code {a,b}} alternatives). Default: the configuration names
     * {@code application*.{properties,yml,yaml}}, {@code bootstrap*.{properties,yml,yaml}}, {@code *mail*.properties},
     * {@code logback*.xml} and {@code log4j2*.{xml,yml,yaml,json,properties}} under {@code src/main/resources/},
     * under {@code config/} and at the top of the base directory, plus every {@code config-v1.1.xml} and every
     * {@code .xml} under {@code autoconfig/}, and the Java sources {@code src/main/java/**&#47;*.java}; without a POM,
     * under every {@code src/main/resources/}, {@code config/} and {@code src/main/java/} below the base directory too. Setting it replaces the defaults. On the command line, a comma inside braces stays
     * in its glob: <code>-Dmailports.includes=**&#47;application*.{yml,yaml}</code>.
     */
    @Parameter(property = "mailports.includes")
    protected List<String> includes;

    /**
     * Comma-separated globs of files to leave out, relative to the base directory. Setting it replaces the
     * defaults, so repeat the ones you need. Default: build output, test resources and version control:
     * <code>**&#47;target/**,**&#47;build/**,**&#47;.gradle/**,**&#47;src/test/**,**&#47;node_modules/**,**&#47;.git/**,**&#47;.svn/**,**&#47;.hg/**</code>.
     *
     */
    @Parameter(property = "mailports.excludes")
    protected List<String> excludes;

    /**
     * Extra hosts, besides loopback, where cleartext is acceptable (a {@code mailpit} or {@code greenmail}
     * container in a test profile): MP001, MP002, MP011 and MP014 skip them. Comma-separated on the command line.
     * Default: none.
     */
    @Parameter(property = "mailports.allowCleartextHosts")
    protected List<String> allowCleartextHosts;

    /**
     * Values for placeholders in the configuration, such as {@code ${SMTP_PORT}} or {@code @smtp.port@}:
     * {@code <properties><SMTP_PORT>465</SMTP_PORT></properties>}. They win over a placeholder's own default,
     * so a release pipeline can check the production values. Default: none. No user property (a map); pass
     * values from the command line through POM properties, e.g.
     * <code>&lt;SMTP_PORT&gt;${smtp.port}&lt;/SMTP_PORT&gt;</code> with {@code -Dsmtp.port=465}.
     */
    @Parameter
    protected Map<String, String> properties;

    /**
     * Per-rule overrides: a severity ({@code ERROR}, {@code WARNING}, {@code INFO}) or {@code OFF}, e.g.
     * {@code <rules><MP014>WARNING</MP014><MP012>OFF</MP012></rules>}. An unknown rule id or level stops the
     * build with a message naming it. Default: none (every rule at its documented severity). No user property;
     * see {@code skipRules} for the command line.
     */
    @Parameter
    protected Map<String, String> rules;

    /**
     * Comma-separated rule ids to switch off, e.g. {@code -Dmailports.skipRules=MP003,MP012}; added to the
     * {@code OFF} entries of {@code rules}. An unknown id stops the build. Default: none.
     *
     */
    @Parameter(property = "mailports.skipRules")
    protected List<String> skipRules;

    /**
     * The baseline: findings listed there are reported as baselined and do not fail {@code verify}; any other
     * finding does. Matched by rule, file, key, endpoint and profiles, never by line. {@code verify} uses it if
     * the file exists; {@code baseline} writes it.
     *
     */
    @Parameter(property = "mailports.baselineFile", defaultValue = "${project.basedir}/" + Baseline.FILE_NAME)
    protected File baselineFile;

    /**
     * The folder whose files are checked; paths in reports and in the baseline are relative to it. Without a
     * POM (Maven's stub project has no base directory) it is the directory Maven was started in.
     */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File baseDir;

    /**
     * Versions of the mail libraries the application ships, as comma-separated {@code groupId:artifactId:version}
     * (e.g. {@code com.sun.mail:javax.mail:1.6.2,org.simplejavamail:simple-java-mail:4.2.3}). They win over the
     * versions collected from the project's dependencies and over a {@code gradle.lockfile} or
     * {@code gradle/libs.versions.toml}. See docs/versions.md for what each version changes. Default: none.
     * User property: {@code mailports.libraries}.
     */
    @Parameter(property = "mailports.libraries")
    protected String libraries;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    protected MojoExecution mojoExecution;

    @Component
    private LifecycleExecutor lifecycleExecutor;

    @Component
    private MavenPluginManager pluginManager;

    /** The outcome of the whole run, over every project checked. */
    static final class Outcome {
        /** Each project's failure message (findings at or above its failOn). */
        final List<String> failures = new ArrayList<>();
        /** Each problem that stops the build once every project was checked (a report that cannot be written). */
        final List<String> errors = new ArrayList<>();
        int projects;
        int files;
        boolean reactor;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Outcome outcome = new Outcome();
        List<MavenProject> all = session != null && session.getProjects() != null ? session.getProjects() : new ArrayList<MavenProject>();
        boolean walk = mojoExecution != null && mojoExecution.getSource() == MojoExecution.Source.CLI && all.size() > 1
                && project != null && project == session.getTopLevelProject() && lifecycleExecutor != null && pluginManager != null;
        outcome.reactor = walk;
        if (!walk) {
            runHere(outcome);
        } else {
            for (MavenProject p : all) {
                if (p == project) {
                    runHere(outcome);
                } else {
                    runIn(p, outcome);
                }
            }
        }
        finish(outcome);
    }

    private void runHere(Outcome outcome) throws MojoExecutionException {
        if (skip) {
            getLog().info("mailports: skipped" + where() + " (mailports.skip=true)");
            return;
        }
        outcome.projects++;
        check(getLog(), outcome);
    }

    /** This goal as the given project configures it, run with this goal's log. */
    private void runIn(MavenProject p, Outcome outcome) throws MojoExecutionException {
        MavenSession s = session.clone();
        s.setCurrentProject(p);
        PluginDescriptor plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        String task = plugin.getGroupId() + ":" + plugin.getArtifactId() + ":" + plugin.getVersion() + ":" + mojoExecution.getGoal();
        MojoExecution execution = null;
        Mojo mojo = null;
        try {
            MavenExecutionPlan plan = lifecycleExecutor.calculateExecutionPlan(s, task);
            execution = plan.getMojoExecutions().get(0);
            mojo = pluginManager.getConfiguredMojo(Mojo.class, s, execution);
            AbstractMailportsMojo module = (AbstractMailportsMojo) mojo;
            module.lifecycleExecutor = null; // a module never walks the build again
            if (module.skip) {
                getLog().info("mailports: skipped" + module.where() + " (mailports.skip=true)");
                return;
            }
            outcome.projects++;
            module.check(getLog(), outcome);
        } catch (MojoExecutionException e) {
            throw e;
        } catch (Exception e) {
            throw new MojoExecutionException("mailports: cannot configure the goal for " + p.getArtifactId() + " ("
                    + shown(p.getBasedir()) + "): " + e.getMessage(), e);
        } finally {
            if (mojo != null) pluginManager.releaseMojo(mojo, execution);
        }
    }

    /** Checks this project (or folder) and adds to the outcome; findings go to {@code log}. */
    abstract void check(Log log, Outcome outcome) throws MojoExecutionException;

    /** After every project: fails the build as the outcome says. */
    abstract void finish(Outcome outcome) throws MojoExecutionException, MojoFailureException;

    /** Whether Maven runs without a POM (its stub project): then the defaults cover every module below the base. */
    protected boolean withoutPom() {
        return session != null && session.getRequest() != null && !session.getRequest().isProjectPresent();
    }

    /** The directory Maven was started in (the top of the build). */
    protected File executionRoot() {
        if (session != null && session.getExecutionRootDirectory() != null) {
            return new File(session.getExecutionRootDirectory()).getAbsoluteFile();
        }
        return new File("").getAbsoluteFile();
    }

    /** A path as shown to the user: relative to the directory Maven was started in, with {@code /}. */
    protected String shown(File f) {
        if (f == null) return "";
        Path root = executionRoot().toPath().normalize();
        Path p = f.toPath().toAbsolutePath().normalize();
        String rel = p.startsWith(root) ? root.relativize(p).toString() : p.toString();
        rel = rel.replace(File.separatorChar, '/');
        return rel.isEmpty() ? "." : rel;
    }

    /** The prefix that makes a path relative to the base directory relative to the starting directory. */
    protected String pathPrefix() {
        String s = shown(baseDirectory());
        return s.equals(".") ? "" : s + "/";
    }

    /** " in module (path)" when the build has several projects, else "". */
    protected String where() {
        if (session == null || session.getProjects() == null || session.getProjects().size() < 2 || project == null) return "";
        return " in " + project.getArtifactId() + " (" + shown(baseDirectory()) + ")";
    }

    /** The folders of the other projects of the build below this one: each checks its own files. */
    protected List<Path> otherProjects() {
        List<Path> out = new ArrayList<>();
        if (session == null || session.getProjects() == null || project == null || project.getBasedir() == null) return out;
        Path mine = project.getBasedir().toPath().toAbsolutePath().normalize();
        for (MavenProject p : session.getProjects()) {
            if (p == project || p.getBasedir() == null) continue;
            Path theirs = p.getBasedir().toPath().toAbsolutePath().normalize();
            if (!theirs.equals(mine) && theirs.startsWith(mine)) out.add(theirs);
        }
        return out;
    }

    /** The base directory: the project's, else (no POM) the directory Maven was started in. */
    protected File baseDirectory() {
        if (baseDir != null && !baseDir.getPath().contains("${")) return baseDir.getAbsoluteFile();
        return executionRoot();
    }

    /** The baseline file: as configured, else {@code mailports-baseline.json} in the base directory. */
    protected File baselineFile() {
        if (baselineFile == null || baselineFile.getPath().contains("${")) return new File(baseDirectory(), Baseline.FILE_NAME);
        return baselineFile.getAbsoluteFile();
    }

    /**
     * The request from the parameters; bad rule ids or levels are a MojoExecutionException naming them.
     * {@code ownFiles} are never selected (reports, the baseline), and neither are other projects' folders.
     */
    protected CheckRequest request(Baseline baseline, List<Path> ownFiles) throws MojoExecutionException {
        try {
            List<Path> skipped = new ArrayList<>(ownFiles);
            skipped.addAll(otherProjects());
            CheckRequest.Builder b = CheckRequest.builder(baseDirectory().toPath())
                    .includes(includes).excludes(excludes).allowCleartextHosts(allowCleartextHosts)
                    .properties(properties).mavenProperties(mavenProperties()).skipRules(skipRules).baseline(baseline)
                    .skip(skipped).wholeTree(withoutPom())
                    .libraries(libraries).projectLibraries(DependencyVersions.collect(project, session, getLog()), "Maven dependencies");
            if (rules != null) {
                for (Map.Entry<String, String> r : rules.entrySet()) b.rule(r.getKey(), r.getValue());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("mailports: " + e.getMessage() + where(), e);
        }
    }

    /** The baseline file if it exists; a malformed one, a folder or a FIFO stops the build with a message naming it. */
    protected Baseline baseline() throws MojoExecutionException {
        File file = baselineFile();
        String problem = Baseline.problem(file.toPath());
        if (problem != null) {
            throw new MojoExecutionException("mailports: the baselineFile " + shown(file) + " " + problem);
        }
        if (!file.isFile()) {
            if (!file.equals(new File(baseDirectory(), Baseline.FILE_NAME))) {
                getLog().warn("mailports: baselineFile " + shown(file) + " does not exist, so no finding is baselined");
            }
            return Baseline.none();
        }
        try {
            Baseline b = Baseline.read(file.toPath());
            getLog().info("mailports: using the baseline " + shown(file) + " (" + b.entries().size()
                    + (b.entries().size() == 1 ? " entry)" : " entries)"));
            return b;
        } catch (Baseline.MalformedException e) {
            throw new MojoExecutionException("mailports: the baseline file " + shown(file) + " is malformed at line "
                    + e.line() + ", column " + e.column() + ": " + e.getMessage()
                    + "; correct it, or record it again with mvn mailports:baseline", e);
        } catch (IOException e) {
            throw new MojoExecutionException("mailports: cannot read the baseline file " + shown(file) + ": " + e.getMessage(), e);
        }
    }

    /** The raw value of a user property given on the command line, or null. */
    protected String userProperty(String name) {
        if (session == null) return null;
        String v = session.getUserProperties() != null ? session.getUserProperties().getProperty(name) : null;
        return v;
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
}
