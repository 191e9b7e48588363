package io.github.mailports.engine;

import io.github.mailports.config.Comment;
import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigFormat;
import io.github.mailports.model.SourceLocation;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Rules;
import io.github.mailports.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionsTest {
    private static final String PORT_465_STARTTLS = "spring:\n  mail:\n    host: smtp.example.com\n%s    port: 465\n"
            + "    properties:\n      mail.smtp.starttls.enable: true\n      mail.smtp.starttls.required: true\n";

    private static CheckResult check(CheckRequest.Builder request, String path, String text) throws Exception {
        return Engine.run(request.build(), Collections.singletonMap(path, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static CheckRequest.Builder request() {
        return CheckRequest.builder(Paths.get("."));
    }

    private static List<Finding> of(CheckResult r, String id) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : r.findings()) if (f.ruleId().equals(id)) out.add(f);
        return out;
    }

    @Test
    void nextLineDirectiveSuppressesWithItsReasonAndDoesNotFail() throws Exception {
        CheckResult r = check(request(), "application.yml", String.format(PORT_465_STARTTLS,
                "    # mailports:disable-next-line MP003 the contract test double listens in plaintext\n"));
        Finding f = of(r, "MP003").get(0);
        assertTrue(f.suppressed());
        assertEquals("the contract test double listens in plaintext", f.suppressionReason());
        assertEquals(5, f.location().line());
        assertTrue(of(r, "MP901").isEmpty(), r.findings().toString());
        assertEquals(1, r.suppressedCount());
        assertEquals(0, r.count(Severity.ERROR));
        assertFalse(r.fails(Severity.ERROR));
    }

    @Test
    void withoutTheDirectiveTheSameFindingIsActive() throws Exception {
        CheckResult r = check(request(), "application.yml", String.format(PORT_465_STARTTLS, ""));
        assertFalse(of(r, "MP003").get(0).suppressed());
        assertTrue(r.fails(Severity.ERROR));
    }

    @Test
    void skipsBlankLinesOtherCommentsAndMappingLinesToTheNextEntry() throws Exception {
        String yaml = "spring:\n  # mailports:disable-next-line MP003 reason\n\n  # another comment\n  mail:\n"
                + "    host: smtp.example.com\n    port: 465\n";
        // the next entry below the directive is host (line 6), not port: MP003 stays active and the directive is unused
        CheckResult r = check(request(), "application.yml", yaml);
        assertFalse(of(r, "MP003").get(0).suppressed());
        Finding unused = of(r, "MP901").get(0);
        assertEquals(2, unused.location().line());
        assertEquals(3, unused.location().column());
        assertEquals(Severity.WARNING, unused.severity());
        assertTrue(unused.message().contains("MP003 suppressed nothing"), unused.message());
    }

    @Test
    void severalIdsWithCommasAndTheReasonIsEverythingAfterThem() throws Exception {
        CheckResult r = check(request(), "application.yml", String.format(PORT_465_STARTTLS,
                "    # mailports:disable-next-line MP003, MP012,MP013 -- test double, see TICKET-12\n"));
        Finding f = of(r, "MP003").get(0);
        assertEquals("test double, see TICKET-12", f.suppressionReason());
        List<Finding> unused = of(r, "MP901");
        assertEquals(2, unused.size(), unused.toString());
        assertTrue(unused.get(0).message().contains("MP012"));
        assertTrue(unused.get(1).message().contains("MP013"));
    }

    @Test
    void propertiesDirectivesWithHashOrBang() throws Exception {
        String props = "spring.mail.host=smtp.example.com\n! mailports:disable-next-line MP003 test double\n"
                + "spring.mail.port=465\nspring.mail.properties.mail.smtp.starttls.enable=true\n"
                + "spring.mail.properties.mail.smtp.starttls.required=true\n";
        CheckResult r = check(request(), "application.properties", props);
        assertTrue(of(r, "MP003").get(0).suppressed());
        assertEquals("test double", of(r, "MP003").get(0).suppressionReason());
    }

    @Test
    void aDirectiveWithoutReasonStillSuppressesWithAnEmptyReason() throws Exception {
        CheckResult r = check(request(), "application.yml", String.format(PORT_465_STARTTLS,
                "    # mailports:disable-next-line MP003\n"));
        assertEquals("", of(r, "MP003").get(0).suppressionReason());
    }

    @Test
    void trailingDirectiveAppliesToTheNextEntryNotItsOwnLine() throws Exception {
        String yaml = "spring:\n  mail:\n    host: smtp.example.com  # mailports:disable-next-line MP003 test double\n"
                + "    port: 465\n";
        CheckResult r = check(request(), "application.yml", yaml);
        assertTrue(of(r, "MP003").get(0).suppressed());
    }

    @Test
    void disableFileInTheHeaderCoversTheWholeFile() throws Exception {
        String yaml = "# Shared settings\n# mailports:disable-file MP003 test double for every profile\n"
                + String.format(PORT_465_STARTTLS, "");
        CheckResult r = check(request(), "application.yml", yaml);
        assertTrue(of(r, "MP003").get(0).suppressed());
        assertTrue(of(r, "MP901").isEmpty());
    }

    @Test
    void disableFileAfterTheFirstEntryIsIgnoredAndReported() throws Exception {
        String yaml = String.format(PORT_465_STARTTLS, "") + "# mailports:disable-file MP003 too late\n";
        CheckResult r = check(request(), "application.yml", yaml);
        assertFalse(of(r, "MP003").get(0).suppressed());
        Finding unused = of(r, "MP901").get(0);
        assertEquals(8, unused.location().line());
        assertTrue(unused.message().contains("before the file's first entry (line 3)"), unused.message());
    }

    @Test
    void unknownIdsAndMissingIdsAreReported() throws Exception {
        CheckResult r = check(request(), "application.yml", String.format(PORT_465_STARTTLS,
                "    # mailports:disable-next-line MP3,mp003 typo and lower case\n"
                        + "    # mailports:disable-next-line no ids here\n"));
        assertTrue(of(r, "MP003").get(0).suppressed(), "mp003 is read as MP003");
        List<Finding> unused = of(r, "MP901");
        assertEquals(2, unused.size(), unused.toString());
        assertTrue(unused.get(0).message().contains("names MP3, which is not a rule"), unused.get(0).message());
        assertTrue(unused.get(1).message().contains("names no rule id"), unused.get(1).message());
    }

    @Test
    void aDirectiveWithNothingBelowIsReported() throws Exception {
        CheckResult r = check(request(), "application.yml", String.format(PORT_465_STARTTLS, "")
                + "# mailports:disable-next-line MP003 nothing below\n");
        assertTrue(of(r, "MP901").get(0).message().contains("there is no entry below it"));
    }

    @Test
    void rulesSwitchedOffForTheBuildDoNotMakeTheirDirectivesUnused() throws Exception {
        String yaml = String.format(PORT_465_STARTTLS, "    # mailports:disable-next-line MP003 test double\n");
        CheckResult skipped = check(request().skipRules(Collections.singletonList("MP003")), "application.yml", yaml);
        assertTrue(of(skipped, "MP003").isEmpty());
        assertTrue(of(skipped, "MP901").isEmpty(), skipped.findings().toString());
        CheckResult off = check(request().rule("MP003", "OFF"), "application.yml", yaml);
        assertTrue(of(off, "MP901").isEmpty());
    }

    @Test
    void mp901CanBeSwitchedOffOrRaised() throws Exception {
        String yaml = String.format(PORT_465_STARTTLS, "    # mailports:disable-next-line MP002 stale\n");
        assertTrue(of(check(request().skipRules(Collections.singletonList("MP901")), "application.yml", yaml), "MP901").isEmpty());
        Finding raised = of(check(request().rule("MP901", "ERROR"), "application.yml", yaml), "MP901").get(0);
        assertEquals(Severity.ERROR, raised.severity());
    }

    @Test
    void disableFileMp901AcceptsUnusedDirectivesButNotItself() throws Exception {
        String yaml = "# mailports:disable-file MP901 shared template\n"
                + String.format(PORT_465_STARTTLS, "    # mailports:disable-next-line MP002 stale\n");
        CheckResult r = check(request(), "application.yml", yaml);
        List<Finding> unused = of(r, "MP901");
        assertEquals(1, unused.size());
        assertTrue(unused.get(0).suppressed());
        assertEquals("shared template", unused.get(0).suppressionReason());

        String alone = "# mailports:disable-file MP901 nothing to accept\n" + String.format(PORT_465_STARTTLS, "");
        Finding self = of(check(request(), "application.yml", alone), "MP901").get(0);
        assertFalse(self.suppressed());
        assertEquals(1, self.location().line());
    }

    @Test
    void xmlCommentsWorkTheSameWay() {
        // the XML reader hands over the text inside <!-- -->; the directive grammar is the same
        List<ConfigEntry> entries = Arrays.asList(
                ConfigEntry.of("configuration.appender.smtpHost", "relay.corp.example", 4, 5, 4, 15, 0),
                ConfigEntry.of("configuration.appender.smtpPort", "25", 5, 5, 5, 15, 0));
        List<Comment> comments = Arrays.asList(
                Comment.of("mailports:disable-next-line MP001 internal relay reached only over the site VPN", 3, 5, true),
                Comment.of("mailports:disable-next-line MP011 -->", 6, 5, true));
        ConfigFile xml = ConfigFile.of("src/main/resources/logback.xml", ConfigFormat.XML, entries, 1, comments);
        Finding mp001 = Finding.of(Rules.byId("MP001"), Severity.ERROR, SourceLocation.of(xml.path(), 4, 5),
                "smtpHost", "EMAIL", Collections.singletonList("default"), "connects in cleartext", null);
        List<Reported> out = new ArrayList<>(Collections.singletonList(new Reported(mp001)));
        Suppressions.apply(Suppressions.directives(xml), out, CheckRequest.builder(Paths.get(".")).build());
        assertEquals(2, out.size());
        assertEquals("internal relay reached only over the site VPN", out.get(0).suppressedBy);
        assertEquals("MP901", out.get(1).finding.ruleId());
        assertEquals(6, out.get(1).finding.location().line());
        assertTrue(out.get(1).finding.message().contains("no entry below it"), out.get(1).finding.message());
        assertFalse(out.get(1).accepted());
    }

    @Test
    void parsesOnlyRealDirectives() {
        assertNull(Suppressions.parse("f", Comment.of("mailports:disable-next-lineMP001", 1, 1, true)));
        assertNull(Suppressions.parse("f", Comment.of("see mailports:disable-next-line MP001", 1, 1, true)));
        assertNull(Suppressions.parse("f", Comment.of("mailports:enable MP001", 1, 1, true)));
        Suppressions.Directive d = Suppressions.parse("f", Comment.of("mailports:disable-file MP014,MP012: platform sets them", 1, 1, true));
        assertTrue(d.wholeFile);
        assertEquals(Arrays.asList("MP014", "MP012"), d.ids);
        assertEquals("platform sets them", d.reason);
        Suppressions.Directive v2 = Suppressions.parse("f", Comment.of("mailports:disable-next-line MP002 v2 relay , see", 1, 1, true));
        assertEquals(Collections.singletonList("MP002"), v2.ids);
        assertEquals("v2 relay , see", v2.reason);
    }
}
