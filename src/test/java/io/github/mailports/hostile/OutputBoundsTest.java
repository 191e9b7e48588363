package io.github.mailports.hostile;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, point 3, output amplification: one value holding thousands of URLs gives at most
 * {@link Engine#MAX_FINDINGS_PER_FILE} findings and endpoints for its file and one MP900 note counting the rest,
 * so every report stays the same size however many more there are; the verdict never changes.
 */
class OutputBoundsTest {
    @TempDir
    Path dir;

    private CheckResult urls(String name, int n, String scheme, int port, String tail) throws IOException {
        StringBuilder v = new StringBuilder("app.routes=");
        for (int i = 0; i < n; i++) v.append(scheme).append("://h").append(i).append(".example.com:").append(port).append(' ');
        v.append(tail).append('\n');
        Scan.write(dir, name, v.toString());
        return Scan.run(dir);
    }

    private static int sizeOf(Map<String, String> outputs) {
        int n = 0;
        for (String s : outputs.values()) n += s.length();
        return n;
    }

    @Test
    void findingsAndEndpointsPerFileAreCappedWithOneNoteCountingTheRest() throws IOException {
        CheckResult small = urls("a/app.properties", 1_500, "smtp", 25, "");
        List<Finding> notes = Scan.of(small, "MP900");
        assertEquals(1, notes.size(), String.valueOf(notes));
        Finding note = notes.get(0);
        assertEquals(Severity.INFO, note.severity());
        assertEquals(1, note.location().line());
        assertTrue(note.message().contains("findings were left out of the reports"), note.message());
        assertTrue(note.message().contains("500 endpoints were") || note.message().contains("and 500 endpoints"), note.message());
        assertEquals(Engine.MAX_FINDINGS_PER_FILE + 1, small.findings().size());
        assertEquals(Engine.MAX_FINDINGS_PER_FILE, small.endpoints().size());
        assertTrue(small.fails(Severity.ERROR));
        Outputs.assertSafe(small, null, "capped");

        int smallSize = sizeOf(Outputs.of(small));
        CheckResult large = urls("a/app.properties", 6_000, "smtp", 25, "");
        assertEquals(Engine.MAX_FINDINGS_PER_FILE + 1, large.findings().size());
        int largeSize = sizeOf(Outputs.of(large));
        // four times the input, the same reports but for the digits of the counts and host names
        assertTrue(Math.abs(largeSize - smallSize) < smallSize / 50, smallSize + " vs " + largeSize);
    }

    @Test
    void theMostSevereFindingIsKeptSoTheVerdictNeverChanges() throws IOException {
        // 1,500 infos (implicit TLS on a nonstandard port), then one cleartext connection at the very end
        CheckResult r = urls("app.properties", 1_500, "smtps", 2525, "smtp://last.example.com:25");
        assertEquals(Engine.MAX_FINDINGS_PER_FILE + 1, r.findings().size());
        List<Finding> mp001 = Scan.of(r, "MP001");
        assertEquals(1, mp001.size(), "the one error must be among the findings kept");
        assertTrue(r.fails(Severity.ERROR));
    }

    @Test
    void aFileUnderTheCapGetsNoNote() throws IOException {
        CheckResult r = urls("app.properties", 10, "smtp", 25, "");
        assertEquals(0, Scan.of(r, "MP900").size());
        assertEquals(10, r.endpoints().size());
    }

    @Test
    void longTextsAreCutSoOneFindingStaysSmall() throws IOException {
        StringBuilder host = new StringBuilder();
        for (int i = 0; i < 200_000; i++) host.append('h');
        Scan.write(dir, "application.properties", "spring.mail.host=" + host + ".example.com\nspring.mail.port=25\n");
        CheckResult r = Scan.run(dir);
        assertTrue(!r.findings().isEmpty());
        for (Finding f : r.findings()) {
            assertTrue(f.message().length() <= Engine.MAX_MESSAGE_CHARS + 40, f.message().length() + "");
            if (f.fix() != null) assertTrue(f.fix().length() <= Engine.MAX_MESSAGE_CHARS + 40);
        }
        assertTrue(sizeOf(Outputs.of(r)) < 400_000, "reports: " + sizeOf(Outputs.of(r)));
    }
}
