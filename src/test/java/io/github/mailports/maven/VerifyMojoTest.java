package io.github.mailports.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.testing.MojoRule;
import org.apache.maven.project.MavenProject;
import org.junit.Rule;
import org.junit.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The Mojo as Maven configures it (plugin descriptor, parameters from the POM), with the testing harness. */
public class VerifyMojoTest {
    @Rule
    public MojoRule rule = new MojoRule();

    private File reports;

    private static String read(File f) throws Exception {
        return new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
    }

    private VerifyMojo mojo(File basedir, String name) throws Exception {
        MavenProject project = rule.readMavenProject(basedir);
        VerifyMojo mojo = (VerifyMojo) rule.lookupConfiguredMojo(project, "verify");
        reports = new File("target/unit-reports/" + name).getAbsoluteFile();
        rule.setVariableValueToObject(mojo, "outputDirectory", reports);
        return mojo;
    }

    @Test
    public void failsOnAnErrorAndWritesTheReport() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo mojo = mojo(basedir, "fails");
        try {
            mojo.execute();
            fail("an MP003 error must fail the build");
        } catch (MojoFailureException expected) {
            assertTrue(expected.getMessage().contains("ERROR"));
        }
        String json = new String(Files.readAllBytes(new File(reports, "mailports-report.json").toPath()),
                StandardCharsets.UTF_8);
        assertTrue(json, json.contains("\"ruleId\": \"MP003\""));
        assertTrue(json, json.contains("\"line\": 4"));
        // the dev profile's cleartext to mailpit is allowed by the POM's allowCleartextHosts
        assertFalse(json, json.contains("\"ruleId\": \"MP001\""));
    }

    @Test
    public void failOnNoneOnlyReports() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo mojo = mojo(basedir, "none");
        rule.setVariableValueToObject(mojo, "failOn", "NONE");
        mojo.execute();
    }

    @Test
    public void rejectsAnUnknownThreshold() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo mojo = mojo(basedir, "bad");
        rule.setVariableValueToObject(mojo, "failOn", "SOMETIMES");
        try {
            mojo.execute();
            fail();
        } catch (MojoExecutionException e) {
            assertEquals("mailports: failOn must be ERROR, WARNING, INFO or NONE, not 'SOMETIMES'", e.getMessage());
        }
    }
    /**
     * The project copied into {@code target/unit-reports/<name>/module}, below a folder of our own holding a
     * {@code .git} folder: the repository root the SARIF uri is relative to is then known whether or not the tests run
     * inside a git checkout (a source archive or a plain copy has no {@code .git}).
     */
    private static File inRepository(String project, String name) throws Exception {
        Path repository = new File("target/unit-reports/" + name).getAbsoluteFile().toPath();
        File module = InProcessBuildsTest.copy(new File("src/test/resources/unit/" + project).toPath(),
                repository.resolve("module"), null);
        Files.createDirectories(repository.resolve(".git"));
        return module;
    }

    @Test
    public void writesEverySelectedFormat() throws Exception {
        File basedir = inRepository("fails-on-error", "all-formats-repository");
        VerifyMojo mojo = mojo(basedir, "all-formats");
        rule.setVariableValueToObject(mojo, "failOn", "NONE");
        rule.setVariableValueToObject(mojo, "formats", Arrays.asList("console,json", "sarif, junit,markdown"));
        mojo.execute();
        for (String name : new String[] {"mailports-report.json", "mailports.sarif", "mailports-junit.xml", "mailports-summary.md"}) {
            assertTrue(name, new File(reports, name).isFile());
        }
        // the SARIF uri is relative to the repository root (the folder holding .git), not to the module
        String sarif = read(new File(reports, "mailports.sarif"));
        assertTrue(sarif, sarif.contains("\"uri\": \"module/src/main/resources/application.yml\""));
    }

    @Test
    public void defaultFormatsAreConsoleJsonAndSarif() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo mojo = mojo(basedir, "default-formats");
        rule.setVariableValueToObject(mojo, "failOn", "NONE");
        mojo.execute();
        assertTrue(new File(reports, "mailports-report.json").isFile());
        assertTrue(new File(reports, "mailports.sarif").isFile());
        assertFalse(new File(reports, "mailports-junit.xml").exists());
        assertFalse(new File(reports, "mailports-summary.md").exists());
    }

    @Test
    public void rejectsAnUnknownFormat() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo mojo = mojo(basedir, "bad-format");
        rule.setVariableValueToObject(mojo, "formats", Collections.singletonList("json,html"));
        try {
            mojo.execute();
            fail();
        } catch (MojoExecutionException e) {
            assertEquals("mailports: unknown report format 'html': use any of console, json, sarif, junit, markdown", e.getMessage());
        }
    }

    @Test
    public void aRuleOverrideOrSkipRulesLetsTheBuildPass() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo lowered = mojo(basedir, "override");
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("MP003", "WARNING");
        rules.put("MP014", "OFF");
        rule.setVariableValueToObject(lowered, "rules", rules);
        lowered.execute();
        String json = read(new File(reports, "mailports-report.json"));
        assertTrue(json, json.contains("\"severity\": \"WARNING\""));
        assertFalse(json, json.contains("MP014"));

        VerifyMojo skipped = mojo(basedir, "skip-rules");
        rule.setVariableValueToObject(skipped, "skipRules", Collections.singletonList("MP003,MP012"));
        skipped.execute();

        VerifyMojo unknown = mojo(basedir, "unknown-rule");
        rule.setVariableValueToObject(unknown, "skipRules", Collections.singletonList("MP3"));
        try {
            unknown.execute();
            fail();
        } catch (MojoExecutionException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("mailports: unknown rule id 'MP3': known ids are MP001"));
        }
    }

    @Test
    public void aRecordedBaselineLetsTheSameFindingsPass() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        File baseline = new File("target/unit-reports/baseline/mailports-baseline.json").getAbsoluteFile();
        Files.deleteIfExists(baseline.toPath());
        MavenProject project = rule.readMavenProject(basedir);
        BaselineMojo record = (BaselineMojo) rule.lookupConfiguredMojo(project, "baseline");
        rule.setVariableValueToObject(record, "baselineFile", baseline);
        record.execute();
        String text = read(baseline);
        assertTrue(text, text.contains("\"ruleId\": \"MP003\""));
        assertTrue(text, text.contains("\"file\": \"src/main/resources/application.yml\""));

        VerifyMojo verify = mojo(basedir, "baselined");
        rule.setVariableValueToObject(verify, "baselineFile", baseline);
        verify.execute(); // the MP003 error is baselined
        String json = read(new File(reports, "mailports-report.json"));
        assertTrue(json, json.contains("\"baselined\": true"));
    }

    @Test
    public void aMalformedBaselineNamesTheFileLineAndColumn() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        File baseline = new File("target/unit-reports/malformed/mailports-baseline.json").getAbsoluteFile();
        baseline.getParentFile().mkdirs();
        Files.write(baseline.toPath(), "{\"version\": 1,\n  \"findings\": [,]}".getBytes(StandardCharsets.UTF_8));
        VerifyMojo mojo = mojo(basedir, "malformed");
        rule.setVariableValueToObject(mojo, "baselineFile", baseline);
        try {
            mojo.execute();
            fail();
        } catch (MojoExecutionException e) {
            // shown relative to the directory Maven was started in (here the working directory of the tests)
            assertEquals("mailports: the baseline file target/unit-reports/malformed/mailports-baseline.json is malformed at line 2, column 16: while parsing"
                    + " a flow node: expected the node content, but found ','; correct it, or record it again with mvn mailports:baseline", e.getMessage());
        }
    }

    @Test
    public void aBaselineThatIsAFolderOrAFifoIsRefusedInWords() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        File folder = new File("target/unit-reports/baseline-folder").getAbsoluteFile();
        folder.mkdirs();
        VerifyMojo mojo = mojo(basedir, "baseline-folder-out");
        rule.setVariableValueToObject(mojo, "baselineFile", folder);
        try {
            mojo.execute();
            fail();
        } catch (MojoExecutionException e) {
            assertEquals("mailports: the baselineFile target/unit-reports/baseline-folder is a folder, not a file: give the"
                    + " path of the baseline file itself", e.getMessage());
        }
        File fifo = new File("target/unit-reports/baseline.fifo").getAbsoluteFile();
        Files.deleteIfExists(fifo.toPath());
        org.junit.Assume.assumeTrue("mkfifo available", new ProcessBuilder("mkfifo", fifo.getPath()).start().waitFor() == 0);
        VerifyMojo second = mojo(basedir, "baseline-fifo-out");
        rule.setVariableValueToObject(second, "baselineFile", fifo);
        try {
            second.execute(); // reading a FIFO would wait forever for a writer
            fail();
        } catch (MojoExecutionException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("mailports: the baselineFile target/unit-reports/baseline.fifo"
                    + " is not a regular file (a FIFO, socket or device)"));
        }
    }

    @Test
    public void anOutputDirectoryThatIsAFileIsNamedAndTheFindingsAreStillPrinted() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo mojo = mojo(basedir, "output-is-file");
        File file = new File("target/unit-reports/output-is-a-file").getAbsoluteFile();
        Files.createDirectories(file.getParentFile().toPath()); // the test may run before any other writes there
        Files.write(file.toPath(), new byte[0]);
        rule.setVariableValueToObject(mojo, "outputDirectory", file);
        try {
            mojo.execute();
            fail();
        } catch (MojoExecutionException e) {
            // the findings were printed first; the build stops on the folder, and says the findings fail it too
            assertEquals("mailports: cannot write the reports: target/unit-reports/output-is-a-file is a file, not a folder;"
                    + " set mailports.outputDirectory to a folder that can be written to; and the findings fail the build:"
                    + " 1 error at or above ERROR in 1 file (MP003 1)", e.getMessage());
        }
        rule.setVariableValueToObject(mojo, "outputDirectory", new File("/dev/null"));
        try {
            mojo.execute();
            fail();
        } catch (MojoExecutionException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("mailports: cannot write the reports: /dev/null is not a folder (a device"));
        }
    }

    @Test
    public void reportsOfFormatsNotWrittenThisRunAreRemoved() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo all = mojo(basedir, "stale");
        rule.setVariableValueToObject(all, "failOn", "NONE");
        rule.setVariableValueToObject(all, "formats", Collections.singletonList("json,sarif,junit,markdown"));
        all.execute();
        assertTrue(new File(reports, "mailports-junit.xml").isFile());
        VerifyMojo json = mojo(basedir, "stale");
        rule.setVariableValueToObject(json, "failOn", "NONE");
        rule.setVariableValueToObject(json, "formats", Collections.singletonList("json"));
        json.execute();
        assertTrue(new File(reports, "mailports-report.json").isFile());
        for (String stale : new String[] {"mailports.sarif", "mailports-junit.xml", "mailports-summary.md"}) {
            assertFalse(stale, new File(reports, stale).exists());
        }
    }

    @Test
    public void mp900CannotBeSwitchedOffAndAnEmptyLevelIsNamed() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo skip = mojo(basedir, "skip-mp900");
        rule.setVariableValueToObject(skip, "skipRules", Collections.singletonList("MP012,mp900"));
        try {
            skip.execute();
            fail();
        } catch (MojoExecutionException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("mailports: MP900 cannot be switched off"));
        }
        VerifyMojo empty = mojo(basedir, "empty-level");
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("MP003", null);
        rule.setVariableValueToObject(empty, "rules", rules);
        try {
            empty.execute();
            fail();
        } catch (MojoExecutionException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("mailports: rule MP003 has no level"));
        }
    }

    /** The lines the Mojo logs, with their level. */
    private static final class RecordingLog extends org.apache.maven.plugin.logging.SystemStreamLog {
        final java.util.List<String> lines = new java.util.ArrayList<>();

        @Override public void error(CharSequence c) { lines.add("ERROR " + c); }
        @Override public void warn(CharSequence c) { lines.add("WARNING " + c); }
        @Override public void info(CharSequence c) { lines.add("INFO " + c); }
    }

    @Test
    public void whatFailsTheBuildIsLoggedAtErrorWithoutTheConsoleFormatAndNothingElseIs() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo mojo = mojo(basedir, "json-only");
        rule.setVariableValueToObject(mojo, "formats", Collections.singletonList("json"));
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        try {
            mojo.execute();
            fail();
        } catch (MojoFailureException e) {
            assertEquals("mailports: 1 error at or above ERROR in 1 file (MP003 1) (see above); fix them, suppress them"
                    + " with a reason, or set failOn", e.getMessage());
        }
        java.util.List<String> findings = new java.util.ArrayList<>();
        for (String l : log.lines) if (l.contains(": [MP")) findings.add(l);
        assertEquals(1, findings.size()); // the MP014 info is left to the reports without the console format
        String f = findings.get(0);
        assertTrue(f, f.startsWith("ERROR src/test/resources/unit/fails-on-error/src/main/resources/application.yml:4:5:"
                + " error: [MP003 implicit-tls-port-without-tls]"));
        assertTrue(f, f.endsWith("\n  see: mvn mailports:rule -Drule=MP003")); // one log call: the finding, its fix, its page
    }

    @Test
    public void aSelectionOfNoFileIsAWarningNamingTheFolderAndTheIncludes() throws Exception {
        File basedir = new File("src/test/resources/unit/fails-on-error").getAbsoluteFile();
        VerifyMojo mojo = mojo(basedir, "nothing-selected");
        rule.setVariableValueToObject(mojo, "includes", Collections.singletonList("deploy/**/*.yml"));
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        assertTrue(log.lines.toString(), log.lines.contains("WARNING mailports: no configuration file was selected in"
                + " src/test/resources/unit/fails-on-error by the includes deploy/**/*.yml, so nothing was checked; if the"
                + " mail settings live elsewhere, set includes (-Dmailports.includes=...) to their paths relative to"
                + " src/test/resources/unit/fails-on-error"));
    }
}
