package io.github.mailports.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.github.mailports.testing.Work;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of reading, counted (bytes allocated by this thread, which copying and rescanning show up in) rather
 * than timed: every reader is linear in its input, and the largest file the engine reads (16 MiB) is read with a
 * 512 MB heap.
 */
class ReaderCostTest {
    /** Bytes a reader may allocate per character of input: the file's code points, lines and entries. */
    private static final long BYTES_PER_CHAR = 64;

    private interface Read {
        void run(String text) throws Exception;
    }

    private static long allocated(Read read, String text) {
        // some shapes are errors (a plain key over 1,024 characters, a ConfigParseException): the cost still counts
        Work.Counted<Object> c = Work.count(() -> {
            read.run(text);
            return null;
        });
        if (c.thrown != null && !(c.thrown instanceof ConfigParseException)) throw new AssertionError(c.thrown);
        return c.bytes;
    }

    /** Allocation at n and 2n: at most a constant per character, and doubling the input at most doubles it. */
    private static void assertLinear(String what, Read read, IntFunction<String> input, int n) throws Exception {
        assertLinear(what, read, input, n, BYTES_PER_CHAR);
    }

    private static void assertLinear(String what, Read read, IntFunction<String> input, int n, long perChar)
            throws Exception {
        allocated(read, input.apply(n / 8)); // warm up
        String small = input.apply(n);
        String large = input.apply(2 * n);
        long a = allocated(read, small);
        long b = allocated(read, large);
        assertTrue(a <= perChar * small.length(), what + ": " + a + " bytes for " + small.length() + " characters");
        assertTrue(b <= perChar * large.length(), what + ": " + b + " bytes for " + large.length() + " characters");
        assertTrue(b <= 2.5 * a, what + ": " + a + " bytes at n, " + b + " bytes at 2n");
    }

    private static String repeat(String head, String unit, int n, String tail) {
        StringBuilder b = new StringBuilder(head.length() + unit.length() * n + tail.length()).append(head);
        for (int i = 0; i < n; i++) b.append(unit);
        return b.append(tail).toString();
    }

    /** Each shape is {head, unit repeated n times, tail}. */
    private static void assertLinear(Read read, int n, String[]... shapes) throws Exception {
        for (String[] shape : shapes) {
            assertLinear(shape[0] + "[" + shape[1] + " x n]" + shape[2], read, k -> repeat(shape[0], shape[1], k, shape[2]), n);
        }
    }

    @Test
    void jsonCommentsOnOneLine() throws Exception {
        assertLinear(text -> JsonText.read("log4j2.json", text), 100_000,
                new String[] {"{\"a\": 1 ", "/**/", "}\n"},
                new String[] {"{\"a\": 1\n", "// c\n", "}\n"});
    }

    @Test
    void longYamlScalarsKeysAndComments() throws Exception {
        Read yaml = text -> YamlReader.read("application.yml", text);
        assertLinear(yaml, 400_000,
                new String[] {"k: ", "x", "\n"}, // plain value
                new String[] {"k: \"", "x", "\"\n"},
                new String[] {"k", "x", ": v\n"}, // plain key (an error past 1,024 characters, as in SnakeYAML)
                new String[] {"\"k", "x", "\": v\n"},
                new String[] {"k: |\n  ", "x", "\n"}, // one line of a block scalar
                new String[] {"k: v # ", "x", "\n"}, // comment
                new String[] {"k: !!int ", "7", "\n"},
                new String[] {"k: ", "7", "\n"}, // implicit int
                new String[] {"k: 0x", "f", "\n"});
        // SnakeYAML allocates about 2 KB a node (tokens, events, marks, a regex matcher per scalar): still linear
        assertLinear("@token@ items", yaml, n -> repeat("l:\n", "- @t@\n", n / 8, ""), 400_000, 4096);
    }

    @Test
    void longPropertiesLinesAndEscapes() throws Exception {
        Read props = text -> PropertiesReader.read("application.properties", text);
        assertLinear(props, 200_000,
                new String[] {"k=", "x", "\n"},
                new String[] {"k=", "x\\\n", "\n"}, // continuation lines
                new String[] {"k=", "\\u0041", "\n"},
                new String[] {"", "#\n", ""});
    }

    /** A file of exactly {@code bytes} bytes: {@code head}, then {@code unit} repeated, cut to size. */
    private static Path write(Path dir, String name, String head, String unit, long bytes) throws IOException {
        Path folder = dir.resolve(name).resolve("src/main/resources");
        Files.createDirectories(folder);
        Path file = folder.resolve(name.startsWith("yaml") ? "application.yml"
                : name.startsWith("json") ? "log4j2.json" : "application.properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(head);
            long left = bytes - head.length();
            while (left >= unit.length()) {
                w.write(unit);
                left -= unit.length();
            }
            w.write(unit, 0, (int) left);
        }
        assertEquals(bytes, Files.size(file));
        return dir.resolve(name);
    }

    @Test
    void filesJustUnderTheSizeLimitAreReadWithA512MbHeap(@TempDir Path dir) throws Exception {
        long size = 16L * 1024 * 1024 - 1; // Engine.MAX_FILE_BYTES - 1
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LargeFileMain.class.getName());
        command.add(write(dir, "props-comments", "", "#\n", size).toString());
        command.add(write(dir, "props-value", "spring.mail.host=", "x", size).toString());
        command.add(write(dir, "props-entries", "", "a=b\n", size).toString());
        command.add(write(dir, "yaml-nodes", "k:\n", "- a\n", size).toString());
        command.add(write(dir, "yaml-value", "k: ", "x", size).toString());
        command.add(write(dir, "json-comments", "{\"a\": 1 ", "/**/", size - 2).toString());
        Files.write(dir.resolve("json-comments/src/main/resources/log4j2.json"), "}\n".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        File out = dir.resolve("out.txt").toFile();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
        boolean ended = p.waitFor(10, TimeUnit.MINUTES);
        if (!ended) p.destroyForcibly().waitFor();
        String output = new String(Files.readAllBytes(out.toPath()), StandardCharsets.UTF_8);
        assertTrue(ended, "the forked check did not end in 10 minutes:\n" + output);
        assertEquals(0, p.exitValue(), output.length() > 4000 ? output.substring(0, 4000) : output);
        assertTrue(output.contains("OutOfMemoryError") == false && output.endsWith("done\n"), output);
        assertTrue(output.contains("== props-entries\nMP900 " + (PropertiesReader.MAX_ENTRIES + 1) + ":1\n"), output);
        assertTrue(output.contains("== yaml-nodes\nMP900 " + (YamlReader.MAX_NODES + 1) + ":3\n"), output);
        assertTrue(output.contains("== props-comments\n== "), "a file of comments only has no finding:\n" + output);
    }
}
