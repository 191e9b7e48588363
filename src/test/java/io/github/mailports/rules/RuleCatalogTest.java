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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the registry, the rules tables, the rule pages and the fixtures in step with each rule's one declaration
 * ({@link RuleInfo}; ESLint's checkRuleFiles in spirit).
 */
class RuleCatalogTest {
    private static final List<String> HEADINGS = Arrays.asList("## What it checks", "## Why it is a problem",
            "## Problematic configuration", "## Correct configuration", "## Exceptions", "## How to suppress");
    private static final Pattern EXPECT = Pattern.compile("expect:\\s*(?:\\d+\\s+)?(MP\\d{3})");

    /** The ids the tool has reported so far, in order: an id is never renumbered, and a retired one stays reserved. */
    private static final List<String> IDS = Arrays.asList("MP001", "MP002", "MP003", "MP004", "MP005", "MP006",
            "MP007", "MP008", "MP009", "MP010", "MP011", "MP012", "MP013", "MP014", "MP015", "MP016", "MP017", "MP018",
            "MP900", "MP901");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| (MP\\d{3}) \\|(.*)\\|$");

    @Test
    void everyRuleDeclaresItsMetadataOnce() {
        List<RuleInfo> catalog = Rules.catalog();
        assertEquals(IDS, catalog.stream().map(RuleInfo::id).collect(Collectors.toList()));
        Set<String> names = new HashSet<>();
        for (RuleInfo r : catalog) {
            assertTrue(r.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), r.id() + ": name " + r.name());
            assertTrue(names.add(r.name()), "name used twice: " + r.name());
            assertTrue(!r.summary().endsWith(".") && !r.summary().contains("|"), r.id() + " summary ends with a period or holds a |");
            assertNotNull(r.securitySeverity(), r.id() + " declares no security-severity");
            assertNotNull(r.precision(), r.id() + " declares no precision");
            assertFalse(r.tags().isEmpty(), r.id() + " declares no tags");
            assertEquals(r.source() != null, r.id().compareTo("MP900") < 0 && !r.id().equals("MP017"),
                    r.id() + ": every endpoint rule but MP017 cites its normative source");
        }
        Set<String> classes = new HashSet<>();
        for (Rule rule : Rules.all()) assertTrue(classes.add(rule.getClass().getName()), "registered twice: " + rule);
    }

    /** {@code docs/rules/README.md}'s table says what the declarations say: id, name, severities, summary, page. */
    @Test
    void rulesTableMatchesTheDeclarations() throws IOException {
        checkTable(Paths.get("docs/rules/README.md"), r -> Arrays.asList(r.id(), r.name(), r.severities(), r.summary() + ".",
                "[" + r.id() + "](" + r.id() + ".md)"));
    }

    /** The short table in the project's README.md: id, name, severities. */
    @Test
    void readmeTableMatchesTheDeclarations() throws IOException {
        checkTable(Paths.get("README.md"), r -> Arrays.asList(r.id(), r.name(), r.severities()));
    }

    private static void checkTable(Path file, Function<RuleInfo, List<String>> row) throws IOException {
        List<String[]> rows = table(file);
        List<RuleInfo> catalog = Rules.catalog();
        assertEquals(catalog.size(), rows.size(), file + ": one row a rule");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(row.apply(catalog.get(i)), Arrays.asList(rows.get(i)), file + " row " + (i + 1));
        }
    }

    /** The rows of the file's rule table, cells trimmed. */
    private static List<String[]> table(Path file) throws IOException {
        Matcher m = TABLE_ROW.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        List<String[]> rows = new ArrayList<>();
        while (m.find()) {
            String[] rest = m.group(2).split("\\|", -1);
            String[] row = new String[rest.length + 1];
            row[0] = m.group(1);
            for (int i = 0; i < rest.length; i++) row[i + 1] = rest[i].trim();
            rows.add(row);
        }
        return rows;
    }

    @Test
    void everyRuleHasItsPage() throws IOException {
        for (RuleInfo r : Rules.catalog()) {
            Path page = Paths.get(r.docPath());
            assertTrue(Files.isRegularFile(page), "missing " + page);
            String text = new String(Files.readAllBytes(page), StandardCharsets.UTF_8);
            String head = "# " + r.id() + " " + r.name() + "\n\nDefault severity: " + r.severities() + "\n";
            assertTrue(text.startsWith(head), page + " must start with\n" + head);
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
