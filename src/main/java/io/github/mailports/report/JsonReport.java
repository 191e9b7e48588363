package io.github.mailports.report;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.EndpointSummary;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code mailports-report.json}: every finding (suppressed and baselined ones marked), every endpoint, a summary. */
public final class JsonReport {
    public static final String FILE_NAME = "mailports-report.json";

    private JsonReport() {
    }

    /** Each library as coordinates and version; an unknown version is null with {@code "assumed": "newest"}. */
    private static List<Object> libraries(EndpointSummary e) {
        List<Object> out = new ArrayList<>();
        for (io.github.mailports.model.LibraryVersions.Library l : e.libraries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("coordinates", l.coordinates());
            m.put("version", l.version());
            if (l.version() == null) m.put("assumed", "newest");
            out.add(m);
        }
        return out;
    }

    public static String render(CheckResult result, long durationMs) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", ToolInfo.NAME);
        tool.put("version", ToolInfo.version());
        root.put("tool", tool);
        List<Object> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", f.ruleId());
            m.put("name", f.rule().name());
            m.put("severity", f.severity().name());
            m.put("file", f.location().file());
            m.put("line", f.location().line());
            m.put("column", f.location().column());
            m.put("key", f.key());
            m.put("profiles", f.profiles());
            m.put("endpoint", f.subject());
            m.put("message", f.fullMessage());
            m.put("fix", f.fix());
            m.put("suppressed", f.suppressed());
            if (f.suppressed()) m.put("suppressionReason", f.suppressionReason());
            m.put("baselined", f.baselined());
            findings.add(m);
        }
        root.put("findings", findings);
        List<Object> endpoints = new ArrayList<>();
        for (EndpointSummary e : result.endpoints()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("source", e.source());
            m.put("file", e.file());
            m.put("profiles", e.profiles());
            m.put("protocol", e.protocol());
            m.put("host", e.host());
            m.put("port", e.port());
            m.put("encryption", e.encryption());
            m.put("libraries", libraries(e));
            endpoints.add(m);
        }
        root.put("endpoints", endpoints);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", result.files().size());
        summary.put("endpoints", result.endpoints().size());
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("infos", result.count(Severity.INFO));
        summary.put("suppressed", result.suppressedCount());
        summary.put("baselined", result.baselinedCount());
        summary.put("durationMs", durationMs);
        root.put("summary", summary);
        return Json.write(root);
    }
}
