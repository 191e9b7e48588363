package io.github.mailports.maven;

import io.github.mailports.engine.Baseline;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.report.BaselineReport;
import io.github.mailports.report.ReportFiles;
import io.github.mailports.rules.Finding;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records today's findings in the baseline file, so an existing codebase can adopt the plugin and fail only on
 * new findings: run {@code mvn mailports:baseline}, commit {@code mailports-baseline.json}, and {@code verify}
 * passes until a finding that is not in the file appears. Findings suppressed inline are not recorded. Running
 * it again replaces the file with the current findings (fixed ones drop out). Never fails on findings. At the top of
 * a multi-module build it records each module's baseline (modules without findings get no file).
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public final class BaselineMojo extends AbstractMailportsMojo {
    @Override
    void check(Log log, Outcome outcome) throws MojoExecutionException {
        File target = baselineFile();
        String problem = Baseline.problem(target.toPath());
        if (problem != null) throw new MojoExecutionException("mailports: the baselineFile " + shown(target) + " " + problem);
        CheckResult result;
        try {
            result = Engine.run(request(Baseline.none(), Collections.singletonList(target.toPath())));
        } catch (IOException e) {
            throw new MojoExecutionException("mailports: cannot read the configuration" + where() + ": " + e.getMessage(), e);
        }
        outcome.files += result.files().size();
        Map<String, Integer> perRule = new TreeMap<>();
        int n = 0;
        for (Finding f : BaselineReport.accepted(result)) {
            perRule.merge(f.ruleId(), 1, Integer::sum);
            n++;
        }
        // in a multi-module build, a module without findings and without a baseline gets no empty file
        if (outcome.reactor && n == 0 && !target.exists()) return;
        try {
            ReportFiles.write(target.getParentFile().toPath(), target.getName(), BaselineReport.render(result));
        } catch (IOException e) {
            throw new MojoExecutionException("mailports: cannot write the baseline " + shown(target) + ": " + e.getMessage(), e);
        }
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, Integer> e : perRule.entrySet()) {
            counts.append(counts.length() == 0 ? " (" : ", ").append(e.getKey()).append(": ").append(e.getValue());
        }
        if (counts.length() > 0) counts.append(')');
        log.info("mailports: recorded " + n + (n == 1 ? " finding" : " findings") + counts + " in " + shown(target)
                + "; commit it: verify now fails only on findings that are not in it");
        for (String note : result.notes()) log.info("note: " + note);
    }

    @Override
    void finish(Outcome outcome) {
    }
}
