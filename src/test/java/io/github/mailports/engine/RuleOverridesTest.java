package io.github.mailports.engine;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-rule configuration: {@code <rules><MP014>WARNING</MP014><MP012>OFF</MP012></rules>} and {@code skipRules}. */
class RuleOverridesTest {
    /** MP003 (ERROR) on 465, and MP014 (INFO, no timeouts) at the host. */
    private static final String PROPS = "spring.mail.host=smtp.example.com\nspring.mail.port=465\n"
            + "spring.mail.properties.mail.smtp.starttls.enable=true\nspring.mail.properties.mail.smtp.starttls.required=true\n";

    private static List<String> ids(CheckRequest.Builder b) throws Exception {
        CheckResult r = Engine.run(b.build(), Collections.singletonMap("application.properties", PROPS.getBytes(StandardCharsets.UTF_8)));
        return r.findings().stream().map(f -> f.ruleId() + ":" + f.severity()).collect(Collectors.toList());
    }

    private static CheckRequest.Builder request() {
        return CheckRequest.builder(Paths.get("."));
    }

    @Test
    void defaults() throws Exception {
        List<String> ids = ids(request());
        assertTrue(ids.contains("MP003:ERROR"), ids.toString());
        assertTrue(ids.contains("MP014:INFO"), ids.toString());
    }

    @Test
    void aLevelOverrideChangesTheSeverityAndOffRemovesTheRule() throws Exception {
        List<String> ids = ids(request().rule("MP014", "WARNING").rule("mp003", "off"));
        assertTrue(ids.contains("MP014:WARNING"), ids.toString());
        assertFalse(ids.stream().anyMatch(i -> i.startsWith("MP003")), ids.toString());
    }

    @Test
    void anOverrideCanLowerAnErrorBelowTheThreshold() throws Exception {
        CheckResult r = Engine.run(request().rule("MP003", "INFO").build(),
                Collections.singletonMap("application.properties", PROPS.getBytes(StandardCharsets.UTF_8)));
        assertFalse(r.fails(Severity.ERROR));
        assertTrue(r.fails(Severity.INFO));
        for (Finding f : r.findings()) if (f.ruleId().equals("MP003")) assertEquals(Severity.INFO, f.severity());
    }

    @Test
    void skipRulesTakesCommaSeparatedIdsInOneOrSeveralEntries() throws Exception {
        List<String> ids = ids(request().skipRules(Arrays.asList("MP003, MP012", "MP014")));
        assertFalse(ids.stream().anyMatch(i -> i.startsWith("MP003") || i.startsWith("MP014")), ids.toString());
    }

    @Test
    void unknownIdsAndLevelsAreRejectedWithAMessageNamingThem() {
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> request().rule("MP999", "OFF"));
        assertTrue(id.getMessage().startsWith("unknown rule id 'MP999': known ids are MP001, MP002"), id.getMessage());
        IllegalArgumentException skip = assertThrows(IllegalArgumentException.class,
                () -> request().skipRules(Collections.singletonList("MP003,MP03")));
        assertTrue(skip.getMessage().contains("'MP03'"), skip.getMessage());
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class, () -> request().rule("MP014", "SEVERE"));
        assertEquals("rule MP014: unknown level 'SEVERE': use ERROR, WARNING, INFO or OFF", level.getMessage());
    }
}
