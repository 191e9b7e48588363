package io.github.mailports.report;

import io.github.mailports.engine.Baseline;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.rules.Finding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline file written by {@code mailports:baseline}: every active finding (suppressed ones are already
 * accepted in the file itself), keyed as {@link Baseline} reads it. Sorted by identity, paths relative with
 * {@code /}, no line numbers and no timestamps, so the same findings give a byte-identical file on every
 * machine and a re-recorded baseline shows only real changes in a diff.
 */
public final class BaselineReport {
    private BaselineReport() {
    }

    /** The findings a baseline written now would accept. */
    public static List<Finding> accepted(CheckResult result) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (!f.suppressed()) out.add(f);
        }
        return out;
    }

    public static String render(CheckResult result) {
        List<Finding> findings = accepted(result);
        List<Object[]> rows = new ArrayList<>();
        for (Finding f : findings) rows.add(new Object[] {Baseline.Identity.of(f), f});
        Collections.sort(rows, (a, b) -> {
            int c = ((Baseline.Identity) a[0]).compareTo((Baseline.Identity) b[0]);
            return c != 0 ? c : ((Finding) a[1]).message().compareTo(((Finding) b[1]).message());
        });
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("comment", "Findings accepted when mailports was adopted: they are reported as baselined and do not"
                + " fail the build. Matched by rule, file, key, endpoint and profiles (not by line). Re-record with"
                + " mvn mailports:baseline; fix them and delete their entries over time.");
        root.put("version", Baseline.VERSION);
        List<Object> list = new ArrayList<>();
        for (Object[] row : rows) {
            Baseline.Identity id = (Baseline.Identity) row[0];
            Finding f = (Finding) row[1];
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", id.ruleId());
            m.put("file", id.file());
            m.put("key", id.key());
            m.put("endpoint", id.endpoint());
            m.put("profiles", id.profiles());
            m.put("message", f.fullMessage());
            list.add(m);
        }
        root.put("findings", list);
        return Json.write(root);
    }
}
