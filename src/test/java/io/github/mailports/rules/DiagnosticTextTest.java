package io.github.mailports.rules;

import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Library;
import io.github.mailports.model.Diagnostic.Reason;
import io.github.mailports.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words of MP010, MP016 and MP017 come from the diagnostic's data, in one place: every reason has words for
 * every library, a diagnostic never carries a secret, and no extractor writes a sentence of its own.
 */
class DiagnosticTextTest {
    private static final SourceLocation AT = SourceLocation.of("mail.properties", 3, 1);

    private static Diagnostic full(Reason reason, Library library) {
        if (reason == Reason.UNRESOLVED_PLACEHOLDER) {
            return Diagnostic.unresolved(library, "mail.smtp.host", AT, "the host", "%EMAILDOMAIN%").other("SSL");
        }
        Diagnostic d = Diagnostic.of(reason, library, "mail.smtp.port", AT).near("mail.smtp.host").other("spring.mail.host")
                .detail("smtps");
        if (reason == Reason.LITERAL_PLACEHOLDER) d = d.other("simplejavamail.smtp.host");
        if (reason == Reason.OVERWRITTEN_BY_LIBRARY) d = d.detail("timeout");
        boolean valueless = reason == Reason.HOST_WITH_USER_INFO || reason.name().startsWith("URL_");
        return valueless ? d : d.value("abc");
    }

    @Test
    void everyReasonHasWordsForEveryLibrary() {
        for (Reason reason : Reason.values()) {
            for (Library library : Library.values()) {
                Diagnostic d = full(reason, library);
                String message = DiagnosticText.message(d);
                assertFalse(message.isEmpty(), reason + " " + library);
                assertFalse(message.contains("null"), reason + " " + library + ": " + message);
                String fix = DiagnosticText.fix(d);
                assertTrue(fix == null || !fix.contains("null"), reason + " " + library + ": " + fix);
                assertEquals(reason.kind(), d.kind());
            }
        }
    }

    @Test
    void theValueOfAPasswordKeyIsNeverKept() {
        Diagnostic d = Diagnostic.of(Reason.NOT_A_BOOLEAN, Library.JAKARTA_MAIL, "mail.smtp.Password", AT).value("s3cret-Value")
                .detail("false");
        assertNull(d.value());
        assertFalse(DiagnosticText.message(d).contains("s3cret"));
        assertFalse(d.toString().contains("s3cret"));
    }

    @Test
    void aHostWithUserInformationOrAUrlNeverTakesAValue() {
        Diagnostic host = Diagnostic.of(Reason.HOST_WITH_USER_INFO, Library.SPRING_BOOT, "spring.mail.host", AT);
        assertThrows(IllegalArgumentException.class, () -> host.value("user:pw@smtp.example.com"));
        Diagnostic url = Diagnostic.of(Reason.URL_PORT_OUT_OF_RANGE, Library.MAIL_URL, "camel.uri", AT);
        assertThrows(IllegalArgumentException.class, () -> url.value("70000"));
    }

    @Test
    void aPortOutOfRangeReadsTheSameWhicheverLibraryReadsItButLog4jAndThunderbird() {
        String expected = "sets mail.smtp.port to 70000, which is not a port (1 to 65535): the connection fails";
        for (Library library : new Library[] {Library.JAKARTA_MAIL, Library.SPRING_BOOT, Library.QUARKUS,
                Library.SIMPLE_JAVA_MAIL, Library.LOGBACK}) {
            Diagnostic d = Diagnostic.of(Reason.PORT_OUT_OF_RANGE, library, "mail.smtp.port", AT).value("70000").decisive(true);
            assertEquals(expected, DiagnosticText.message(d), library.name());
            assertEquals("set a port between 1 and 65535", DiagnosticText.fix(d), library.name());
        }
    }

    @Test
    void oneKeyDecidingTwoThingsIsOnePart() {
        SourceLocation later = SourceLocation.of("mail.properties", 5, 1);
        List<Diagnostic.Decided> parts = new ArrayList<>();
        parts.add(new Diagnostic.Decided("the host", "mail.smtp.host", AT, "${MAIL_HOST}"));
        parts.add(new Diagnostic.Decided("the port", "mail.smtp.port", later, "${MAIL_PORT}"));
        parts.add(new Diagnostic.Decided("encryption", "mail.smtp.port", later, "${MAIL_PORT}"));
        Diagnostic d = Diagnostic.unresolved(Library.JAKARTA_MAIL, parts);
        assertEquals(AT, d.location());
        assertEquals("decides the host through mail.smtp.host (${MAIL_HOST}) and the port through mail.smtp.port"
                + " (${MAIL_PORT}) and encryption, placeholders with no value: the connection cannot be checked until they"
                + " have one; supply them through the plugin's properties (or give the placeholder a default)",
                DiagnosticText.message(d));
    }

    /** Java code (#12): a value the code computes is no placeholder, and the words say so. */
    @Test
    void aValueTheCodeComputesIsSaidSo() {
        Diagnostic d = Diagnostic.unresolved(Library.JAVA_CODE, "props.put(\"mail.smtp.host\")", AT, "the host",
                "config.getHost()");
        assertEquals("decides the host through props.put(\"mail.smtp.host\") (config.getHost()), a value the code computes"
                + " at run time: the connection cannot be checked from the source alone; the rest of it is judged on what is"
                + " written", DiagnosticText.message(d));
        assertEquals("write the value as a literal or a constant, or check the setting it is read from", DiagnosticText.fix(d));
    }

    /** The sentences of MP010, MP016 and MP017 start so; no string literal in an extractor may. */
    @Test
    void noExtractorWritesASentenceOfTheseRules() throws IOException {
        Pattern sentence = Pattern.compile("\"(sets |decides |holds a |has no <)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Paths.get("src/main/java/io/github/mailports/extract"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = sentence.matcher(lines.get(i));
                    if (m.find()) found.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertTrue(found.isEmpty(), "sentences written in extractors (report a Diagnostic instead): " + found);
    }
}
