package io.github.mailports.runtime;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Application code as the plugin reads it, compiled with the JDK's own compiler and loaded, so that a runtime test
 * runs exactly the code of the file the plugin judged (not a hand-made copy of its settings).
 */
final class JavaSource {
    private JavaSource() { }

    /**
     * Writes {@code text} to {@code dir/src/main/java/<package path>/<Class>.java} (the layout the plugin reads),
     * compiles it against {@code classPath} into {@code dir/classes} and returns the source file.
     */
    static Path write(Path dir, String className, String text) throws Exception {
        Path file = dir.resolve("src/main/java/" + className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** Compiles the file against the jars (and folders) given, into {@code out}. */
    static void compile(Path file, Path out, Path... classPath) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK, which has javac");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn"));
        if (classPath.length > 0) {
            StringBuilder cp = new StringBuilder();
            for (Path p : classPath) {
                if (cp.length() > 0) cp.append(java.io.File.pathSeparatorChar);
                cp.append(p.toAbsolutePath());
            }
            args.add("-classpath");
            args.add(cp.toString());
        }
        args.add(file.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, new PrintStream(err, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args.toArray(new String[0]));
        assertEquals(0, rc, () -> "javac failed on " + file + ":\n" + err.toString(StandardCharsets.UTF_8));
    }

    /** A loader for the compiled classes over {@code parent}. */
    static URLClassLoader load(Path classes, ClassLoader parent) throws Exception {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
    }

    /** The jar or folder a class of the test class path was loaded from. */
    static Path origin(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
