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

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The Mojo as Maven configures it (plugin descriptor, parameters from the POM), with the testing harness. */
public class VerifyMojoTest {
    @Rule
    public MojoRule rule = new MojoRule();

    private File reports;

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
}
