package io.github.mailports.report;

import io.github.mailports.config.ConfigParseException;
import io.github.mailports.config.JsonTree;
import io.github.mailports.config.JsonTree.Node;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural checks of a SARIF log, written from the SARIF 2.1.0 specification (OASIS Standard, sections 3.13
 * sarifLog to 3.58) for the objects this tool emits: required properties, property types, the enumerations of
 * {@code level}, {@code kind}, {@code status}, {@code baselineState} and {@code columnKind}, URI forms, integer
 * minimums, unique array items, and no property the schema does not define. Then GitHub code scanning's own
 * requirements and limits (docs "SARIF support for code scanning"). Every problem found is collected, so a test
 * failure lists all of them.
 */
final class SarifSchema {
    private static final Set<String> LEVELS = set("none", "note", "warning", "error");
    private static final Set<String> SUPPRESSION_KINDS = set("inSource", "external");
    private static final Set<String> SUPPRESSION_STATUS = set("accepted", "underReview", "rejected");
    private static final Set<String> BASELINE_STATES = set("new", "unchanged", "updated", "absent");
    private static final Set<String> COLUMN_KINDS = set("utf16CodeUnits", "unicodeCodePoints");
    private static final Set<String> RESULT_KINDS = set("notApplicable", "pass", "fail", "review", "open", "informational");
    private static final Set<String> PRECISIONS = set("very-high", "high", "medium", "low");

    private static final Set<String> SARIF_LOG = set("$schema", "version", "runs", "inlineExternalProperties", "properties");
    private static final Set<String> RUN = set("tool", "invocations", "conversion", "language", "versionControlProvenance",
            "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates",
            "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind",
            "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses", "translations", "policies",
            "webRequests", "webResponses", "specialLocations", "properties");
    private static final Set<String> TOOL = set("driver", "extensions", "properties");
    private static final Set<String> TOOL_COMPONENT = set("guid", "name", "organization", "product", "productSuite",
            "shortDescription", "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
            "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications", "rules", "taxa",
            "locations", "language", "contents", "isComprehensive", "localizedDataSemanticVersion",
            "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata",
            "supportedTaxonomies", "properties");
    private static final Set<String> REPORTING_DESCRIPTOR = set("id", "deprecatedIds", "guid", "deprecatedGuids", "name",
            "deprecatedNames", "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration", "helpUri",
            "help", "relationships", "properties");
    private static final Set<String> REPORTING_CONFIGURATION = set("enabled", "level", "rank", "parameters", "properties");
    private static final Set<String> MULTIFORMAT = set("text", "markdown", "properties");
    private static final Set<String> MESSAGE = set("text", "markdown", "id", "arguments", "properties");
    private static final Set<String> RESULT = set("ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget",
            "locations", "guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks",
            "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank",
            "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest", "webResponse",
            "properties");
    private static final Set<String> LOCATION = set("id", "physicalLocation", "logicalLocations", "message", "annotations",
            "relationships", "properties");
    private static final Set<String> PHYSICAL_LOCATION = set("address", "artifactLocation", "region", "contextRegion", "properties");
    private static final Set<String> ARTIFACT_LOCATION = set("uri", "uriBaseId", "index", "description", "properties");
    private static final Set<String> REGION = set("startLine", "startColumn", "endLine", "endColumn", "charOffset",
            "charLength", "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties");
    private static final Set<String> SUPPRESSION = set("guid", "kind", "status", "justification", "location", "properties");

    private final List<String> problems = new ArrayList<>();

    private SarifSchema() {
    }

    /** All problems of the log, against the specification and GitHub's requirements; empty when valid. */
    static List<String> check(String sarif) {
        SarifSchema s = new SarifSchema();
        Node root;
        try {
            root = JsonTree.parse(sarif);
        } catch (ConfigParseException e) {
            s.problems.add("not JSON: " + e.getMessage() + " at " + e.line() + ":" + e.column());
            return s.problems;
        }
        s.sarifLog(root);
        return s.problems;
    }

    private void sarifLog(Node log) {
        if (!object(log, "sarifLog", SARIF_LOG, "version", "runs")) return;
        Map<String, Node> m = log.object();
        if (!"2.1.0".equals(str(m.get("version")))) problems.add("version must be \"2.1.0\"");
        if (m.containsKey("$schema")) absoluteUri(m.get("$schema"), "$schema");
        List<Node> runs = array(m.get("runs"), "runs");
        if (runs.isEmpty()) problems.add("GitHub needs at least one run");
        if (runs.size() > 20) problems.add("GitHub accepts at most 20 runs per file");
        for (int i = 0; i < runs.size(); i++) run(runs.get(i), "runs[" + i + "]");
    }

    private void run(Node run, String at) {
        if (!object(run, at, RUN, "tool")) return;
        Map<String, Node> m = run.object();
        Node tool = m.get("tool");
        List<String> ruleIds = new ArrayList<>();
        if (object(tool, at + ".tool", TOOL, "driver")) ruleIds = driver(tool.object().get("driver"), at + ".tool.driver");
        if (m.containsKey("columnKind")) enumeration(m.get("columnKind"), at + ".columnKind", COLUMN_KINDS);
        Set<String> baseIds = new HashSet<>();
        if (m.containsKey("originalUriBaseIds")) {
            Node bases = m.get("originalUriBaseIds");
            if (bases.isObject()) {
                for (Map.Entry<String, Node> e : bases.object().entrySet()) {
                    baseIds.add(e.getKey());
                    String p = at + ".originalUriBaseIds." + e.getKey();
                    if (!object(e.getValue(), p, ARTIFACT_LOCATION)) continue;
                    Map<String, Node> a = e.getValue().object();
                    if (a.containsKey("uri")) {
                        String u = str(a.get("uri"));
                        if (u == null || !u.endsWith("/")) problems.add(p + ".uri must end with '/' (3.14.14)");
                        if (!a.containsKey("uriBaseId")) absoluteUri(a.get("uri"), p + ".uri");
                    }
                    if (a.containsKey("description")) message(a.get("description"), p + ".description");
                }
            } else {
                problems.add(at + ".originalUriBaseIds must be an object");
            }
        }
        if (!m.containsKey("results")) {
            problems.add(at + ".results should be present (an empty array when nothing was found)");
            return;
        }
        List<Node> results = array(m.get("results"), at + ".results");
        if (results.size() > 25_000) problems.add(at + ": GitHub accepts at most 25,000 results per run");
        for (int i = 0; i < results.size(); i++) result(results.get(i), at + ".results[" + i + "]", ruleIds, baseIds);
    }

    private List<String> driver(Node d, String at) {
        List<String> ids = new ArrayList<>();
        if (!object(d, at, TOOL_COMPONENT, "name")) return ids;
        Map<String, Node> m = d.object();
        nonEmptyString(m.get("name"), at + ".name");
        if (m.containsKey("version")) string(m.get("version"), at + ".version");
        if (m.containsKey("semanticVersion")) string(m.get("semanticVersion"), at + ".semanticVersion");
        if (m.containsKey("informationUri")) absoluteUri(m.get("informationUri"), at + ".informationUri");
        if (!m.containsKey("rules")) {
            problems.add(at + ".rules is required by GitHub");
            return ids;
        }
        List<Node> rules = array(m.get("rules"), at + ".rules");
        if (rules.size() > 25_000) problems.add(at + ".rules: GitHub accepts at most 25,000 rules");
        for (int i = 0; i < rules.size(); i++) {
            String id = rule(rules.get(i), at + ".rules[" + i + "]");
            if (id != null && ids.contains(id)) problems.add(at + ".rules: duplicate id " + id);
            ids.add(id);
        }
        return ids;
    }

    private String rule(Node r, String at) {
        if (!object(r, at, REPORTING_DESCRIPTOR, "id")) return null;
        Map<String, Node> m = r.object();
        String id = nonEmptyString(m.get("id"), at + ".id");
        if (m.containsKey("name")) {
            String name = nonEmptyString(m.get("name"), at + ".name");
            if (name != null && name.equals(id)) problems.add(at + ".name must differ from id (3.49.7)");
        }
        // GitHub: shortDescription.text, fullDescription.text (<= 1024 characters) and help.text are required
        for (String d : Arrays.asList("shortDescription", "fullDescription")) {
            if (!m.containsKey(d)) {
                problems.add(at + "." + d + " is required by GitHub");
                continue;
            }
            multiformat(m.get(d), at + "." + d);
            String text = m.get(d).isObject() ? str(m.get(d).object().get("text")) : null;
            if (text != null && text.length() > 1024) problems.add(at + "." + d + ".text is longer than 1024 characters");
        }
        if (!m.containsKey("help")) problems.add(at + ".help is required by GitHub");
        else multiformat(m.get("help"), at + ".help");
        if (m.containsKey("helpUri")) absoluteUri(m.get("helpUri"), at + ".helpUri");
        if (m.containsKey("defaultConfiguration")) {
            Node c = m.get("defaultConfiguration");
            if (object(c, at + ".defaultConfiguration", REPORTING_CONFIGURATION) && c.object().containsKey("level")) {
                enumeration(c.object().get("level"), at + ".defaultConfiguration.level", LEVELS);
            }
        }
        if (m.containsKey("properties")) {
            Node p = m.get("properties");
            if (!p.isObject()) {
                problems.add(at + ".properties must be an object");
            } else {
                Map<String, Node> props = p.object();
                if (props.containsKey("tags")) {
                    List<Node> tags = array(props.get("tags"), at + ".properties.tags");
                    Set<String> seen = new HashSet<>();
                    for (Node t : tags) {
                        String tag = string(t, at + ".properties.tags[]");
                        if (tag != null && !seen.add(tag)) problems.add(at + ".properties.tags: duplicate " + tag);
                    }
                    if (tags.size() > 20) problems.add(at + ".properties.tags: GitHub accepts at most 20 tags");
                }
                if (props.containsKey("precision")) enumeration(props.get("precision"), at + ".properties.precision", PRECISIONS);
                if (props.containsKey("security-severity")) {
                    String sev = string(props.get("security-severity"), at + ".properties.security-severity");
                    try {
                        double v = Double.parseDouble(sev);
                        if (v < 0.0 || v > 10.0) problems.add(at + ".properties.security-severity must be 0.0 to 10.0");
                    } catch (NumberFormatException | NullPointerException e) {
                        problems.add(at + ".properties.security-severity must be a number in a string");
                    }
                }
            }
        }
        return id;
    }

    private void result(Node r, String at, List<String> ruleIds, Set<String> baseIds) {
        if (!object(r, at, RESULT, "message")) return;
        Map<String, Node> m = r.object();
        message(m.get("message"), at + ".message");
        if (m.get("message").isObject() && str(m.get("message").object().get("text")) == null) {
            problems.add(at + ".message.text is required by GitHub");
        }
        String ruleId = m.containsKey("ruleId") ? nonEmptyString(m.get("ruleId"), at + ".ruleId") : null;
        if (ruleId == null) problems.add(at + ".ruleId is needed by GitHub to keep alerts stable");
        if (m.containsKey("ruleIndex")) {
            Integer index = integer(m.get("ruleIndex"), at + ".ruleIndex", -1);
            if (index != null && index >= 0) {
                if (index >= ruleIds.size()) problems.add(at + ".ruleIndex " + index + " is outside tool.driver.rules");
                else if (ruleId != null && !ruleId.equals(ruleIds.get(index))) {
                    problems.add(at + ".ruleIndex points at " + ruleIds.get(index) + ", not " + ruleId + " (3.27.6)");
                }
            }
        }
        if (m.containsKey("kind")) enumeration(m.get("kind"), at + ".kind", RESULT_KINDS);
        if (m.containsKey("level")) enumeration(m.get("level"), at + ".level", LEVELS);
        if (m.containsKey("baselineState")) enumeration(m.get("baselineState"), at + ".baselineState", BASELINE_STATES);
        List<Node> locations = m.containsKey("locations") ? array(m.get("locations"), at + ".locations") : new ArrayList<Node>();
        if (locations.isEmpty()) problems.add(at + ".locations: GitHub needs at least one location");
        if (locations.size() > 1000) problems.add(at + ".locations: GitHub accepts at most 1,000");
        for (int i = 0; i < locations.size(); i++) location(locations.get(i), at + ".locations[" + i + "]", baseIds);
        if (!m.containsKey("partialFingerprints")) {
            problems.add(at + ".partialFingerprints should be present");
        } else if (!m.get("partialFingerprints").isObject() || m.get("partialFingerprints").object().isEmpty()) {
            problems.add(at + ".partialFingerprints must be a non-empty object");
        } else {
            for (Map.Entry<String, Node> e : m.get("partialFingerprints").object().entrySet()) {
                nonEmptyString(e.getValue(), at + ".partialFingerprints." + e.getKey());
            }
        }
        if (m.containsKey("suppressions")) {
            List<Node> sup = array(m.get("suppressions"), at + ".suppressions");
            for (int i = 0; i < sup.size(); i++) {
                String p = at + ".suppressions[" + i + "]";
                if (!object(sup.get(i), p, SUPPRESSION, "kind")) continue;
                Map<String, Node> s = sup.get(i).object();
                enumeration(s.get("kind"), p + ".kind", SUPPRESSION_KINDS);
                if (s.containsKey("status")) enumeration(s.get("status"), p + ".status", SUPPRESSION_STATUS);
                if (s.containsKey("justification")) string(s.get("justification"), p + ".justification");
            }
        }
        if (m.containsKey("properties") && !m.get("properties").isObject()) problems.add(at + ".properties must be an object");
    }

    private void location(Node l, String at, Set<String> baseIds) {
        if (!object(l, at, LOCATION)) return;
        Node p = l.object().get("physicalLocation");
        if (p == null) {
            problems.add(at + ".physicalLocation is required by GitHub");
            return;
        }
        String pp = at + ".physicalLocation";
        if (!object(p, pp, PHYSICAL_LOCATION)) return;
        Map<String, Node> m = p.object();
        if (!m.containsKey("address") && !m.containsKey("artifactLocation")) {
            problems.add(pp + " needs address or artifactLocation (3.29.2)");
        }
        Node a = m.get("artifactLocation");
        if (a != null && object(a, pp + ".artifactLocation", ARTIFACT_LOCATION)) {
            Map<String, Node> am = a.object();
            String uri = am.containsKey("uri") ? string(am.get("uri"), pp + ".artifactLocation.uri") : null;
            if (uri == null) {
                problems.add(pp + ".artifactLocation.uri is required by GitHub");
            } else {
                try {
                    URI u = new URI(uri);
                    if (am.containsKey("uriBaseId")) {
                        if (u.isAbsolute()) problems.add(pp + ".artifactLocation.uri must be relative when uriBaseId is given (3.4.4)");
                        String base = string(am.get("uriBaseId"), pp + ".artifactLocation.uriBaseId");
                        if (base != null && !baseIds.contains(base)) problems.add(pp + ": uriBaseId " + base + " is not in originalUriBaseIds");
                    }
                    if (uri.startsWith("/")) problems.add(pp + ".artifactLocation.uri must not start with '/': GitHub wants repository-relative paths");
                    if (uri.contains("\\")) problems.add(pp + ".artifactLocation.uri uses '\\'");
                    if (Arrays.asList(uri.split("/")).contains("..")) problems.add(pp + ".artifactLocation.uri has a '..' segment");
                } catch (URISyntaxException e) {
                    problems.add(pp + ".artifactLocation.uri is not a valid URI reference: " + uri);
                }
            }
        }
        Node region = m.get("region");
        if (region == null) {
            problems.add(pp + ".region with startLine is required by GitHub");
        } else if (object(region, pp + ".region", REGION)) {
            Map<String, Node> rm = region.object();
            if (!rm.containsKey("startLine")) problems.add(pp + ".region.startLine is required by GitHub");
            for (String k : Arrays.asList("startLine", "startColumn", "endLine", "endColumn")) {
                if (rm.containsKey(k)) integer(rm.get(k), pp + ".region." + k, 1);
            }
        }
    }

    private void multiformat(Node n, String at) {
        if (!object(n, at, MULTIFORMAT, "text")) return;
        nonEmptyString(n.object().get("text"), at + ".text");
        if (n.object().containsKey("markdown")) string(n.object().get("markdown"), at + ".markdown");
    }

    private void message(Node n, String at) {
        if (!object(n, at, MESSAGE)) return;
        Map<String, Node> m = n.object();
        if (!m.containsKey("text") && !m.containsKey("id")) problems.add(at + " needs text or id (3.11)");
        if (m.containsKey("text")) nonEmptyString(m.get("text"), at + ".text");
    }

    private boolean object(Node n, String at, Set<String> allowed, String... required) {
        if (n == null) {
            problems.add(at + " is missing");
            return false;
        }
        if (!n.isObject()) {
            problems.add(at + " must be an object, not " + n.kind());
            return false;
        }
        for (String k : n.object().keySet()) {
            if (!allowed.contains(k)) problems.add(at + " has a property the schema does not define: " + k);
        }
        boolean ok = true;
        for (String r : required) {
            if (!n.object().containsKey(r)) {
                problems.add(at + "." + r + " is required");
                ok = false;
            }
        }
        return ok;
    }

    private List<Node> array(Node n, String at) {
        if (n == null || !n.isArray()) {
            problems.add(at + " must be an array");
            return new ArrayList<>();
        }
        return n.array();
    }

    private String string(Node n, String at) {
        if (n == null || !n.isString()) {
            problems.add(at + " must be a string");
            return null;
        }
        return n.string();
    }

    private String nonEmptyString(Node n, String at) {
        String s = string(n, at);
        if (s != null && s.isEmpty()) problems.add(at + " must not be empty");
        return s;
    }

    private Integer integer(Node n, String at, int minimum) {
        if (n == null || !(n.value() instanceof BigDecimal)) {
            problems.add(at + " must be an integer");
            return null;
        }
        BigDecimal v = (BigDecimal) n.value();
        if (v.stripTrailingZeros().scale() > 0) {
            problems.add(at + " must be an integer, not " + v);
            return null;
        }
        if (v.compareTo(BigDecimal.valueOf(minimum)) < 0) problems.add(at + " must be >= " + minimum + ", not " + v);
        return v.intValue();
    }

    private void enumeration(Node n, String at, Set<String> values) {
        String s = string(n, at);
        if (s != null && !values.contains(s)) problems.add(at + " must be one of " + values + ", not " + s);
    }

    private void absoluteUri(Node n, String at) {
        String s = string(n, at);
        if (s == null) return;
        try {
            if (!new URI(s).isAbsolute()) problems.add(at + " must be an absolute URI: " + s);
        } catch (URISyntaxException e) {
            problems.add(at + " is not a URI: " + s);
        }
    }

    private static String str(Node n) { return n != null && n.isString() ? n.string() : null; }

    private static Set<String> set(String... values) { return new HashSet<>(Arrays.asList(values)); }
}
