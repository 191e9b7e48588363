package io.github.mailports.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Keeps the registry, the rule pages and the fixtures in step (ESLint's checkRuleFiles in spirit). */
class RuleCatalogTest {
    private static final List<String> HEADINGS = Arrays.asList("## What it checks", "## Why it is a problem",
            "## Problematic configuration", "## Correct configuration", "## Exceptions", "## How to suppress");
    private static final Pattern EXPECT = Pattern.compile("expect:\\s*(?:\\d+\\s+)?(MP\\d{3})");

    /** The catalog as RULES.md fixes it: id, name, default severity. */
    private static final String[][] CONTRACT = {
            {"MP001", "cleartext-connection", "ERROR"},
            {"MP002", "opportunistic-starttls", "WARNING"},
            {"MP003", "implicit-tls-port-without-tls", "ERROR"},
            {"MP004", "tls-on-starttls-port", "ERROR"},
            {"MP005", "port-protocol-mismatch", "ERROR"},
            {"MP006", "server-identity-check-disabled", "ERROR"},
            {"MP007", "certificate-trust-disabled", "ERROR"},
            {"MP008", "plaintext-fallback", "ERROR"},
            {"MP009", "legacy-tls-protocol", "ERROR"},
            {"MP010", "ineffective-mail-setting", "WARNING"},
            {"MP011", "relay-port-for-submission", "WARNING"},
            {"MP012", "nonstandard-port", "INFO"},
            {"MP013", "prefer-implicit-tls", "INFO"},
            {"MP014", "missing-timeouts", "INFO"},
            {"MP015", "hardcoded-password", "WARNING"},
            {"MP016", "invalid-value", "ERROR"},
            {"MP017", "unresolved-placeholder", "INFO"},
            {"MP018", "conflicting-tls-settings", "WARNING"},
            {"MP900", "parse-error", "ERROR"},
            {"MP901", "unused-suppression", "WARNING"},
    };

    @Test
    void registryMatchesTheContract() {
        List<RuleInfo> catalog = Rules.catalog();
        assertEquals(CONTRACT.length, catalog.size());
        for (int i = 0; i < CONTRACT.length; i++) {
            RuleInfo r = catalog.get(i);
            assertEquals(CONTRACT[i][0], r.id());
            assertEquals(CONTRACT[i][1], r.name(), r.id());
            assertEquals(CONTRACT[i][2], r.defaultSeverity().name(), r.id());
            assertTrue(!r.summary().endsWith("."), r.id() + " summary ends with a period");
        }
        Set<String> names = new HashSet<>();
        for (Rule rule : Rules.all()) assertTrue(names.add(rule.getClass().getName()), "registered twice: " + rule);
    }

    @Test
    void everyRuleHasItsPage() throws IOException {
        for (RuleInfo r : Rules.catalog()) {
            Path page = Paths.get(r.docPath());
            assertTrue(Files.isRegularFile(page), "missing " + page);
            String text = new String(Files.readAllBytes(page), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("# " + r.id() + " " + r.name() + "\n"), page + " must start with '# " + r.id() + " " + r.name() + "'");
            int last = -1;
            for (String h : HEADINGS) {
                int at = text.indexOf("\n" + h + "\n");
                assertTrue(at > last, page + ": heading '" + h + "' missing or out of order");
                last = at;
            }
        }
    }

    /** Every rule, MP900 and MP901 included, has a problematic and a correct fixture in YAML and in properties. */
    @Test
    void everyRuleHasProblematicAndCorrectFixturesInBothFormats() throws IOException {
        List<String> missing = new ArrayList<>();
        for (RuleInfo r : Rules.catalog()) {
            Path dir = Paths.get("src/test/resources/fixtures", r.id());
            if (!Files.isDirectory(dir)) {
                missing.add(r.id() + ": no fixtures");
                continue;
            }
            Set<String> seen = new HashSet<>();
            List<Path> fixtureDirs;
            try (Stream<Path> files = Files.walk(dir)) {
                fixtureDirs = files.filter(Files::isRegularFile).map(Path::getParent).distinct().collect(Collectors.toList());
            }
            for (Path fixture : fixtureDirs) { // one fixture: the files of one folder, checked together
                boolean expects = false;
                Set<String> formats = new HashSet<>();
                try (Stream<Path> files = Files.list(fixture)) {
                    for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                        String name = f.getFileName().toString();
                        formats.add(name.endsWith(".properties") ? "properties" : name.matches(".*\\.ya?ml") ? "yaml" : "other");
                        expects |= expectsRule(f, r.id());
                    }
                }
                for (String format : formats) seen.add(format + (expects ? "-problematic" : "-correct"));
            }
            for (String need : Arrays.asList("yaml-problematic", "yaml-correct", "properties-problematic", "properties-correct")) {
                if (!seen.contains(need)) missing.add(r.id() + ": no " + need + " fixture");
            }
        }
        if (!missing.isEmpty()) fail(String.join("\n", missing));
    }

    private static boolean expectsRule(Path file, String id) throws IOException {
        Matcher m = EXPECT.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        while (m.find()) {
            if (m.group(1).equals(id)) return true;
        }
        return false;
    }
}
