package io.github.mailports.engine;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineTest {
    private static final String YAML = "spring:\n  mail:\n    host: smtp.example.com\n%s    port: 465\n"
            + "    properties:\n      mail.smtp.starttls.enable: true\n      mail.smtp.starttls.required: true\n";
    private static final String ENTRY = "{\"ruleId\": \"MP003\", \"file\": \"src/main/resources/application.yml\","
            + " \"key\": \"spring.mail.port\", \"endpoint\": \"spring.mail\", \"profiles\": [\"default\"], \"message\": \"old words\"}";

    private static CheckResult check(Baseline baseline, String yaml) throws Exception {
        return Engine.run(CheckRequest.builder(Paths.get(".")).baseline(baseline).build(), Collections.singletonMap(
                "src/main/resources/application.yml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Finding mp003(CheckResult r) {
        for (Finding f : r.findings()) if (f.ruleId().equals("MP003")) return f;
        throw new AssertionError("no MP003 in " + r.findings());
    }

    @Test
    void aBaselinedFindingIsReportedAsSuchAndDoesNotFail() throws Exception {
        Baseline b = Baseline.parse("{\"version\": 1, \"findings\": [" + ENTRY + "]}", "b.json");
        CheckResult r = check(b, String.format(YAML, ""));
        Finding f = mp003(r);
        assertTrue(f.baselined());
        assertFalse(f.suppressed());
        assertEquals(1, r.baselinedCount());
        assertEquals(0, r.count(Severity.ERROR));
        assertFalse(r.fails(Severity.ERROR));
        assertTrue(r.notes().isEmpty(), r.notes().toString());
    }

    @Test
    void matchingIgnoresLinesAndMessagesSoUnrelatedEditsKeepIt() throws Exception {
        Baseline b = Baseline.parse("{\"version\": 1, \"findings\": [" + ENTRY + "]}", "b.json");
        CheckResult moved = check(b, "# a new comment\n\n" + String.format(YAML, "    username: app\n"));
        assertEquals(7, mp003(moved).location().line());
        assertTrue(mp003(moved).baselined());
    }

    @Test
    void aNewFindingFailsAndEntriesCount() throws Exception {
        String other = "{\"ruleId\": \"MP003\", \"file\": \"src/main/resources/application.yml\", \"key\": \"spring.mail.port\","
                + " \"endpoint\": \"spring.mail\", \"profiles\": [\"prod\"]}";
        CheckResult r = check(Baseline.parse("{\"version\": 1, \"findings\": [" + other + "]}", "b.json"), String.format(YAML, ""));
        assertFalse(mp003(r).baselined(), "another profile is another finding");
        assertTrue(r.fails(Severity.ERROR));
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).startsWith("1 baseline entry in b.json matched no finding"), r.notes().get(0));

        Baseline once = Baseline.parse("{\"version\": 1, \"findings\": [" + ENTRY + "]}", null);
        Finding f = mp003(check(Baseline.none(), String.format(YAML, "")));
        List<String> notes = new ArrayList<>();
        List<Reported> out = once.apply(Arrays.asList(new Reported(f), new Reported(f)), notes);
        assertEquals(1, out.stream().filter(x -> x.baselined).count(), "one entry accepts one finding");
    }

    @Test
    void suppressedFindingsConsumeNoEntry() throws Exception {
        Baseline b = Baseline.parse("{\"version\": 1, \"findings\": [" + ENTRY + "]}", "b.json");
        CheckResult r = check(b, String.format(YAML, "    # mailports:disable-next-line MP003 test double\n"));
        assertTrue(mp003(r).suppressed());
        assertFalse(mp003(r).baselined());
        assertEquals(1, r.notes().size());
    }

    @Test
    void optionalMembersAndUnknownOnesAreAccepted() throws Exception {
        Baseline b = Baseline.parse("{\"version\": 1, \"comment\": \"x\", \"findings\": [{\"ruleId\": \"MP900\","
                + " \"file\": \"a.yml\", \"until\": \"2027-01-01\"}, {\"ruleId\": \"MP001\", \"file\": \"b.yml\", \"key\": null,"
                + " \"endpoint\": null, \"profiles\": null}]}", "b.json");
        assertEquals(2, b.entries().size());
        assertEquals("MP900", b.entries().get(0).ruleId());
        assertTrue(b.entries().get(1).profiles().isEmpty());
    }

    @Test
    void malformedBaselinesNameTheProblemAndItsPosition() {
        String[][] bad = {
                {"[]", "1:1", "must be an object"},
                {"{\"findings\": []}", "1:1", "\"version\" is missing"},
                {"{\"version\": 2, \"findings\": []}", "1:13", "\"version\" must be 1"},
                {"{\"version\": 1}", "1:1", "\"findings\" is missing"},
                {"{\"version\": 1, \"findings\": {}}", "1:28", "must be an array"},
                {"{\"version\": 1,\n \"findings\": [\n  42]}", "3:3", "each finding must be an object"},
                {"{\"version\": 1, \"findings\": [\n {\"file\": \"a.yml\"}]}", "2:2", "no \"ruleId\""},
                {"{\"version\": 1, \"findings\": [{\"ruleId\": \"MP001\", \"file\": \"/abs/a.yml\"}]}", "1:57", "relative"},
                {"{\"version\": 1, \"findings\": [{\"ruleId\": \"MP001\", \"file\": \"C:\\\\a.yml\"}]}", "1:57", "relative"},
                {"{\"version\": 1, \"findings\": [{\"ruleId\": \"MP001\", \"file\": \"a\", \"profiles\": [1]}]}", "1:75", "array of strings"},
                {"{\"version\": 1, \"findings\": [{\"ruleId\": 7, \"file\": \"a\"}]}", "1:40", "non-empty string"},
                {"{\"version\": 1, \"findings\": [}", "1:29", "expected the node content, but found '}'"},
                // read with SnakeYAML: what YAML allows and a JSON baseline may not hold is refused, with its position
                {"{\"version\": 1, \"findings\": [], \"version\": 1}", "1:32", "duplicate key"},
                {"{\"version\": 1" + "0".repeat(200) + ", \"findings\": []}", "1:13", "longer than 100 characters"},
                {"{\"version\": 1e2147483649, \"findings\": []}", "1:13", "out of range"}, // 1e2147483648 is in range on JDK 25
                {"{\"version\": 1, \"findings\": " + "[".repeat(100) + "}", "1:" + (28 + 63), "nesting deeper than 64"},
                {"{\"version\": 1, \"findings\": [!!javax.script.ScriptEngineManager [1]]}", "1:29", "a tag"},
                {"{\"version\": 1, \"findings\": [!local {\"ruleId\": \"MP001\", \"file\": \"a\"}]}", "1:29", "a tag"},
                {"{\"version\": 1, \"findings\": [&e {\"ruleId\": \"MP001\", \"file\": \"a\"}, *e]}", "1:29", "an anchor"},
                {"version: 1\nfindings: []", "1:1", "an object is written in { }"},
                {"{\"version\": 1, \"findings\": []}\n---\n{}", "2:1", "a second document"},
        };
        for (String[] c : bad) {
            Baseline.MalformedException e = assertThrows(Baseline.MalformedException.class, () -> Baseline.parse(c[0], "b.json"), c[0]);
            assertEquals(c[1], e.line() + ":" + e.column(), c[0] + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains(c[2]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void readsFilesAndRejectsInvalidUtf8(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("mailports-baseline.json");
        Files.write(ok, ("\uFEFF{\"version\": 1, \"findings\": [" + ENTRY + "]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, Baseline.read(ok).entries().size());
        Path bad = dir.resolve("bad.json");
        Files.write(bad, new byte[] {'{', (byte) 0xC3, '}'});
        Baseline.MalformedException e = assertThrows(Baseline.MalformedException.class, () -> Baseline.read(bad));
        assertTrue(e.getMessage().contains("UTF-8"));
    }
}
