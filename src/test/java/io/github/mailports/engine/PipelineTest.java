package io.github.mailports.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one pipeline: files are read batch by batch, each once, and dropped when their batch is checked. */
class PipelineTest {
    private static final String PROPS = "spring.mail.host=smtp.example.com\nspring.mail.port=25\n";

    /** Records the order of reads over the held files. */
    private static final class CountingSource extends FileSource {
        private final FileSource files;
        final List<String> reads = new ArrayList<>();

        CountingSource(Map<String, byte[]> held) {
            this.files = FileSource.memory(held);
        }

        @Override
        FileFinder select() throws IOException { return files.select(); }

        @Override
        FileFinder.Read read(String rel, long maxBytes, FileFinder.Keep keep) throws IOException {
            reads.add(rel);
            return files.read(rel, maxBytes, keep);
        }

        @Override
        long size(String rel) throws IOException { return files.size(rel); }
    }

    @Test
    void memoryIsBoundedByTheLargestBatchAndEveryFileIsReadOnce() throws Exception {
        Map<String, byte[]> held = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) { // 40 folders, each with its own Spring set of one file
            held.put("m" + i + "/src/main/resources/application.properties", PROPS.getBytes(StandardCharsets.UTF_8));
        }
        // one folder's Spring set of three files: the largest batch
        held.put("src/main/resources/application.properties", PROPS.getBytes(StandardCharsets.UTF_8));
        held.put("src/main/resources/application-prod.properties", "spring.mail.port=587\n".getBytes(StandardCharsets.UTF_8));
        held.put("src/main/resources/config/application.yml", "spring:\n  mail:\n    port: 2525\n".getBytes(StandardCharsets.UTF_8));
        CountingSource source = new CountingSource(held);
        Engine engine = new Engine(CheckRequest.builder(Paths.get("target/no-such-dir")).build());

        CheckResult result = engine.run(source);

        assertEquals(3, engine.peakHeld, "at most the largest batch is held at once");
        assertEquals(43, source.reads.size());
        assertEquals(43, source.reads.stream().distinct().count(), "every file is read once");
        assertEquals(43, result.files().size());
        // the three files of one folder are read one after the other (one batch), after the 40 batches of one file
        assertEquals(new ArrayList<>(held.keySet()).subList(40, 43).stream().sorted().collect(java.util.stream.Collectors.toList()),
                source.reads.subList(40, 43));
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("MP001")
                && f.location().file().equals("m7/src/main/resources/application.properties")), result.findings().toString());
    }

    @Test
    void heldFilesGoThroughTheSamePipelineAsFilesOnDisk() throws Exception {
        Map<String, byte[]> held = new LinkedHashMap<>();
        held.put("application.properties", PROPS.getBytes(StandardCharsets.UTF_8));
        held.put("notes.txt", new byte[] {1, 2, 3});
        held.put("broken.yml", "a: [\n".getBytes(StandardCharsets.UTF_8));
        CheckResult r = Engine.run(CheckRequest.builder(Paths.get("target/no-such-dir")).build(), held);

        assertEquals(java.util.Arrays.asList("application.properties", "broken.yml"), r.files());
        assertTrue(r.notes().contains("notes.txt matched the file selection, but no reader for its format is available;"
                + " it was not checked"), r.notes().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("MP900") && f.location().file().equals("broken.yml")),
                r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("MP001")), r.findings().toString());
    }

    @Test
    void aJavaSourceWithoutMailIsReadButNeverKeptNorParsed() throws Exception {
        Map<String, byte[]> held = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            held.put("src/main/java/shop/Order" + i + ".java", ("package shop;\nclass Order" + i + " { String email; }\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        held.put("src/main/java/shop/Mail.java", ("package shop;\nimport java.util.Properties;\nimport javax.mail.Session;\n"
                + "class Mail {\n  Session s() {\n    Properties p = new Properties();\n    p.put(\"mail.smtp.host\", \"smtp.example.com\");\n"
                + "    p.put(\"mail.smtp.port\", \"25\");\n    return Session.getInstance(p);\n  }\n}\n").getBytes(StandardCharsets.UTF_8));
        CountingSource source = new CountingSource(held);
        Engine engine = new Engine(CheckRequest.builder(Paths.get("target/no-such-dir"))
                .includes(java.util.Collections.singletonList("src/main/java/**/*.java")).build());

        CheckResult result = engine.run(source);

        assertEquals(31, source.reads.size(), "every Java source is read once, for the byte test");
        assertEquals(1, engine.peakHeld, "only the source that mentions mail is kept and parsed");
        assertEquals(java.util.Collections.singletonList("src/main/java/shop/Mail.java"), result.files());
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("MP001")
                && f.location().file().equals("src/main/java/shop/Mail.java") && f.location().line() == 7), result.findings().toString());
    }
}
