package io.github.mailports.engine;

import io.github.mailports.model.LibraryVersions;
import io.github.mailports.model.LibraryVersions.Behaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where versions come from without Maven, which source wins, and what the table makes of them. */
class LibraryVersionSourcesTest {

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parameterEntriesAndAMalformedOne() {
        Map<String, String> m = LibraryVersionSources.parseParameter(
                "com.sun.mail:javax.mail:1.6.2, org.simplejavamail:simple-java-mail:4.2.3");
        assertEquals("1.6.2", m.get("com.sun.mail:javax.mail"));
        assertEquals("4.2.3", m.get("org.simplejavamail:simple-java-mail"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CheckRequest.builder(Path.of(".")).libraries("com.sun.mail:javax.mail"));
        assertTrue(e.getMessage().contains("'com.sun.mail:javax.mail' is not groupId:artifactId:version"), e.getMessage());
    }

    @Test
    void lockfilesAtTheTopAndInModulesCountOnlyTheRuntimeClassPath(@TempDir Path dir) throws Exception {
        write(dir.resolve("gradle.lockfile"), "# comment\ncom.sun.mail:javax.mail:1.6.2=compileClasspath,runtimeClasspath\n"
                + "org.apache.logging.log4j:log4j-core:2.25.3=testRuntimeClasspath\nempty=annotationProcessor\n");
        write(dir.resolve("mailer/gradle.lockfile"), "com.sun.mail:javax.mail:1.6.1=runtimeClasspath\n"
                + "org.eclipse.angus:angus-mail:1.0.0=compileClasspath\n");
        Map<String, String> m = LibraryVersionSources.lockfiles(dir);
        assertEquals("1.6.2", m.get("com.sun.mail:javax.mail"), "the highest of the modules");
        assertEquals("2.25.3", m.get("org.apache.logging.log4j:log4j-core"), "testRuntimeClasspath is a runtime class path too");
        assertNull(m.get("org.eclipse.angus:angus-mail"), "compile class path only: not shipped");
    }

    @Test
    void catalogNotations(@TempDir Path dir) throws Exception {
        Path toml = dir.resolve("gradle/libs.versions.toml");
        write(toml, """
                [versions]
                angus = { strictly = "1.0.0" }
                log4j = "2.25.3"

                [libraries]
                angus = { group = "org.eclipse.angus", name = "angus-mail", version.ref = "angus" }
                log4j-core = { module = "org.apache.logging.log4j:log4j-core", version.ref = "log4j" }
                sjm = "org.simplejavamail:simple-java-mail:4.2.3"
                javamail = { module = "com.sun.mail:javax.mail", version = { require = "1.6.2" } }

                [plugins]
                boot = { id = "org.springframework.boot", version = "3.5.15" }
                """);
        Map<String, String> m = LibraryVersionSources.catalog(toml);
        assertEquals("1.0.0", m.get("org.eclipse.angus:angus-mail"));
        assertEquals("2.25.3", m.get("org.apache.logging.log4j:log4j-core"));
        assertEquals("4.2.3", m.get("org.simplejavamail:simple-java-mail"));
        assertEquals("1.6.2", m.get("com.sun.mail:javax.mail"));
        assertEquals("3.5.15", m.get("org.springframework.boot:spring-boot"));
        LibraryVersions v = LibraryVersions.of(m, "catalog");
        assertTrue(v.holds(Behaviour.SPRING_BOOT_FORCES_IDENTITY_CHECK, "org.springframework.boot:spring-boot-autoconfigure"),
                "the Spring Boot plugin's version is Spring Boot's");
    }

    @Test
    void theParameterWinsOverMavenWhichWinsOverGradle(@TempDir Path dir) throws Exception {
        write(dir.resolve("gradle.lockfile"), "com.sun.mail:javax.mail:1.6.2=runtimeClasspath\n");
        LibraryVersions gradle = LibraryVersionSources.resolve(CheckRequest.builder(dir).build());
        assertEquals("1.6.2", gradle.version("com.sun.mail:javax.mail"));
        assertEquals("gradle.lockfile", gradle.origin());

        LibraryVersions maven = LibraryVersionSources.resolve(CheckRequest.builder(dir)
                .projectLibraries(Map.of("org.eclipse.angus:angus-mail", "2.0.3"), "Maven dependencies").build());
        assertNull(maven.version("com.sun.mail:javax.mail"), "Gradle files are not read when Maven gave versions");

        LibraryVersions both = LibraryVersionSources.resolve(CheckRequest.builder(dir)
                .projectLibraries(Map.of("org.eclipse.angus:angus-mail", "2.0.3"), "Maven dependencies")
                .libraries("org.eclipse.angus:angus-mail:1.0.0").build());
        assertEquals("1.0.0", both.version("org.eclipse.angus:angus-mail"));
        assertEquals("the libraries parameter and Maven dependencies", both.origin());
    }

    @Test
    void theTableDecidesNotTheCaller() {
        assertTrue(LibraryVersions.compare("1.10", "1.6.2") > 0);
        assertTrue(LibraryVersions.compare("2.25.4-rc1", "2.25.4") < 0);
        assertEquals(0, LibraryVersions.compare("5.0.0.Final", "5.0.0"));

        LibraryVersions angus100 = LibraryVersions.of(Map.of("org.eclipse.angus:angus-mail", "1.0.0"), "t");
        assertEquals("Angus Mail 1.0.0 (org.eclipse.angus:angus-mail)", angus100.identityUncheckedImplementation().describe());
        assertNull(LibraryVersions.of(Map.of("org.eclipse.angus:angus-mail", "1.1.0"), "t").identityUncheckedImplementation());
        // two implementations on the class path: only when every one leaves the check off is it reported
        assertNull(LibraryVersions.of(Map.of("com.sun.mail:javax.mail", "1.6.2", "org.eclipse.angus:angus-mail", "2.0.3"), "t")
                .identityUncheckedImplementation());
        assertNull(LibraryVersions.none().identityUncheckedImplementation(), "unknown: the newest is assumed");

        LibraryVersions log4j = LibraryVersions.of(Map.of("org.apache.logging.log4j:log4j-core", "2.25.3"), "t");
        assertTrue(log4j.holds(Behaviour.LOG4J2_VERIFY_HOSTNAME_IGNORED, "org.apache.logging.log4j:log4j-core"));
        assertFalse(LibraryVersions.of(Map.of("org.apache.logging.log4j:log4j-core", "2.25.4"), "t")
                .holds(Behaviour.LOG4J2_VERIFY_HOSTNAME_IGNORED, "org.apache.logging.log4j:log4j-core"));

        String boot = "org.springframework.boot:spring-boot-autoconfigure";
        assertFalse(LibraryVersions.of(Map.of(boot, "3.5.14"), "t").holds(Behaviour.SPRING_BOOT_FORCES_IDENTITY_CHECK, boot));
        assertTrue(LibraryVersions.of(Map.of(boot, "3.5.15"), "t").holds(Behaviour.SPRING_BOOT_FORCES_IDENTITY_CHECK, boot));
        assertFalse(LibraryVersions.of(Map.of(boot, "4.0.6"), "t").holds(Behaviour.SPRING_BOOT_FORCES_IDENTITY_CHECK, boot));
        assertTrue(LibraryVersions.of(Map.of(boot, "4.1.0"), "t").holds(Behaviour.SPRING_BOOT_FORCES_IDENTITY_CHECK, boot));

        String sjm = "org.simplejavamail:simple-java-mail";
        assertTrue(LibraryVersions.of(Map.of(sjm, "4.2.3"), "t").holds(Behaviour.SIMPLE_JAVA_MAIL_4, sjm));
        assertFalse(LibraryVersions.of(Map.of(sjm, "5.0.0"), "t").holds(Behaviour.SIMPLE_JAVA_MAIL_4, sjm));
        assertFalse(LibraryVersions.none().holds(Behaviour.SIMPLE_JAVA_MAIL_4, sjm), "unknown: the newest");

        for (LibraryVersions.Row r : LibraryVersions.TABLE) {
            assertFalse(r.evidence().isBlank(), "every row cites its source: " + r.coordinates());
        }
    }
}
