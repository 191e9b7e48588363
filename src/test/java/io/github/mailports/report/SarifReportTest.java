package io.github.mailports.report;

import io.github.mailports.engine.Baseline;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.config.JsonTree;
import io.github.mailports.config.JsonTree.Node;
import io.github.mailports.rules.RuleInfo;
import io.github.mailports.rules.Rules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifReportTest {
    private static Map<String, Node> run(String sarif) throws Exception {
        return JsonTree.parse(sarif).object().get("runs").array().get(0).object();
    }

    private static List<Map<String, Node>> results(String sarif) throws Exception {
        List<Map<String, Node>> out = new ArrayList<>();
        for (Node n : run(sarif).get("results").array()) out.add(n.object());
        return out;
    }

    private static Map<String, Node> result(String sarif, String ruleId) throws Exception {
        for (Map<String, Node> r : results(sarif)) if (r.get("ruleId").string().equals(ruleId)) return r;
        throw new AssertionError("no " + ruleId + " result");
    }

    private static Map<String, Node> physical(Map<String, Node> result) {
        return result.get("locations").array().get(0).object().get("physicalLocation").object();
    }

    private static String fingerprint(Map<String, Node> result) {
        return result.get("partialFingerprints").object().get(SarifReport.FINGERPRINT).string();
    }

    @Test
    void isValidSarif210AndMeetsGithubsRequirements() throws Exception {
        String sarif = SarifReport.render(Results.sample(), "services/mail");
        List<String> problems = SarifSchema.check(sarif);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        Map<String, Node> root = JsonTree.parse(sarif).object();
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", root.get("$schema").string());
        assertEquals("2.1.0", root.get("version").string());
    }

    @Test
    void anEmptyRunIsValidToo() throws Exception {
        String sarif = SarifReport.render(Results.check(), "");
        assertTrue(SarifSchema.check(sarif).isEmpty(), String.join("\n", SarifSchema.check(sarif)));
        assertTrue(run(sarif).get("results").array().isEmpty());
    }

    @Test
    void theSchemaChecksCatchWhatTheSpecificationForbids() throws Exception {
        String good = SarifReport.render(Results.sample(), "");
        String[][] broken = {
                {"\"level\": \"error\"", "\"level\": \"fatal\""},
                {"\"startLine\": 7", "\"startLine\": 0"},
                {"\"kind\": \"inSource\"", "\"kind\": \"inline\""},
                {"\"version\": \"2.1.0\"", "\"version\": \"2.0.0\""},
                {"\"uri\": \"src/main/resources/application.yml\"", "\"uri\": \"/src/main/resources/application.yml\""},
                {"\"ruleIndex\": 2", "\"ruleIndex\": 3"},
                {"\"startColumn\": 5", "\"startColumn\": 1.5"},
                {"\"security-severity\": \"8.0\"", "\"security-severity\": 8.0"},
                {"\"partialFingerprints\"", "\"partialFingerprint\""},
        };
        for (String[] b : broken) {
            assertTrue(good.contains(b[0]), "the sample has no " + b[0]);
            assertFalse(SarifSchema.check(good.replace(b[0], b[1])).isEmpty(), "not caught: " + b[1]);
        }
    }

    @Test
    void driverListsEveryRuleWithHelpCitingTheNormativeSource() throws Exception {
        Map<String, Node> driver = run(SarifReport.render(Results.sample(), "")).get("tool").object().get("driver").object();
        assertEquals("mailports", driver.get("name").string());
        assertEquals(ToolInfo.version(), driver.get("version").string());
        assertTrue(driver.get("informationUri").string().startsWith("https://"));
        List<Node> rules = driver.get("rules").array();
        List<RuleInfo> catalog = Rules.catalog();
        assertEquals(catalog.size(), rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Map<String, Node> r = rules.get(i).object();
            RuleInfo info = catalog.get(i);
            assertEquals(info.id(), r.get("id").string());
            assertEquals(info.name(), r.get("name").string());
            assertEquals(info.summary(), r.get("shortDescription").object().get("text").string());
            assertEquals(info.defaultSeverity().sarifLevel(), r.get("defaultConfiguration").object().get("level").string());
            assertNotNull(info.securitySeverity(), "no security-severity declared for " + info.id());
            String full = r.get("fullDescription").object().get("text").string();
            assertNotEquals(info.summary(), full, info.id() + ": the full description comes from the rule page");
            String markdown = r.get("help").object().get("markdown").string();
            assertTrue(markdown.contains("# " + info.id() + " " + info.name()), info.id() + ": the page is the help");
            assertTrue(markdown.contains("## Why it is a problem"), info.id());
            String text = r.get("help").object().get("text").string();
            assertTrue(r.get("helpUri").string().endsWith("/docs/rules/" + info.id() + ".md"));
            if (info.source() != null) {
                assertTrue(markdown.startsWith("**Normative source:** [" + info.source() + "]("), info.id());
                assertTrue(text.contains("Normative source: " + info.source()), info.id());
            }
            Map<String, Node> props = r.get("properties").object();
            assertTrue(props.get("security-severity").isString(), "security-severity is a string");
            Double.parseDouble(props.get("security-severity").string());
            if (props.get("tags").array().stream().anyMatch(t -> t.string().equals("security"))) {
                assertTrue(info.source() != null && (info.source().contains("RFC") || info.source().contains("CWE")
                        || info.source().contains("Angus")), info.id() + " is tagged security but cites no source");
            }
        }
        Map<String, Node> mp001 = rules.get(0).object();
        assertTrue(mp001.get("help").object().get("markdown").string().contains("https://www.rfc-editor.org/rfc/rfc8314"));
    }

    @Test
    void resultsCarryLevelMessageRepositoryRelativeLocationAndRegion() throws Exception {
        String sarif = SarifReport.render(Results.sample(), "services/mail/");
        Map<String, Node> mp015 = result(sarif, "MP015");
        assertEquals("warning", mp015.get("level").string());
        assertEquals(14, mp015.get("ruleIndex").value() instanceof java.math.BigDecimal
                ? ((java.math.BigDecimal) mp015.get("ruleIndex").value()).intValue() : -1);
        Map<String, Node> loc = physical(mp015);
        assertEquals("services/mail/src/main/resources/application.yml", loc.get("artifactLocation").object().get("uri").string());
        assertEquals("%SRCROOT%", loc.get("artifactLocation").object().get("uriBaseId").string());
        assertEquals("5", loc.get("region").object().get("startLine").value().toString());
        assertEquals("5", loc.get("region").object().get("startColumn").value().toString());
        assertTrue(mp015.get("message").object().get("text").string().contains("password"));
        assertEquals("note", result(sarif, "MP014").get("level").string());
        assertTrue(run(sarif).get("originalUriBaseIds").object().containsKey("%SRCROOT%"));
    }

    @Test
    void suppressedAndBaselinedFindingsAreCarriedAsSuppressions() throws Exception {
        String sarif = SarifReport.render(Results.sample(), "");
        Map<String, Node> mp003 = result(sarif, "MP003");
        Map<String, Node> s = mp003.get("suppressions").array().get(0).object();
        assertEquals("inSource", s.get("kind").string());
        assertEquals("accepted", s.get("status").string());
        assertEquals("the contract test double | listens <plain> on 465", s.get("justification").string());
        assertNull(result(sarif, "MP015").get("suppressions"));

        Baseline baseline = Baseline.parse(BaselineReport.render(Results.sample()), "b.json");
        String baselined = SarifReport.render(Results.check(baseline, "src/main/resources/application.yml",
                Results.APPLICATION_YML), "");
        Map<String, Node> b = result(baselined, "MP015").get("suppressions").array().get(0).object();
        assertEquals("external", b.get("kind").string());
        assertTrue(SarifSchema.check(baselined).isEmpty(), String.join("\n", SarifSchema.check(baselined)));
    }

    @Test
    void fingerprintsStayWhenABlankLineIsInsertedAboveAFinding() throws Exception {
        String before = SarifReport.render(Results.check("src/main/resources/application.yml", Results.APPLICATION_YML), "");
        String moved = Results.APPLICATION_YML.replace("    password:", "\n    password:");
        String after = SarifReport.render(Results.check("src/main/resources/application.yml", moved), "");
        for (String rule : new String[] {"MP015", "MP003", "MP014"}) {
            Map<String, Node> a = result(before, rule);
            Map<String, Node> b = result(after, rule);
            assertEquals(fingerprint(a), fingerprint(b), rule);
        }
        assertNotEquals(physical(result(before, "MP015")).get("region").object().get("startLine").value(),
                physical(result(after, "MP015")).get("region").object().get("startLine").value());
        // a different key is a different alert
        assertNotEquals(fingerprint(result(before, "MP015")), fingerprint(result(before, "MP014")));
        assertTrue(fingerprint(result(before, "MP015")).matches("[0-9a-f]{64}:1"));
    }

    @Test
    void identicalIdentitiesGetDistinctFingerprints() throws Exception {
        String yaml = "# mailports:disable-next-line MP002 stale one\n# mailports:disable-next-line MP002 stale two\n"
                + "spring:\n  mail:\n    host: smtp.example.com\n    port: 465\n    properties:\n      mail.smtp.ssl.enable: true\n";
        List<String> prints = new ArrayList<>();
        for (Map<String, Node> r : results(SarifReport.render(Results.check("application.yml", yaml), ""))) {
            if (r.get("ruleId").string().equals("MP901")) prints.add(fingerprint(r));
        }
        assertEquals(2, prints.size());
        assertNotEquals(prints.get(0), prints.get(1));
    }

    @Test
    void urisArePercentEncodedRelativeReferences() {
        assertEquals("src/main/resources/my%20config/application.yml", SarifReport.uri("src/main/resources/my config/application.yml"));
        assertEquals("c%3Aapplication.yml", SarifReport.uri("c:application.yml"));
        assertEquals("config/%C3%A9t%C3%A9/mail.properties", SarifReport.uri("config/\u00e9t\u00e9/mail.properties"));
        assertEquals("a%23b%3Fc%25.yml", SarifReport.uri("a#b?c%.yml"));
        assertEquals("", SarifReport.normalizePrefix("."));
        assertEquals("m1/", SarifReport.normalizePrefix("./m1"));
        assertEquals("a/b/", SarifReport.normalizePrefix("a\\b\\"));
    }

    @Test
    void neverWritesASecret() throws Exception {
        CheckResult r = Results.sample();
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("MP015")));
        assertFalse(SarifReport.render(r, "").contains(Results.SECRET));
    }
}
