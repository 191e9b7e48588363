package io.github.mailports.maven;

import io.github.mailports.engine.Baseline;
import io.github.mailports.engine.CheckRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The parameters {@code verify} and {@code baseline} share: what to check and how, and where the baseline is. */
abstract class AbstractMailportsMojo extends AbstractMojo {
    /**
     * Skips the goal: nothing is read, written or checked.
     * Default: {@code false}. User property: {@code mailports.skip}.
     */
    @Parameter(property = "mailports.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Comma-separated globs of the files to check, relative to the base directory ({@code **} matches any
     * number of folders, {@code {a,b}} alternatives). Default: the configuration names
     * {@code application*.{properties,yml,yaml}}, {@code bootstrap*.{properties,yml,yaml}}, {@code *mail*.properties},
     * {@code logback*.xml} and {@code log4j2*.{xml,yml,yaml,json,properties}} under {@code src/main/resources/},
     * under {@code config/} and at the top of the base directory, plus every {@code config-v1.1.xml} and every
     * {@code .xml} under {@code autoconfig/}. Setting it replaces the defaults. User property: {@code mailports.includes}.
     */
    @Parameter(property = "mailports.includes")
    protected List<String> includes;

    /**
     * Comma-separated globs of files to leave out, relative to the base directory. Setting it replaces the
     * defaults, so repeat the ones you need. Default: <code>**&#47;target/**,**&#47;node_modules/**,**&#47;.git/**</code>.
     * User property: {@code mailports.excludes}.
     */
    @Parameter(property = "mailports.excludes", defaultValue = "**/target/**,**/node_modules/**,**/.git/**")
    protected List<String> excludes;

    /**
     * Extra hosts, besides loopback, where cleartext is acceptable (a {@code mailpit} or {@code greenmail}
     * container in a test profile): MP001, MP002, MP011 and MP014 skip them. Comma-separated on the command line.
     * Default: none. User property: {@code mailports.allowCleartextHosts}.
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
     * User property: {@code mailports.skipRules}.
     */
    @Parameter(property = "mailports.skipRules")
    protected List<String> skipRules;

    /**
     * The baseline: findings listed there are reported as baselined and do not fail {@code verify}; any other
     * finding does. Matched by rule, file, key, endpoint and profiles, never by line. {@code verify} uses it if
     * the file exists; {@code baseline} writes it. Default: <code>${project.basedir}/mailports-baseline.json</code>.
     * User property: {@code mailports.baselineFile}.
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

    /** The base directory: the project's, else (no POM) the directory Maven was started in. */
    protected File baseDirectory() {
        if (baseDir != null && !baseDir.getPath().contains("${")) return baseDir.getAbsoluteFile();
        if (session != null && session.getExecutionRootDirectory() != null) {
            return new File(session.getExecutionRootDirectory()).getAbsoluteFile();
        }
        return new File("").getAbsoluteFile();
    }

    /** The baseline file: as configured, else {@code mailports-baseline.json} in the base directory. */
    protected File baselineFile() {
        if (baselineFile == null || baselineFile.getPath().contains("${")) return new File(baseDirectory(), Baseline.FILE_NAME);
        return baselineFile.getAbsoluteFile();
    }

    /** The request from the parameters; bad rule ids or levels are a MojoExecutionException naming them. */
    protected CheckRequest request(Baseline baseline) throws MojoExecutionException {
        try {
            CheckRequest.Builder b = CheckRequest.builder(baseDirectory().toPath())
                    .includes(includes).excludes(excludes).allowCleartextHosts(allowCleartextHosts)
                    .properties(properties).mavenProperties(mavenProperties()).skipRules(skipRules).baseline(baseline)
                    .libraries(libraries).projectLibraries(DependencyVersions.collect(project, session, getLog()), "Maven dependencies");
            if (rules != null) {
                for (Map.Entry<String, String> r : rules.entrySet()) b.rule(r.getKey(), r.getValue());
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("mailports: " + e.getMessage(), e);
        }
    }

    /** The baseline file if it exists; a malformed one stops the build with its position. */
    protected Baseline baseline() throws MojoExecutionException {
        File file = baselineFile();
        if (!file.isFile()) {
            if (!file.equals(new File(baseDirectory(), Baseline.FILE_NAME))) {
                getLog().warn("mailports: baselineFile " + file + " does not exist, so no finding is baselined");
            }
            return Baseline.none();
        }
        try {
            Baseline b = Baseline.read(file.toPath());
            getLog().info("mailports: using the baseline " + file + " (" + b.entries().size()
                    + (b.entries().size() == 1 ? " entry)" : " entries)"));
            return b;
        } catch (Baseline.MalformedException e) {
            throw new MojoExecutionException("mailports: the baseline file " + file + " is malformed at line "
                    + e.line() + ", column " + e.column() + ": " + e.getMessage()
                    + "; correct it, or record it again with mvn mailports:baseline", e);
        } catch (IOException e) {
            throw new MojoExecutionException("mailports: cannot read the baseline file " + file + ": " + e.getMessage(), e);
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
}
