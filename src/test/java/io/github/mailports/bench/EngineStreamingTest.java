package io.github.mailports.bench;

import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.engine.EndpointSummary;
import io.github.mailports.engine.Glob;
import io.github.mailports.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@link Engine#run(CheckRequest)} selects and reads the files under the base directory, {@link Engine#run(CheckRequest,
 * java.util.Map)} is handed every file's bytes at once; both go through the one pipeline, which reads and checks the
 * files batch by batch and drops them as it goes (engine/PipelineTest counts that). On the benchmark's corpus both must
 * report exactly the same.
 */
class EngineStreamingTest {
    @Test
    void checkingUnitByUnitReportsWhatCheckingAllAtOnceDoes(@TempDir Path dir) throws Exception {
        Corpus.write(dir, 400, 7);
        CheckRequest request = CheckRequest.builder(dir).includes(Benchmark.includes()).build();

        CheckResult streamed = Engine.run(request);
        CheckResult atOnce = Engine.run(request, readAll(dir, request));

        assertFalse(streamed.findings().isEmpty());
        assertEquals(describe(atOnce.findings()), describe(streamed.findings()));
        assertEquals(endpoints(atOnce.endpoints()), endpoints(streamed.endpoints()));
        assertEquals(atOnce.files(), streamed.files());
    }

    private static Map<String, byte[]> readAll(Path dir, CheckRequest request) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        List<String> paths;
        try (Stream<Path> s = Files.walk(dir)) {
            paths = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> any(request.includes(), rel) && !any(request.excludes(), rel))
                    .sorted().collect(Collectors.toList());
        }
        for (String rel : paths) out.put(rel, Files.readAllBytes(dir.resolve(rel)));
        return out;
    }

    private static boolean any(List<Glob> globs, String rel) {
        for (Glob g : globs) {
            if (g.matches(rel)) return true;
        }
        return false;
    }

    private static List<String> describe(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) out.add(f + " " + f.profiles() + " " + f.severity() + " " + f.suppressed());
        return out;
    }

    private static List<String> endpoints(List<EndpointSummary> endpoints) {
        List<String> out = new ArrayList<>();
        for (EndpointSummary e : endpoints) {
            out.add(e.id() + " " + e.file() + " " + e.profiles() + " " + e.protocol() + " " + e.host() + " " + e.port()
                    + " " + e.encryption());
        }
        return out;
    }
}
