package io.github.mailports.hostile;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and broken files end in a clear MP900 (or in nothing, where the file is harmless) within bounded
 * time and memory, and the other files are still checked. A hang is caught by the suite's default timeout
 * ({@code junit-platform.properties}); speed is measured by the benchmark.
 */
class HostileInputTest {
    /** A file that is checked beside every hostile one, to show the others are still read. */
    private static final String GOOD = "spring:\n  mail:\n    host: smtp.example.com\n    port: 465\n";

    @TempDir
    Path dir;

    private CheckResult runWithGoodNeighbour() throws IOException {
        Scan.write(dir, "good/application.yml", GOOD);
        return Scan.run(dir);
    }

    private static void assertNeighbourChecked(CheckResult r) {
        List<Finding> mp003 = Scan.of(r, "MP003");
        assertEquals(1, mp003.size(), "the good file must still be checked: " + r.findings());
        assertEquals("good/application.yml", mp003.get(0).location().file());
    }

    private static Finding onlyParseError(CheckResult r, String file) {
        List<Finding> errors = Scan.of(r, "MP900");
        assertEquals(1, errors.size(), String.valueOf(r.findings()));
        assertEquals(file, errors.get(0).location().file());
        return errors.get(0);
    }

    @Test
    void yamlAliasBombIsRefused() throws IOException {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) y.append(i == 0 ? "" : ",").append('*').append(p);
            y.append("]\n");
        }
        Scan.write(dir, "application.yml", y.toString());
        CheckResult r = runWithGoodNeighbour();
        assertTrue(onlyParseError(r, "application.yml").message().contains("application.yml cannot be parsed"));
        assertNeighbourChecked(r);
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() throws IOException {
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            for (int j = 0; j < i; j++) block.append(' ');
            block.append("k").append(i).append(":\n");
        }
        StringBuilder flow = new StringBuilder("x: ");
        for (int i = 0; i < 50_000; i++) flow.append('[');
        for (int i = 0; i < 50_000; i++) flow.append(']');
        Scan.write(dir, "a/application.yml", block.toString());
        Scan.write(dir, "b/application.yml", flow.append('\n').toString());
        CheckResult r = runWithGoodNeighbour();
        assertNeighbourChecked(r);
        List<Finding> errors = Scan.of(r, "MP900");
        assertEquals(2, errors.size(), String.valueOf(errors));
        assertEquals("a/application.yml", errors.get(0).location().file());
        assertEquals("b/application.yml", errors.get(1).location().file());
    }

    @Test
    void aVeryLongLineIsReadNormally() throws IOException {
        StringBuilder p = new StringBuilder("filler=");
        for (int i = 0; i < 2_000_000; i++) p.append('x');
        p.append("\nmail.smtp.host=smtp.example.com\nmail.smtp.port=465\n");
        Scan.write(dir, "mail.properties", p.toString());
        CheckResult r = Scan.run(dir);
        assertEquals(0, Scan.of(r, "MP900").size());
        assertEquals(3, Scan.of(r, "MP003").get(0).location().line());
    }

    /** A sparse file: hundreds of megabytes on paper, no disk used; refused by size before any read. */
    @Test
    void aHugeFileIsRefusedBySizeWithoutReadingIt() throws IOException {
        Path huge = dir.resolve("application.properties");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(300L * 1024 * 1024);
        }
        CheckResult r = runWithGoodNeighbour();
        Finding e = onlyParseError(r, "application.properties");
        assertTrue(e.message().contains("300 MiB, larger than the 16 MiB"), e.message());
        assertNeighbourChecked(r);
        assertTrue(Engine.MAX_FILE_BYTES < Files.size(huge));
    }

    @Test
    void invalidUtf8InYamlIsAParseErrorWithPosition() throws IOException {
        byte[] head = "spring:\n  mail:\n    host: smtp.ex".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        bytes[head.length + 2] = '\n';
        Scan.write(dir, "application.yml", bytes);
        CheckResult r = runWithGoodNeighbour();
        Finding e = onlyParseError(r, "application.yml");
        assertEquals(3, e.location().line());
        assertEquals(18, e.location().column());
        assertTrue(e.message().contains("not valid UTF-8"), e.message());
    }

    @Test
    void latin1PropertiesAreReadAsPropertyResourceBundleDoes() throws IOException {
        byte[] bytes = "# Kommentar f\u00fcr Mail\nmail.smtp.host=smtp.example.com\nmail.smtp.port=465\n".getBytes(StandardCharsets.ISO_8859_1);
        Scan.write(dir, "mail.properties", bytes);
        CheckResult r = Scan.run(dir);
        assertEquals(0, Scan.of(r, "MP900").size());
        assertEquals(3, Scan.of(r, "MP003").get(0).location().line());
    }

    @Test
    void aByteOrderMarkDoesNotShiftColumns() throws IOException {
        byte[] text = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Scan.write(dir, "application.yml", bytes);
        CheckResult r = Scan.run(dir);
        Finding f = Scan.of(r, "MP003").get(0);
        assertEquals(4, f.location().line());
        assertEquals(5, f.location().column());
    }

    @Test
    void emptyAndCommentOnlyFilesAreReadAndFindNothing() throws IOException {
        Scan.write(dir, "a/application.yml", "");
        Scan.write(dir, "b/application.properties", "");
        Scan.write(dir, "c/application.yml", "# nothing here\n# spring.mail.host: x\n");
        Scan.write(dir, "d/mail.properties", "! only a comment\n\n   \n");
        CheckResult r = Scan.run(dir);
        assertTrue(r.findings().isEmpty(), String.valueOf(r.findings()));
        assertEquals(4, r.files().size());
    }

    @Test
    void aDirectoryWithAConfigurationFileNameIsReported() throws IOException {
        Files.createDirectories(dir.resolve("application.yml"));
        CheckResult r = runWithGoodNeighbour();
        Finding e = onlyParseError(r, "application.yml");
        assertTrue(e.message().contains("is a directory"), e.message());
        assertNeighbourChecked(r);
    }

    @Test
    void symbolicLinkLoopsEndAndLinksAreNotFollowed() throws IOException {
        Path outside = Files.createTempDirectory("mailports-outside");
        try {
            Scan.write(outside, "application.yml", GOOD);
            Files.createDirectories(dir.resolve("loop"));
            Files.createSymbolicLink(dir.resolve("loop/self"), dir.resolve("loop"));
            Files.createSymbolicLink(dir.resolve("loop/up"), dir);
            Files.createSymbolicLink(dir.resolve("application.yml"), outside.resolve("application.yml"));
            CheckResult r = Scan.run(dir);
            assertTrue(r.findings().isEmpty(), "a linked file outside the tree must not be read: " + r.findings());
            assertTrue(r.notes().contains("application.yml is a symbolic link and was not followed"), String.valueOf(r.notes()));
        } finally {
            Files.delete(outside.resolve("application.yml"));
            Files.delete(outside);
        }
    }

    /** A type tag naming a Java class constructs nothing: no class is loaded, no connection is attempted. */
    @Test
    void yamlTypeTagsConstructNothingAndOpenNoConnection() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + trap.getLocalPort() + "/";
            Scan.write(dir, "application.yml", "spring:\n  mail:\n    host: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
                    + " [[!!java.net.URL [\"" + url + "\"]]]]\n");
            Scan.write(dir, "x/application.yml", "spring:\n  mail:\n    host: !!java.net.URL [\"" + url + "\"]\n");
            CheckResult r = runWithGoodNeighbour();
            assertEquals(2, Scan.of(r, "MP900").size(), String.valueOf(r.findings()));
            assertNeighbourChecked(r);
            trap.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, trap::accept, "the YAML must not have opened a connection");
        }
    }

    /** A password on the very line a parse error is reported at never reaches any output. */
    @Test
    void aPasswordOnTheLineOfAParseErrorIsNeverPrinted() throws IOException {
        String secret = "Sup3r-S3cret-Value";
        Scan.write(dir, "a/application.yml", "spring:\n  mail:\n    password: \"" + secret + "\n    host: x\n");
        Scan.write(dir, "b/application.yml", "spring:\n  mail:\n    password: " + secret + ": [\n");
        Scan.write(dir, "c/application.properties", "spring.mail.password=" + secret + "\\u12G4\n");
        Scan.write(dir, "d/application.yml", "spring:\n  mail:\n    password: \"" + secret + "\\q\"\n");
        Scan.write(dir, "e/application.yml", "spring:\n  mail:\n    host: smtp.example.com\n    password: " + secret + "\n");
        Scan.write(dir, "f/logback.xml", "<configuration>\n  <appender name=\"M\" class=\"ch.qos.logback.classic.net.SMTPAppender\">\n"
                + "    <smtpHost>smtp.example.com</smtpHost>\n    <password>" + secret + "</password\n  </appender>\n</configuration>\n");
        Scan.write(dir, "g/logback.xml", "<configuration>\n  <appender name=\"M\" class=\"ch.qos.logback.classic.net.SMTPAppender\">\n"
                + "    <smtpHost>smtp.example.com</smtpHost>\n    <username>u</username>\n    <password>" + secret + "</password>\n"
                + "  </appender>\n</configuration>\n");
        Scan.write(dir, "h/application.properties", "app.mail.url=smtps://user:" + secret + "@smtp.example.com:465\n");
        CheckResult r = runWithGoodNeighbour();
        assertEquals(5, Scan.of(r, "MP900").size(), String.valueOf(r.findings()));
        assertEquals(3, Scan.of(r, "MP015").size(), String.valueOf(r.findings()));
        String out = Scan.allOutput(r);
        assertFalse(out.contains(secret), out);
        assertFalse(out.contains("S3cret"), out);
    }

    @Test
    void theSameInputGivesTheSameReport() throws IOException {
        Scan.write(dir, "src/main/resources/application.yml", GOOD + "    username: shop\n    properties:\n      mail.smtp.starttls.enable: true\n");
        Scan.write(dir, "src/main/resources/application-prod.properties", "spring.mail.port=587\n");
        Scan.write(dir, "src/main/resources/mail.properties", "mail.imap.host=imap.example.com\nmail.imap.port=143\n");
        Scan.write(dir, "src/main/resources/logback.xml", "<configuration>\n  <appender name=\"M\""
                + " class=\"ch.qos.logback.classic.net.SMTPAppender\">\n    <smtpHost>smtp.example.com</smtpHost>\n"
                + "  </appender>\n</configuration>\n");
        String first = Scan.reports(Scan.run(dir));
        for (int i = 0; i < 3; i++) {
            assertEquals(first, Scan.reports(Scan.run(dir)));
        }
    }
}
