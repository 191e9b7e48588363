package io.github.mailports.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The documented default file selection. */
public final class Defaults {
    /** The configuration file names looked for. */
    public static final List<String> CONFIG_NAMES = Collections.unmodifiableList(Arrays.asList(
            "application*.{properties,yml,yaml}",
            "bootstrap*.{properties,yml,yaml}",
            "*mail*.properties",
            "logback*.xml",
            "log4j2*.{xml,yml,yaml,json,properties}"));

    /**
     * Build output (Maven {@code target}, Gradle {@code build} and {@code .gradle}), test resources, {@code node_modules}
     * and version-control folders: never entered.
     */
    public static final List<String> EXCLUDES = Collections.unmodifiableList(Arrays.asList(
            "**/target/**", "**/build/**", "**/.gradle/**", "**/src/test/**", "**/node_modules/**",
            "**/.git/**", "**/.svn/**", "**/.hg/**"));

    private Defaults() {
    }

    /**
     * The names above under {@code src/main/resources/} and {@code config/} and at the top; plus autoconfig files and
     * the Java sources under {@code src/main/java/}.
     */
    public static List<String> includes() {
        return under("src/main/resources/**/", "config/**/");
    }

    /**
     * Without a POM (a Gradle build, a configuration repository): the names above under every module's
     * {@code src/main/resources/} and every {@code config/} folder below the base directory, and at its top; plus
     * autoconfig files and every module's Java sources ({@code src/main/java/}). {@link #EXCLUDES} keeps test
     * resources and build output out.
     */
    public static List<String> treeIncludes() {
        return under("**/src/main/resources/**/", "**/config/**/");
    }

    private static List<String> under(String resources, String config) {
        List<String> out = new ArrayList<>();
        for (String name : CONFIG_NAMES) {
            out.add(resources + name);
            out.add(config + name);
            out.add(name);
        }
        out.add(resources.replace("resources", "java") + "*.java"); // mail settings written in Java code (JavaReader)
        out.add("**/config-v1.1.xml");
        out.add("**/autoconfig/**/*.xml");
        return Collections.unmodifiableList(out);
    }
}
