package io.github.mailports.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaReaderTest {
    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void prefilterFindsMailPackagesAndKeysButNotEmailVariables() {
        assertTrue(JavaReader.mentionsMail(bytes("import javax.mail.Session;")));
        assertTrue(JavaReader.mentionsMail(bytes("import jakarta.mail.*;")));
        assertTrue(JavaReader.mentionsMail(bytes("import org.apache.commons.mail.HtmlEmail;")));
        assertTrue(JavaReader.mentionsMail(bytes("import org.springframework.mail.javamail.JavaMailSenderImpl;")));
        assertTrue(JavaReader.mentionsMail(bytes("import org.simplejavamail.mailer.MailerBuilder;")));
        assertTrue(JavaReader.mentionsMail(bytes("p.put(\"mail.smtp.host\", h);")));
        assertTrue(JavaReader.mentionsMail(bytes("@Value(\"${spring.mail.from}\")")));
        assertFalse(JavaReader.mentionsMail(bytes("String s = user.email.trim(); sendEmail(x); // mail")));
        assertFalse(JavaReader.mentionsMail(bytes("")));
        assertFalse(JavaReader.mentionsMail(bytes("mail.")), "nothing before it: not a package or a key");
    }

    @Test
    void theSkippingSearchAnswersAsAPlainScanOnEveryShape() {
        // a byte at a time, as the definition says: mail. after '.', '"', '{' or "java"
        java.util.Random random = new java.util.Random(12);
        byte[] alphabet = bytes("mail.\"{jvx");
        for (int n = 0; n < 50_000; n++) {
            byte[] b = new byte[random.nextInt(24)];
            for (int i = 0; i < b.length; i++) b[i] = alphabet[random.nextInt(alphabet.length)];
            int length = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            boolean plain = false;
            for (int i = 1; i + 5 <= length && !plain; i++) {
                if (b[i] == 'm' && b[i + 1] == 'a' && b[i + 2] == 'i' && b[i + 3] == 'l' && b[i + 4] == '.') {
                    byte before = b[i - 1];
                    plain = before == '.' || before == '"' || before == '{'
                            || (i >= 4 && b[i - 4] == 'j' && b[i - 3] == 'a' && b[i - 2] == 'v' && b[i - 1] == 'a');
                }
            }
            assertEquals(plain, JavaReader.mentionsMail(b, length), new String(b, 0, length, StandardCharsets.UTF_8));
        }
        // the bytes past the length (a reused buffer's rest) are never looked at
        assertFalse(JavaReader.mentionsMail(bytes("x = 1; javax.mail.Session s;"), 10));
        assertTrue(JavaReader.mentionsMail(bytes("javax.mail.Session s;"), 11));
        assertFalse(JavaReader.mentionsMail(bytes("javax.mail.Session s;"), 10));
    }

    @Test
    void aFileWithoutMailIsNeverParsed() throws Exception {
        // a syntax error that a parse would report: the file is not parsed, so there is nothing to report
        ConfigFile f = JavaReader.read("src/main/java/A.java", bytes("class A { void f( { user.email.trim(); }"));
        assertEquals(ConfigFormat.JAVA, f.format());
        assertTrue(f.java().groups().isEmpty());
        assertTrue(f.entries().isEmpty());
    }

    @Test
    void parseErrorIsANoteUnlessTheFileWritesMailSettings() {
        ConfigParseException note = assertThrows(ConfigParseException.class, () -> JavaReader.read("A.java",
                bytes("import javax.mail.Session;\nclass A { @Value(\"${spring.mail.from}\") String f; void f( }\n")));
        assertTrue(note.isNote());
        assertEquals(2, note.line());
        ConfigParseException error = assertThrows(ConfigParseException.class, () -> JavaReader.read("A.java",
                bytes("import javax.mail.Session;\nclass A { void f() { p.put(\"mail.smtp.port\", \"25\") } }\n")));
        assertFalse(error.isNote());
        assertFalse(error.getMessage().contains("smtp"), "the parser's message, which quotes the source, is not repeated");
    }

    @Test
    void aFileThatOnlyUsesMailClassesIsNotParsed() throws Exception {
        // builds messages, sets up no connection: one regular expression, no parse (a syntax error goes unnoticed)
        ConfigFile f = JavaReader.read("A.java", bytes("import javax.mail.internet.MimeMessage;\nclass A { void f( }\n"));
        assertTrue(f.java().groups().isEmpty());
    }

    @Test
    void aFileOverTheLimitIsNotParsed() {
        StringBuilder b = new StringBuilder("import javax.mail.Session;\nclass A {\n    @Value(\"${spring.mail.from}\") String f;\n");
        while (b.length() <= JavaReader.MAX_PARSE_BYTES) b.append("    int x").append(b.length()).append(";\n");
        b.append("}\n");
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> JavaReader.read("A.java", bytes(b.toString())));
        assertTrue(e.isNote());
        assertTrue(e.getMessage().contains("larger than"));
    }

    @Test
    void deeplyNestedCodeIsReportedNotThrown() {
        StringBuilder b = new StringBuilder("import javax.mail.Session;\nclass A { String k = \"mail.debug\"; Object o = ");
        for (int i = 0; i < 200_000; i++) b.append('(');
        b.append('1');
        for (int i = 0; i < 200_000; i++) b.append(')');
        b.append("; }\n");
        // whatever JavaParser makes of it (a parse error or a stack overflow), the reader reports the file
        try {
            JavaReader.read("A.java", bytes(b.toString()));
        } catch (ConfigParseException expected) {
            assertTrue(expected.isNote());
        }
    }

    @Test
    void groupsConstantsReadsAndComments() throws Exception {
        String src = "package d;\n"
                + "import java.util.Properties;\n"
                + "import javax.mail.Session;\n"
                + "import org.springframework.beans.factory.annotation.Value;\n"
                + "@org.springframework.boot.context.properties.ConfigurationProperties(prefix = \"spring.mail.extra\")\n"
                + "class M {\n"
                + "    static final String PORT = \"5\" + \"87\";\n"
                + "    @Value(\"${spring.mail.from:x}\") String from;\n"
                + "    Session s(String host) {\n"
                + "        Properties props = new Properties();\n"
                + "        // mailports:disable-next-line MP002 reason\n"
                + "        props.put(\"mail.smtp.port\", PORT);\n"
                + "        props.setProperty(\"mail.smtp.host\", host);\n"
                + "        props.put(\"unrelated\", \"x\");\n"
                + "        return Session.getInstance(props);\n"
                + "    }\n"
                + "}\n";
        ConfigFile f = JavaReader.read("M.java", bytes(src));
        JavaCode code = f.java();
        assertEquals("587", code.constants().get("PORT"));
        assertEquals("587", code.constants().get("M.PORT"));
        assertEquals(1, code.groups().size());
        JavaCode.Group g = code.groups().get(0);
        assertEquals(JavaCode.Api.PROPERTIES, g.api());
        assertEquals("javax:Properties", g.type());
        assertEquals(15, g.sessionLine());
        List<JavaCode.Call> calls = g.calls();
        assertEquals(2, calls.size(), "the put of a key that is no mail key is left out");
        assertEquals("587", calls.get(0).args().get(1).literal());
        assertEquals(12, calls.get(0).line());
        assertEquals(15, calls.get(0).column());
        assertNull(calls.get(1).args().get(1).literal(), "a parameter is unknown, never guessed");
        assertEquals("host", calls.get(1).args().get(1).code());
        assertEquals(2, code.reads().size());
        assertTrue(code.reads().get(0).key().equals("spring.mail.from") || code.reads().get(1).key().equals("spring.mail.from"));
        boolean prefix = false;
        for (JavaCode.Read r : code.reads()) prefix |= r.isPrefix() && r.key().equals("spring.mail.extra");
        assertTrue(prefix);
        assertEquals(1, f.comments().size());
        assertEquals("mailports:disable-next-line MP002 reason", f.comments().get(0).text());
        assertTrue(f.comments().get(0).ownLine());
    }

    @Test
    void aBuilderChainIsReadFromItsFirstCallWhateverEndsIt() throws Exception {
        String src = "import org.simplejavamail.mailer.MailerBuilder;\n"
                + "class C { Object m(String h) { return MailerBuilder.withSMTPServer(h, 25)\n"
                + "    .withDebugLogging(true).withTransportStrategy(TransportStrategy.SMTPS).async(); } }\n";
        JavaCode code = JavaReader.read("C.java", bytes(src)).java();
        assertEquals(1, code.groups().size());
        List<JavaCode.Call> calls = code.groups().get(0).calls();
        assertEquals(2, calls.size(), "the calls Simple Java Mail settings come from, not withDebugLogging or async");
        assertEquals("withTransportStrategy", calls.get(1).method());
        assertEquals("SMTPS", calls.get(1).args().get(0).literal());
        assertEquals(3, calls.get(1).line());
    }

    @Test
    void literalPasswordsAreKnownAsSecrets() throws Exception {
        String src = "import org.springframework.mail.javamail.JavaMailSenderImpl;\n"
                + "class C { JavaMailSenderImpl s() { JavaMailSenderImpl m = new JavaMailSenderImpl();\n"
                + "  m.setPassword(\"changeme-123\"); m.setHost(\"h\"); return m; } }\n";
        JavaCode code = JavaReader.read("C.java", bytes(src)).java();
        assertEquals(1, code.passwords().size());
        assertEquals("changeme-123", code.passwords().get(0));
    }
}
