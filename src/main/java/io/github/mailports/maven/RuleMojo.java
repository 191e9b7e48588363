package io.github.mailports.maven;

import io.github.mailports.report.RuleDocs;
import io.github.mailports.rules.RuleInfo;
import io.github.mailports.rules.Rules;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Locale;

/**
 * Prints a rule's page (what it checks, why it is a problem, how to fix it, the sources) from the plugin itself,
 * offline: {@code mvn mailports:rule -Drule=MP003}. Without {@code rule}, lists every rule with its default severity.
 * The console's {@code see:} line after each finding gives this command.
 */
@Mojo(name = "rule", threadSafe = true, requiresProject = false, aggregator = true)
public final class RuleMojo extends AbstractMojo {
    /** The rule id, e.g. {@code MP003}. Default: none (list the rules). */
    @Parameter(property = "rule")
    private String rule;

    @Override
    public void execute() throws MojoExecutionException {
        if (rule == null || rule.trim().isEmpty()) {
            StringBuilder b = new StringBuilder("mailports rules (mvn mailports:rule -Drule=MPxxx prints one):");
            for (RuleInfo r : Rules.catalog()) {
                b.append("\n  ").append(r.id()).append(' ').append(r.name()).append(" (").append(r.defaultSeverity())
                        .append("): ").append(r.summary());
            }
            getLog().info(b.toString());
            return;
        }
        String id = rule.trim().toUpperCase(Locale.ROOT);
        String page = Rules.byId(id) == null ? null : RuleDocs.page(id);
        if (page == null) {
            StringBuilder ids = new StringBuilder();
            for (RuleInfo r : Rules.catalog()) ids.append(ids.length() == 0 ? "" : ", ").append(r.id());
            throw new MojoExecutionException("mailports: no rule '" + rule.trim() + "': known ids are " + ids);
        }
        getLog().info("\n" + page.trim());
    }
}
