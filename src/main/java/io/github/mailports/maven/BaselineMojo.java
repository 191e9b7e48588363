package io.github.mailports.maven;

import io.github.mailports.engine.Baseline;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.report.BaselineReport;
import io.github.mailports.report.ReportFiles;
import io.github.mailports.rules.Finding;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records today's findings in the baseline file, so an existing codebase can adopt the plugin and fail only on
 * new findings: run {@code mvn mailports:baseline}, commit {@code mailports-baseline.json}, and {@code verify}
 * passes until a finding that is not in the file appears. Findings suppressed inline are not recorded. Running
 * it again replaces the file with the current findings (fixed ones drop out). Never fails on findings.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public final class BaselineMojo extends AbstractMailportsMojo {
    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("mailports: skipped (mailports.skip=true)");
            return;
        }
        File target = baselineFile();
        CheckResult result;
        try {
            result = Engine.run(request(Baseline.none()));
            ReportFiles.write(target.getParentFile().toPath(), target.getName(), BaselineReport.render(result));
        } catch (IOException e) {
            throw new MojoExecutionException("mailports: cannot read the configuration or write the baseline " + target
                    + ": " + e.getMessage(), e);
        }
        Map<String, Integer> perRule = new TreeMap<>();
        int n = 0;
        for (Finding f : BaselineReport.accepted(result)) {
            perRule.merge(f.ruleId(), 1, Integer::sum);
            n++;
        }
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, Integer> e : perRule.entrySet()) {
            counts.append(counts.length() == 0 ? " (" : ", ").append(e.getKey()).append(": ").append(e.getValue());
        }
        if (counts.length() > 0) counts.append(')');
        getLog().info("mailports: recorded " + n + (n == 1 ? " finding" : " findings") + counts + " in " + target
                + "; commit it: verify now fails only on findings that are not in it");
        for (String note : result.notes()) getLog().info("note: " + note);
    }
}
