package io.github.mailports.maven;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.testing.MojoRule;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingRequest;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The former invoker integration tests that need no real Maven run, run in-process: each folder of
 * {@code src/test/resources/builds/} is a project (a POM and its files), an {@code invoker.properties} in the invoker's
 * own format (goals with {@code -D} properties, {@code buildResult}, {@code profiles}, {@code userPropertiesFile}) and
 * the unchanged {@code verify.groovy}.
 *
 * <p>Each invocation reads the POM into a real project model, configures the goal from the plugin descriptor, the
 * POM's configuration (and the profile's, when the invocation names one) and the {@code -D} properties, exactly as
 * Maven's configurator does, and runs it. The Mojo's log lines go to {@code build.log} with Maven's {@code [LEVEL]}
 * prefix; after each invocation the harness writes the line Maven would ({@code [INFO] BUILD SUCCESS} or
 * {@code BUILD FAILURE}, and {@code [ERROR] Failed to execute goal ...: message} for a failure) and checks the result
 * against {@code buildResult}. Then {@code verify.groovy} runs with {@code basedir} bound, as the invoker runs it.
 *
 * <p>What only a real Maven run shows stays in {@code src/it}: the reactor walk, a parallel build, the build without a
 * POM, dependency collection, the exit code of a failing build, {@code skip} and the goal prefix.
 */
@RunWith(Parameterized.class)
public class InProcessBuildsTest {
    static final Path BUILDS = Paths.get("src/test/resources/builds");
    private static final Pattern GOAL = Pattern.compile("(?:mailports|\\$\\{project\\.groupId\\}:\\$\\{project\\.artifactId\\}:\\$\\{project\\.version\\}):(verify|baseline)");

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> builds() throws IOException {
        try (Stream<Path> s = Files.list(BUILDS)) {
            return s.filter(Files::isDirectory).map(p -> new Object[] {p.getFileName().toString()}).sorted((a, b) ->
                    ((String) a[0]).compareTo((String) b[0])).collect(Collectors.toList());
        }
    }

    @Rule
    public MojoRule rule = new MojoRule();

    private final String name;

    public InProcessBuildsTest(String name) {
        this.name = name;
    }

    /** The plugin's own version, as the invoker filters {@code @project.version@} into the POMs. */
    private static String pluginVersion() throws IOException {
        String xml = new String(Files.readAllBytes(Paths.get("target/classes/META-INF/maven/plugin.xml")), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<artifactId>mailports-maven-plugin</artifactId>\\s*<version>([^<]+)</version>").matcher(xml);
        assertTrue("the plugin descriptor names the version", m.find());
        return m.group(1);
    }

    /**
     * A fresh copy of a project folder (the target is emptied first); with a version, {@code @project.version@} in
     * the POMs is filtered as the invoker does. Also used by {@link VerifyMojoTest}.
     */
    static File copy(Path from, Path to, String version) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> s = Files.walk(to)) {
                for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (version != null && p.getFileName().toString().equals("pom.xml")) {
                    String pom = new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replace("@project.version@", version);
                    Files.write(target, pom.getBytes(StandardCharsets.UTF_8));
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to.toFile().getAbsoluteFile();
    }

    /** One invocation of invoker.properties: its goal, user properties, profile and expected result. */
    private static final class Invocation {
        String goal = "verify";
        final Properties user = new Properties();
        String profile;
        boolean success = true;
    }

    private static String get(Properties p, String key, int i) {
        String v = p.getProperty(key + "." + i);
        return v != null ? v : p.getProperty(key);
    }

    private static List<Invocation> invocations(File dir) throws IOException {
        Properties p = new Properties();
        File file = new File(dir, "invoker.properties");
        if (file.isFile()) {
            try (Reader r = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            Matcher m = Pattern.compile("invoker\\.[A-Za-z]+\\.(\\d+)").matcher(key);
            if (m.matches()) numbers.add(Integer.parseInt(m.group(1)));
        }
        if (numbers.isEmpty()) numbers.add(0);
        List<Invocation> out = new ArrayList<>();
        for (int i : numbers) {
            Invocation inv = new Invocation();
            String goals = get(p, "invoker.goals", i);
            if (goals != null) {
                for (String token : goals.trim().split("\\s+")) {
                    Matcher g = GOAL.matcher(token);
                    if (token.startsWith("-D")) {
                        int eq = token.indexOf('=');
                        inv.user.setProperty(token.substring(2, eq), token.substring(eq + 1));
                    } else if (g.matches()) {
                        inv.goal = g.group(1);
                    } else if (!token.equals("verify")) {
                        fail(dir.getName() + ": the in-process harness does not run '" + token + "': keep that build in src/it");
                    }
                }
            }
            String props = get(p, "invoker.userPropertiesFile", i);
            if (props != null) {
                try (Reader r = Files.newBufferedReader(new File(dir, props).toPath(), StandardCharsets.UTF_8)) {
                    inv.user.load(r);
                }
            }
            inv.profile = get(p, "invoker.profiles", i);
            String result = get(p, "invoker.buildResult", i);
            inv.success = result == null || result.trim().equals("success");
            for (String key : new String[] {"invoker.project", "invoker.mavenOpts", "invoker.systemPropertiesFile"}) {
                if (get(p, key, i) != null) fail(dir.getName() + ": " + key + " needs a real Maven run: keep that build in src/it");
            }
            out.add(inv);
        }
        return out;
    }

    /** The Mojo's lines as Maven prints them: {@code [LEVEL] message}, a message's further lines as they are. */
    private static final class BuildLog extends org.apache.maven.plugin.logging.SystemStreamLog {
        final StringBuilder text = new StringBuilder();

        void line(String level, CharSequence c) { text.append('[').append(level).append("] ").append(c).append('\n'); }
        @Override public void error(CharSequence c) { line("ERROR", c); }
        @Override public void error(CharSequence c, Throwable t) { line("ERROR", c); }
        @Override public void warn(CharSequence c) { line("WARNING", c); }
        @Override public void warn(CharSequence c, Throwable t) { line("WARNING", c); }
        @Override public void info(CharSequence c) { line("INFO", c); }
        @Override public boolean isDebugEnabled() { return false; }
        @Override public void debug(CharSequence c) { }
    }

    /** The POM as Maven reads it for this invocation: the {@code -D} properties override the POM's, the profile is active. */
    private MavenProject project(File dir, Invocation inv) throws Exception {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(dir);
        ProjectBuildingRequest building = request.getProjectBuildingRequest();
        building.setRepositorySession(new DefaultRepositorySystemSession());
        building.setUserProperties(inv.user);
        if (inv.profile != null) building.setActiveProfileIds(Collections.singletonList(inv.profile));
        return rule.lookup(ProjectBuilder.class).build(new File(dir, "pom.xml"), building).getProject();
    }

    private void invoke(File dir, Invocation inv, String version, StringBuilder buildLog) throws Exception {
        MavenProject project = project(dir, inv);
        MavenSession session = rule.newMavenSession(project);
        session.getRequest().setBaseDirectory(dir); // Maven started in the project's folder, as the invoker starts it
        session.getUserProperties().putAll(inv.user);
        MojoExecution execution = rule.newMojoExecution(inv.goal);
        Mojo mojo = rule.lookupConfiguredMojo(session, execution);
        BuildLog log = new BuildLog();
        mojo.setLog(log);
        String failure = null;
        try {
            mojo.execute();
        } catch (MojoFailureException | MojoExecutionException e) {
            failure = e.getMessage();
        }
        buildLog.append(log.text);
        buildLog.append(failure == null ? "[INFO] BUILD SUCCESS\n" : "[INFO] BUILD FAILURE\n");
        if (failure != null) {
            buildLog.append("[ERROR] Failed to execute goal io.github.mailports:mailports-maven-plugin:").append(version)
                    .append(':').append(inv.goal).append(" (default) on project ").append(project.getArtifactId())
                    .append(": ").append(failure).append('\n');
        }
        assertEquals(name + ": build result of " + inv.goal + " " + inv.user + (inv.profile != null ? " -P" + inv.profile : "")
                + "\n" + log.text + (failure != null ? failure : ""), inv.success, failure == null);
    }

    @Test
    public void build() throws Exception {
        String version = pluginVersion();
        File dir = copy(BUILDS.resolve(name), Paths.get("target/in-process", name), version);
        StringBuilder buildLog = new StringBuilder();
        for (Invocation inv : invocations(dir)) {
            invoke(dir, inv, version, buildLog);
        }
        Files.write(new File(dir, "build.log").toPath(), buildLog.toString().getBytes(StandardCharsets.UTF_8));
        File script = new File(dir, "verify.groovy");
        assertTrue(name + " has its checks in verify.groovy", script.isFile());
        Binding binding = new Binding();
        binding.setVariable("basedir", dir);
        Object result = new GroovyShell(binding).evaluate(script);
        assertNotNull(name + ": verify.groovy ends with true", result);
        assertEquals(name + ": verify.groovy ends with true", Boolean.TRUE, result);
    }
}
