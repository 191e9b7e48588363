package io.github.mailports.report;

import io.github.mailports.engine.Baseline;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.RuleInfo;
import io.github.mailports.rules.Rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mailports.sarif}: SARIF 2.1.0 as GitHub code scanning reads it. One run; the driver lists every rule
 * of the catalog (so {@code ruleIndex} is stable) with short and full descriptions, help text and Markdown
 * from the rule's page citing its normative source, and GitHub's {@code security-severity}, tags and
 * precision, all from the rule's one declaration ({@link RuleInfo}). Each finding is a result with its level, message, a location relative to {@code %SRCROOT%} (the
 * repository root) and a {@code partialFingerprints} entry that does not depend on the line, so an alert
 * survives unrelated edits above it. Suppressed findings carry an {@code inSource} suppression with the
 * directive's reason; baselined ones an {@code external} suppression. No secret is ever written: messages are
 * built without values of password keys.
 */
public final class SarifReport {
    public static final String FILE_NAME = "mailports.sarif";
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    /** The key of our fingerprint in {@code partialFingerprints}; bump the version if its inputs change. */
    static final String FINGERPRINT = "mailports/v1";
    private static final int MAX_DESCRIPTION = 1024;

    private SarifReport() {
    }

    /** The report with paths as the engine has them (relative to the base directory). */
    public static String render(CheckResult result) {
        return render(result, "");
    }

    /**
     * The report. {@code basePrefix} is the base directory's path relative to the repository root, with
     * {@code /} separators ({@code ""} when they are the same, {@code "services/mail"} for a module), so
     * every {@code uri} is relative to the repository root, as GitHub code scanning requires.
     */
    public static String render(CheckResult result, String basePrefix) {
        String prefix = normalizePrefix(basePrefix);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        Map<String, Object> run = new LinkedHashMap<>();
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", ToolInfo.NAME);
        driver.put("fullName", "mailports-maven-plugin");
        driver.put("version", ToolInfo.version());
        driver.put("semanticVersion", semantic(ToolInfo.version()));
        driver.put("informationUri", ToolInfo.informationUri());
        Catalog catalog = Catalog.get();
        Map<String, Integer> index = catalog.index;
        driver.put("rules", catalog.rules);
        run.put("tool", Collections.singletonMap("driver", driver));
        Map<String, Object> srcroot = new LinkedHashMap<>();
        srcroot.put("description", text("The root of the repository: the repositoryRoot parameter, else the nearest"
                + " folder at or above the checked folder that holds .git, else Maven's multi-module project directory"
                + " (the folder holding .mvn), else the checked folder; every result's uri is relative to it."));
        run.put("originalUriBaseIds", Collections.singletonMap(SRCROOT, srcroot));
        run.put("columnKind", "utf16CodeUnits");
        List<Object> results = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : result.findings()) {
            results.add(result(f, prefix, index, seen));
        }
        run.put("results", results);
        root.put("runs", Collections.singletonList(run));
        return Json.write(root);
    }

    /** The driver's rules, built once from the rule pages (the same for every report; read-only). */
    private static final class Catalog {
        private static volatile Catalog instance;
        final List<Object> rules;
        final Map<String, Integer> index;

        private Catalog() {
            List<Object> r = new ArrayList<>();
            Map<String, Integer> i = new HashMap<>();
            for (RuleInfo info : Rules.catalog()) {
                i.put(info.id(), r.size());
                r.add(rule(info));
            }
            rules = Collections.unmodifiableList(r);
            index = Collections.unmodifiableMap(i);
        }

        static Catalog get() {
            Catalog c = instance;
            if (c == null) instance = c = new Catalog();
            return c;
        }
    }

    private static Map<String, Object> rule(RuleInfo r) {
        String page = RuleDocs.page(r.id());
        String what = RuleDocs.firstParagraph(RuleDocs.section(page, "What it checks"));
        String why = RuleDocs.section(page, "Why it is a problem");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("shortDescription", text(limit(r.summary())));
        m.put("fullDescription", text(limit(what != null ? what : r.summary())));
        String source = r.source() == null ? null
                : "Normative source: " + r.source() + (r.sourceUri() != null ? " (" + r.sourceUri() + ")" : "");
        StringBuilder help = new StringBuilder();
        help.append(r.id()).append(' ').append(r.name()).append(": ").append(r.summary()).append(".\n\n");
        if (what != null) help.append(what).append("\n\n");
        if (why != null) help.append(why).append("\n\n");
        if (source != null) help.append(source).append("\n\n");
        help.append("Rule page: ").append(ToolInfo.ruleUri(r.id()));
        StringBuilder md = new StringBuilder();
        if (r.source() != null) {
            md.append("**Normative source:** ").append(r.sourceUri() != null
                    ? "[" + r.source() + "](" + r.sourceUri() + ")" : r.source()).append("\n\n");
        }
        md.append(page != null ? page.trim() : "# " + r.id() + " " + r.name() + "\n\n" + r.summary() + ".");
        md.append("\n\n[Rule page](").append(ToolInfo.ruleUri(r.id())).append(')');
        Map<String, Object> helpObj = new LinkedHashMap<>();
        helpObj.put("text", help.toString());
        helpObj.put("markdown", md.toString());
        m.put("help", helpObj);
        m.put("helpUri", ToolInfo.ruleUri(r.id()));
        m.put("defaultConfiguration", Collections.singletonMap("level", r.defaultSeverity().sarifLevel()));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("tags", r.tags());
        props.put("precision", r.precision().sarif());
        props.put("security-severity", r.securitySeverity());
        m.put("properties", props);
        return m;
    }

    private static Map<String, Object> result(Finding f, String prefix, Map<String, Integer> index, Map<String, Integer> seen) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ruleId", f.ruleId());
        m.put("ruleIndex", index.get(f.ruleId()));
        m.put("level", f.severity().sarifLevel());
        // GitHub shows the message text as is: file text in it is escaped (Text), not only JSON-encoded
        m.put("message", text(Text.escape(sentence(f.fullMessage()) + (f.fix() != null ? " Fix: " + sentence(f.fix()) : ""))));
        String uri = uri(prefix + f.location().file());
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", uri);
        artifact.put("uriBaseId", SRCROOT);
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", f.location().line());
        region.put("startColumn", f.location().column());
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        physical.put("region", region);
        m.put("locations", Collections.singletonList(Collections.singletonMap("physicalLocation", physical)));
        String identity = new Baseline.Identity(f.ruleId(), prefix + f.location().file(), f.key(), f.subject(), f.profiles()).canonical();
        int occurrence = seen.merge(identity, 1, Integer::sum);
        m.put("partialFingerprints", Collections.singletonMap(FINGERPRINT, sha256(identity) + ":" + occurrence));
        if (f.suppressed()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", "inSource");
            s.put("status", "accepted");
            if (!f.suppressionReason().isEmpty()) s.put("justification", Text.escape(f.suppressionReason()));
            m.put("suppressions", Collections.singletonList(s));
        } else if (f.baselined()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", "external");
            s.put("status", "accepted");
            s.put("justification", "recorded in the baseline file (" + Baseline.FILE_NAME + " unless configured otherwise)");
            m.put("suppressions", Collections.singletonList(s));
        }
        Map<String, Object> props = new LinkedHashMap<>();
        if (f.key() != null) props.put("key", f.key());
        if (f.subject() != null) props.put("endpoint", f.subject());
        if (!f.profiles().isEmpty()) props.put("profiles", f.profiles());
        if (f.fix() != null) props.put("fix", Text.escape(f.fix()));
        if (f.baselined()) props.put("baselined", true);
        if (!props.isEmpty()) m.put("properties", props);
        return m;
    }

    private static Map<String, Object> text(String s) { return Collections.singletonMap("text", s); }

    private static String sentence(String s) { return s.endsWith(".") ? s : s + "."; }

    private static String limit(String s) {
        if (s.length() <= MAX_DESCRIPTION) return s;
        int cut = s.lastIndexOf(' ', MAX_DESCRIPTION - 4);
        return s.substring(0, cut > 0 ? cut : MAX_DESCRIPTION - 4) + " ...";
    }

    /** The numeric part of the version ({@code 0.1.0-SNAPSHOT} stays as is: it is valid semantic versioning). */
    private static String semantic(String version) {
        return version.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?") ? version : "0.0.0";
    }

    static String normalizePrefix(String prefix) {
        if (prefix == null) return "";
        String p = prefix.replace('\\', '/');
        while (p.startsWith("./")) p = p.substring(2);
        while (p.startsWith("/")) p = p.substring(1);
        if (p.equals(".") || p.isEmpty()) return "";
        return p.endsWith("/") ? p : p + "/";
    }

    /**
     * A relative URI reference for a relative path: each byte outside RFC 3986's unreserved characters,
     * sub-delimiters, {@code @} and {@code /} is percent-encoded; {@code :} always is, so the first segment
     * can never be read as a scheme.
     */
    static String uri(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
            if (keep) b.append((char) c);
            else b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
        return b.toString();
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
