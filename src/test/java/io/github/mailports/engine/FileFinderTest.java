package io.github.mailports.engine;

import io.github.mailports.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileFinderTest {
    @TempDir
    Path dir;

    private Path write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static List<Glob> globs(String... g) {
        return Glob.list(Arrays.asList(g));
    }

    @Test
    void theWalkNeverEntersAFolderNoIncludeCanMatch() throws Exception {
        write("src/main/resources/application.yml", "a: 1\n");
        for (int i = 0; i < 300; i++) write("docs/d" + (i % 10) + "/page" + i + ".yml", "a: 1\n");
        for (int i = 0; i < 300; i++) write("m1/target/classes/application" + i + ".yml", "a: 1\n");
        FileFinder f = FileFinder.scan(dir, globs("src/main/resources/**/*.yml", "m1/src/main/resources/**/application*.yml"), globs("**/target/**"));
        assertEquals(Collections.singletonList("src/main/resources/application.yml"), f.files);
        // the base, src, main, resources, the file, docs (seen, not entered), m1, m1/target (seen, not entered)
        assertTrue(f.visited <= 10, "visited " + f.visited);
    }

    @Test
    void withoutAPomTheDefaultsFindEveryModuleButNoTestResourcesOrBuildOutput() throws Exception {
        for (String rel : new String[] {"application.yml", "service-a/src/main/resources/application.yml",
                "service-b/config/application.properties", "libs/mail/src/main/resources/mail.properties",
                "service-a/src/test/resources/application.yml", "service-a/build/resources/main/application.yml",
                "service-a/target/classes/application.yml", "web/node_modules/x/config/application.yml",
                ".git/config/application.yml"}) {
            write(rel, "a: 1\n");
        }
        CheckRequest tree = CheckRequest.builder(dir).wholeTree(true).build();
        FileFinder f = FileFinder.scan(dir, tree.includes(), tree.excludes(), tree.skippedPaths());
        assertEquals(Arrays.asList("application.yml", "libs/mail/src/main/resources/mail.properties",
                "service-a/src/main/resources/application.yml", "service-b/config/application.properties"), f.files);
        CheckRequest project = CheckRequest.builder(dir).build();
        assertEquals(Collections.singletonList("application.yml"),
                FileFinder.scan(dir, project.includes(), project.excludes(), project.skippedPaths()).files);
    }

    @Test
    void thePluginNeverReadsItsOwnOutputEvenWithIncludesEverything() throws Exception {
        write("application.yml", "a: 1\n");
        write("mailports-baseline.json", "{}");
        write("reports/mailports-report.json", "{}");
        write("reports/other.json", "{}");
        write("my-baseline.json", "{}");
        write("sub/mailports.sarif", "{}");
        CheckRequest r = CheckRequest.builder(dir).includes(Collections.singletonList("**")).excludes(Collections.<String>emptyList())
                .skip(Arrays.asList(dir.resolve("reports"), dir.resolve("my-baseline.json"))).build();
        FileFinder f = FileFinder.scan(dir, r.includes(), r.excludes(), r.skippedPaths());
        assertEquals(Collections.singletonList("application.yml"), f.files);
    }

    @Test
    void anUnreadableFolderIsReportedNotSkippedSilently() throws Exception {
        write("src/main/resources/application.yml", "a: 1\n");
        Path resources = dir.resolve("src/main/resources");
        Files.setPosixFilePermissions(resources, PosixFilePermissions.fromString("---------"));
        try {
            assumeTrue(!Files.isReadable(resources), "root reads every folder: nothing to test here");
            CheckResult r = Engine.run(CheckRequest.builder(dir).build());
            assertEquals(1, r.findings().size());
            Finding f = r.findings().get(0);
            assertEquals("MP900", f.ruleId());
            assertEquals("src/main/resources", f.location().file());
            assertTrue(f.message().contains("is a folder that cannot be read (AccessDeniedException)"), f.message());
        } finally {
            Files.setPosixFilePermissions(resources, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFileSwappedForALinkAfterTheWalkIsNotRead() throws Exception {
        Path secret = write("outside/secret.properties", "mail.smtp.password=changeme\n");
        Path base = dir.resolve("base");
        write("base/src/main/resources/mail.properties", "mail.smtp.host=smtp.example.com\n");
        FileFinder found = FileFinder.scan(base, globs("**/*.properties"), globs());
        assertEquals(Collections.singletonList("src/main/resources/mail.properties"), found.files);
        assertEquals("mail.smtp.host=smtp.example.com\n",
                new String(FileFinder.read(base, found.files.get(0), 1000).bytes, StandardCharsets.UTF_8));

        // the race: the file becomes a link to a file outside the tree between the walk and the read
        Path file = base.resolve(found.files.get(0));
        Files.delete(file);
        Files.createSymbolicLink(file, secret);
        FileFinder.ChangedFileException e = assertThrows(FileFinder.ChangedFileException.class,
                () -> FileFinder.read(base, found.files.get(0), 1000));
        assertTrue(e.getMessage().startsWith("is a symbolic link now"), e.getMessage());

        // a folder on the way becomes a link
        Path resources = base.resolve("src/main/resources");
        Files.delete(file);
        Files.delete(resources);
        Files.copy(secret, dir.resolve("outside/mail.properties"));
        Files.createSymbolicLink(resources, dir.resolve("outside"));
        assertThrows(FileFinder.ChangedFileException.class, () -> FileFinder.read(base, "src/main/resources/mail.properties", 1000));

        // and through the engine: MP900 naming the file, never its content
        Files.delete(resources);
        Files.createDirectories(resources);
        Files.createSymbolicLink(file, secret);
        CheckResult r = Engine.run(CheckRequest.builder(base).build());
        assertTrue(r.notes().get(0).contains("is a symbolic link and was not followed"), r.notes().toString());
        assertTrue(r.files().isEmpty());
    }

    @Test
    void oneReaderKeepsFoldersOpenAndNeverReadsThroughAFolderSwappedForALink() throws Exception {
        write("outside/b.properties", "mail.smtp.password=changeme\n");
        write("outside/c.properties", "mail.smtp.password=changeme\n");
        write("outside/e.properties", "mail.smtp.password=changeme\n");
        Path base = dir.resolve("base");
        write("base/m/src/main/resources/a.properties", "a=1\n");
        write("base/m/src/main/resources/b.properties", "b=2\n");
        write("base/m/src/main/resources/c.properties", "c=3\n");
        write("base/m/src/main/resources/f.properties", "f=6\n");
        write("base/m/src/main/resources/g.properties", "g=7\n");
        write("base/m/src/main/settings/e.properties", "e=5\n");
        write("base/n/d.properties", "d=4\n");
        try (FileFinder.Reader reader = new FileFinder.Reader(base)) {
            assertEquals("a=1\n", text(reader.read("m/src/main/resources/a.properties", 1000)));
            // the held folder "resources" becomes a link to a folder outside the tree: the next file is still read from
            // the folder the run opened (now "moved"), never from where the link points
            Path resources = base.resolve("m/src/main/resources");
            Path moved = base.resolve("m/src/main/moved");
            Files.move(resources, moved);
            Files.createSymbolicLink(resources, dir.resolve("outside"));
            assertEquals("b=2\n", text(reader.read("m/src/main/resources/b.properties", 1000)));
            // a folder higher up swapped for a link: the same
            Files.move(base.resolve("m"), dir.resolve("m-moved"));
            Files.createSymbolicLink(base.resolve("m"), dir.resolve("outside"));
            assertEquals("c=3\n", text(reader.read("m/src/main/resources/c.properties", 1000)));
            // a file of a held folder swapped for a link is refused, as always
            Path f = dir.resolve("m-moved/src/main/moved/f.properties");
            Files.delete(f);
            Files.createSymbolicLink(f, dir.resolve("outside/c.properties"));
            FileFinder.ChangedFileException link = assertThrows(FileFinder.ChangedFileException.class,
                    () -> reader.read("m/src/main/resources/f.properties", 1000));
            assertTrue(link.getMessage().startsWith("is a symbolic link now"), link.getMessage());
            assertEquals("g=7\n", text(reader.read("m/src/main/resources/g.properties", 1000)));
            // a folder the reader has not opened yet that is a link now: refused, it is opened by name
            Path settings = dir.resolve("m-moved/src/main/settings");
            Files.move(settings, dir.resolve("settings-moved"));
            Files.createSymbolicLink(settings, dir.resolve("outside"));
            FileFinder.ChangedFileException folder = assertThrows(FileFinder.ChangedFileException.class,
                    () -> reader.read("m/src/main/settings/e.properties", 1000));
            assertTrue(folder.getMessage().startsWith("is in a folder that is a symbolic link now"), folder.getMessage());
            assertEquals("d=4\n", text(reader.read("n/d.properties", 1000)));
        }
        // a new reader opens the folders by name: the link at "m" is refused
        try (FileFinder.Reader reader = new FileFinder.Reader(base)) {
            assertThrows(FileFinder.ChangedFileException.class, () -> reader.read("m/src/main/resources/b.properties", 1000));
        }
    }

    @Test
    void theReusedBufferGivesEachFileItsOwnBytesAndATurnedDownFileIsNotCopied() throws Exception {
        Path base = dir.resolve("base");
        StringBuilder big = new StringBuilder();
        while (big.length() < 200_000) big.append("key").append(big.length()).append("=value\n");
        write("base/a/big.properties", big.toString());
        write("base/a/empty.properties", "");
        write("base/a/small.properties", "x=1\n");
        write("base/b/skip.java", "class Skip {}\n");
        write("base/b/keep.java", "import javax.mail.Session;\n");
        try (FileFinder.Reader reader = new FileFinder.Reader(base)) {
            assertEquals(big.toString(), text(reader.read("a/big.properties", 1_000_000)));
            assertEquals("", text(reader.read("a/empty.properties", 1000)));
            FileFinder.Read small = reader.read("a/small.properties", 1000);
            assertEquals("x=1\n", text(small));
            assertEquals(4, small.bytes.length);
            FileFinder.Read tooLarge = reader.read("a/big.properties", 1000);
            assertNull(tooLarge.bytes);
            assertTrue(tooLarge.kept);
            assertEquals(big.length(), tooLarge.size);
            FileFinder.Read skipped = reader.read("b/skip.java", 1000, io.github.mailports.config.JavaReader::mentionsMail);
            assertFalse(skipped.kept);
            assertNull(skipped.bytes);
            assertEquals(14, skipped.size);
            assertEquals("import javax.mail.Session;\n",
                    text(reader.read("b/keep.java", 1000, io.github.mailports.config.JavaReader::mentionsMail)));
            // the small file's bytes were copied out: reading others into the buffer did not change them
            assertEquals("x=1\n", text(small));
        }
    }

    private static String text(FileFinder.Read r) {
        return new String(r.bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aFifoInPlaceOfAFileIsRefusedWithoutWaiting() throws Exception {
        Path base = dir.resolve("base");
        Files.createDirectories(base);
        assumeTrue(new ProcessBuilder("mkfifo", base.resolve("mail.properties").toString()).start().waitFor() == 0, "mkfifo");
        FileFinder.ChangedFileException e = assertThrows(FileFinder.ChangedFileException.class,
                () -> FileFinder.read(base, "mail.properties", 1000));
        assertTrue(e.getMessage().startsWith("is not a regular file now"), e.getMessage());
    }

    @Test
    void aFileLargerThanTheLimitIsNotRead() throws Exception {
        write("big.properties", "a=0123456789\n");
        FileFinder.Read r = FileFinder.read(dir, "big.properties", 5);
        assertNull(r.bytes);
        assertEquals(13, r.size);
    }
}
