package io.github.mailports.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.mailports.testing.Work;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlReaderTest {

    private static ConfigFile read(String text) throws ConfigParseException {
        return XmlReader.read("src/main/resources/logback.xml", text);
    }

    private static ConfigParseException fails(String text) {
        return assertThrows(ConfigParseException.class, () -> read(text));
    }

    private static void assertAt(String what, int line, int column, int actualLine, int actualColumn) {
        assertEquals(line + ":" + column, actualLine + ":" + actualColumn, "position of " + what);
    }

    @Test
    void elementsAttributesAndTextWithPositions() throws Exception {
        ConfigFile f = read("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<configuration>\n"
                + "  <appender name=\"EMAIL\"\n"
                + "\tclass='ch.qos.logback.classic.net.SMTPAppender'>\n"
                + "    <smtpHost>  smtp.example.com </smtpHost>\n"
                + "    <SSL><![CDATA[ true ]]></SSL>\n"
                + "    <empty/>\n"
                + "    <to a=\"1 &amp; 2\" b = 'x'  />\n"
                + "  </appender>\n"
                + "</configuration>\n");
        assertEquals(ConfigFormat.XML, f.format());
        assertTrue(f.entries().isEmpty(), "XML files have no entries");
        XmlElement root = f.xml();
        assertEquals("configuration", root.name());
        assertAt("root", 2, 1, root.line(), root.column());
        XmlElement appender = root.child("appender");
        assertAt("appender", 3, 3, appender.line(), appender.column());
        XmlElement.Attribute name = appender.attribute("name");
        assertEquals("EMAIL", name.value());
        assertAt("name attribute", 3, 13, name.line(), name.column());
        XmlElement.Attribute cls = appender.attribute("class");
        assertEquals("ch.qos.logback.classic.net.SMTPAppender", cls.value());
        assertAt("class attribute after a tab", 4, 2, cls.line(), cls.column());

        XmlElement host = appender.child("smtpHost");
        assertEquals("smtp.example.com", host.text(), "text is trimmed");
        assertAt("smtpHost", 5, 5, host.line(), host.column());
        assertAt("smtpHost text", 5, 17, host.textLine(), host.textColumn());

        XmlElement ssl = appender.child("SSL");
        assertEquals("true", ssl.text());
        assertAt("CDATA text", 6, 20, ssl.textLine(), ssl.textColumn());

        XmlElement empty = appender.child("empty");
        assertEquals("", empty.text());
        assertAt("self-closing element", 7, 5, empty.line(), empty.column());

        XmlElement to = appender.child("to");
        assertEquals("1 & 2", to.attributeValue("a"), "entities decoded");
        assertAt("attribute a", 8, 9, to.attribute("a").line(), to.attribute("a").column());
        assertAt("attribute b with spaces around =", 8, 23, to.attribute("b").line(), to.attribute("b").column());
        assertEquals("x", to.attributeValue("b"));
        assertEquals(4, appender.children().size());
    }

    @Test
    void lineEndingsCrLfAndCr() throws Exception {
        ConfigFile f = read("<a>\r\n  <b>x</b>\r  <c v=\"1\"/>\n</a>");
        XmlElement a = f.xml();
        assertAt("b", 2, 3, a.child("b").line(), a.child("b").column());
        assertAt("c", 3, 3, a.child("c").line(), a.child("c").column());
        assertAt("c@v", 3, 6, a.child("c").attribute("v").line(), a.child("c").attribute("v").column());
    }

    @Test
    void markupLookalikesInsideCdataCommentsAndAttributesDoNotMovePositions() throws Exception {
        ConfigFile f = read("<r>\n"
                + "  <!-- <fake a=\"1\"> -->\n"
                + "  <x><![CDATA[<notAnElement>]]></x>\n"
                + "  <y p=\"a > b\"/>\n"
                + "  <?pi <z/> ?>\n"
                + "  <z/>\n"
                + "</r>");
        XmlElement r = f.xml();
        assertEquals(3, r.children().size());
        assertEquals("<notAnElement>", r.child("x").text());
        assertAt("x", 3, 3, r.child("x").line(), r.child("x").column());
        assertEquals("a > b", r.child("y").attributeValue("p"));
        assertAt("y", 4, 3, r.child("y").line(), r.child("y").column());
        assertAt("z after a processing instruction", 6, 3, r.child("z").line(), r.child("z").column());
    }

    @Test
    void textAfterChildElementsIsFoundWhereItIs() throws Exception {
        ConfigFile f = read("<p name=\"x\">\n  <q/>\n  value\n</p>");
        assertEquals("value", f.xml().text());
        assertAt("text", 3, 3, f.xml().textLine(), f.xml().textColumn());
    }

    @Test
    void commentsAreKeptWithPositionAndOwnLine() throws Exception {
        ConfigFile f = read("<!-- mailports:disable-file MP014 reason -->\n"
                + "<configuration>\n"
                + "  <!--\n     multi-line\n  -->\n"
                + "  <x/> <!--  trailing  -->\n"
                + "</configuration>\n"
                + "<!-- after -->\n");
        List<Comment> comments = f.comments();
        assertEquals(4, comments.size());
        assertEquals("mailports:disable-file MP014 reason", comments.get(0).text());
        assertAt("first comment", 1, 1, comments.get(0).line(), comments.get(0).column());
        assertTrue(comments.get(0).ownLine());
        assertEquals("multi-line", comments.get(1).text());
        assertAt("multi-line comment", 3, 3, comments.get(1).line(), comments.get(1).column());
        assertTrue(comments.get(1).ownLine());
        assertEquals("trailing", comments.get(2).text());
        assertAt("trailing comment", 6, 8, comments.get(2).line(), comments.get(2).column());
        assertFalse(comments.get(2).ownLine());
        assertEquals("after", comments.get(3).text());
    }

    @Test
    void namespacePrefixesAreKeptInNames() throws Exception {
        ConfigFile f = read("<log4j:Configuration xmlns:log4j=\"urn:x\"><log4j:Appenders/></log4j:Configuration>");
        assertEquals("log4j:Configuration", f.xml().name());
        assertEquals("Configuration", f.xml().localName());
        assertEquals("urn:x", f.xml().attributeValue("xmlns:log4j"));
        assertEquals("log4j:Appenders", f.xml().children().get(0).name());
    }

    @Test
    void doctypeWithoutEntitiesIsAcceptedAndPositionsStay() throws Exception {
        // JHipster's logback-spring.xml (jhipster/jhipster-sample-app): Logback's SAX parser allows a DOCTYPE
        ConfigFile f = read("<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE configuration>\n<configuration scan=\"true\">\n"
                + "  <smtpHost>smtp.example.com</smtpHost>\n</configuration>");
        XmlElement root = f.xml();
        assertEquals("configuration", root.name());
        assertAt("root", 4, 1, root.line(), root.column());
        XmlElement host = root.children().get(0);
        assertEquals("smtp.example.com", host.text());
        assertAt("host", 5, 3, host.line(), host.column());
        assertAt("host text", 5, 13, host.textLine(), host.textColumn());
        assertEquals(1, f.comments().size());

        // an internal subset with element declarations, comments and PIs, over several lines, lowercase-free names
        f = read("<!DOCTYPE configuration [\n  <!ELEMENT configuration ANY>\n  <!-- <fake attr=\"x\"> -->\n"
                + "  <?pi <fake> ?>\n  <!NOTATION n SYSTEM \"<fake>\">\n]>\n<configuration><smtpHost>h</smtpHost></configuration>");
        assertAt("root after a subset", 7, 1, f.xml().line(), f.xml().column());
        assertEquals("smtpHost", f.xml().children().get(0).name());
        assertAt("child", 7, 16, f.xml().children().get(0).line(), f.xml().children().get(0).column());
        assertTrue(f.comments().isEmpty(), "comments inside the DOCTYPE are not the file's comments");
    }

    @Test
    void doctypeWithEntitiesOrAttributeDefaultsIsRefused() {
        String[][] cases = {
                {"<!DOCTYPE x [<!ENTITY e \"v\">]><x/>", "entity declarations", "1:14"},
                {"<!DOCTYPE x [\n <!ENTITY % p \"v\">]><x/>", "entity declarations", "2:2"},
                {"<!DOCTYPE x [<!ELEMENT x ANY> %p;]><x/>", "a parameter-entity", "1:31"},
                {"<!DOCTYPE x [<!ELEMENT x %p;>]><x/>", "a parameter-entity", "1:26"},
                {"<!DOCTYPE x [<!ATTLIST x smtpHost CDATA \"evil\">]><x/>", "attribute-list", "1:14"},
        };
        for (String[] c : cases) {
            ConfigParseException e = fails(c[0]);
            assertTrue(e.getMessage().contains("DOCTYPE is not allowed with " + c[1]), e.getMessage());
            assertEquals(c[2], e.line() + ":" + e.column(), c[0]);
            assertFalse(e.getMessage().contains("evil"), "no file content in the message");
        }
        String[] malformed = {"<!DOCTYPE>\n<x/>", "<!DOCTYPE x SYSTEM><x/>", "<!DOCTYPE x [<!ELEMENT x ANY><x/>",
                "<!DOCTYPE x PUBLIC \"p\"><x/>", "<!doctype x><x/>", "<!DOCTYPE x [ junk ]><x/>"};
        for (String doc : malformed) {
            ConfigParseException e = fails(doc);
            assertTrue(e.getMessage().startsWith("malformed XML"), doc + ": " + e.getMessage());
        }
        ConfigParseException twice = fails("<!DOCTYPE x><!DOCTYPE x><x/>");
        assertTrue(twice.getMessage().contains("DOCTYPE"), twice.getMessage());
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.write(secret, "TOP-SECRET-CONTENT".getBytes(StandardCharsets.UTF_8));
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            String url = "http://127.0.0.1:" + server.getLocalPort();
            String[] refused = {
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>",
                    "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]><x>&e;</x>",
                    "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + url + "/e\">]><x>&e;</x>",
                    "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + url + "/p.dtd\"> %p;]><x/>",
                    "<!DOCTYPE x SYSTEM \"" + url + "/x.dtd\"><x>&e;</x>", // an entity the external DTD would declare
            };
            for (String doc : refused) {
                ConfigParseException e = fails(doc);
                assertTrue(e.getMessage().contains("DOCTYPE is not allowed") || e.getMessage().contains("entity"),
                        e.getMessage());
                assertFalse(e.getMessage().contains("root:"), "no file content in the message");
                assertFalse(e.getMessage().contains("TOP-SECRET"), "no file content in the message");
            }
            // accepted, as Logback (resolveEntity answers a space) and Log4j2 (load-external-dtd off) accept them:
            // the external DTD is ignored, never fetched; XInclude (Log4j2 enables it) is an element like any other
            String[] accepted = {
                    "<!DOCTYPE x SYSTEM \"" + url + "/x.dtd\"><x><smtpHost>h</smtpHost></x>",
                    "<!DOCTYPE x PUBLIC \"-//EXAMPLE//DTD X//EN\" '" + url + "/y.dtd'><x><smtpHost>h</smtpHost></x>",
                    "<!DOCTYPE x SYSTEM \"" + secret.toUri() + "\" [<!ELEMENT x ANY>]><x><smtpHost>h</smtpHost></x>",
                    "<x xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + url + "/z.xml\"/>"
                            + "<xi:include href=\"" + secret.toUri() + "\" parse=\"text\"/><smtpHost>h</smtpHost></x>",
            };
            for (String doc : accepted) {
                XmlElement root = read(doc).xml();
                XmlElement last = root.children().get(root.children().size() - 1);
                assertEquals("h", last.text(), doc);
                for (XmlElement child : root.children()) assertFalse(child.text().contains("TOP-SECRET"), doc);
            }
            try (Socket s = server.accept()) {
                throw new AssertionError("the reader opened a network connection to " + s.getRemoteSocketAddress());
            } catch (SocketTimeoutException expected) {
                // nothing connected: no entity, DTD or included file was fetched
            }
        }
    }

    @Test
    void entityReferenceWithoutDeclarationIsAnErrorThatDoesNotQuoteTheFile() {
        ConfigParseException e = fails("<x>\n  <password>&hunter2;</password>\n</x>");
        assertEquals(2, e.line());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            b.append(" <!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) b.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            b.append("\">\n");
        }
        b.append("]>\n<lolz>&lol9;</lolz>\n");
        // refused at the declarations: a few KB, where expanding &lol9; would allocate gigabytes
        ConfigParseException e = Work.atMost("billion laughs", 4L << 20, () -> fails(b.toString())).result;
        assertTrue(e.getMessage().contains("DOCTYPE is not allowed with entity declarations"), e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void malformedXmlHasPositionAndNoQuotedText() {
        ConfigParseException e = fails("<configuration>\n  <appender>\n    <password>s3cr3t-value</passwrd>\n  </appender>\n</configuration>");
        assertEquals(3, e.line());
        assertTrue(e.column() > 1);
        assertTrue(e.getMessage().startsWith("malformed XML: "), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertFalse(e.getMessage().contains("passwrd"), e.getMessage());
        assertFalse(e.getMessage().contains("password"), e.getMessage());

        ConfigParseException unclosed = fails("<a>\n<b>\n");
        assertTrue(unclosed.getMessage().startsWith("malformed XML: "), unclosed.getMessage());

        ConfigParseException twoRoots = fails("<a/>\n<secretRoot/>");
        assertEquals(2, twoRoots.line());
        assertFalse(twoRoots.getMessage().contains("secretRoot"), twoRoots.getMessage());

        ConfigParseException empty = fails("   ");
        assertTrue(empty.getMessage().startsWith("malformed XML") || empty.getMessage().contains("no XML element"));
    }

    @Test
    void deepNestingIsRefused() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < XmlReader.MAX_DEPTH + 5; i++) b.append("<a>");
        for (int i = 0; i < XmlReader.MAX_DEPTH + 5; i++) b.append("</a>");
        ConfigParseException e = Work.atMost("deep nesting", 4L << 20, () -> fails(b.toString())).result;
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void decodingHonoursByteOrderMarksAndTheDeclaration() throws Exception {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("caf\u00e9", XmlReader.read("a.xml", XmlReader.decode(latin1)).xml().text());

        byte[] utf16 = "\uFEFF<a>\u00e9t\u00e9</a>".getBytes(StandardCharsets.UTF_16BE);
        assertEquals("\u00e9t\u00e9", XmlReader.read("a.xml", XmlReader.decode(utf16)).xml().text());

        byte[] bom = ("\uFEFF<a>x</a>").getBytes(StandardCharsets.UTF_8);
        ConfigFile f = XmlReader.read("a.xml", XmlReader.decode(bom));
        assertAt("element after a BOM", 1, 1, f.xml().line(), f.xml().column());

        byte[] bad = {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'};
        ConfigParseException e = assertThrows(ConfigParseException.class, () -> XmlReader.decode(bad));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());

        byte[] unknown = "<?xml version=\"1.0\" encoding=\"X-NOPE-42\"?><a/>".getBytes(StandardCharsets.US_ASCII);
        assertThrows(ConfigParseException.class, () -> XmlReader.decode(unknown));
    }

    @Test
    void configReadersDispatchXmlAndJson() throws Exception {
        ConfigFile xml = ConfigReaders.read("src/main/resources/logback-spring.xml",
                "<configuration><appender name=\"A\"/></configuration>".getBytes(StandardCharsets.UTF_8));
        assertEquals(ConfigFormat.XML, xml.format());
        assertEquals("A", xml.xml().child("appender").attributeValue("name"));

        ConfigFile json = ConfigReaders.read("log4j2.json", ("{\n"
                + "\t\"Configuration\": {\n"
                + "\t\t// a comment Log4j's JSON parser accepts\n"
                + "\t\t\"Appenders\": {\"SMTP\": {\"name\": \"Mail\", \"smtpPort\": 465 /* inline */}}\n"
                + "\t}\n"
                + "}\n").getBytes(StandardCharsets.UTF_8));
        assertNull(json.xml());
        ConfigEntry port = null;
        for (ConfigEntry e : json.entries()) {
            if (e.key().equals("Configuration.Appenders.SMTP.smtpPort")) port = e;
        }
        assertEquals("465", port.value());
        assertAt("JSON key after tabs", 4, 42, port.line(), port.column());
        assertEquals(2, json.comments().size(), "JSON comments are kept for suppression directives");
        assertEquals("a comment Log4j's JSON parser accepts", json.comments().get(0).text());
        assertAt("// comment", 3, 3, json.comments().get(0).line(), json.comments().get(0).column());
        assertTrue(json.comments().get(0).ownLine());
        assertEquals("inline", json.comments().get(1).text());
        assertFalse(json.comments().get(1).ownLine());
    }

    private static String elements(int n) {
        StringBuilder b = new StringBuilder("<r>\n");
        for (int i = 0; i < n; i++) b.append("  <e a=\"").append(i).append("\">t</e>\n");
        return b.append("</r>\n").toString();
    }

    @Test
    void manyElementsAreReadWithLinearWork() {
        String n = elements(50_000);
        String twice = elements(100_000);
        Work.Counted<ConfigFile> small = Work.count(() -> read(n));
        Work.Counted<ConfigFile> large = Work.count(() -> read(twice));
        // about 57 bytes allocated per character at both sizes; doubling the input at most (about) doubles the work
        assertTrue(large.bytes <= 2.5 * small.bytes, small.bytes + " bytes at n, " + large.bytes + " at 2n");
        assertTrue(large.bytes <= 128L * twice.length(), large.bytes + " bytes for " + twice.length() + " characters");
        ConfigFile f = small.result;
        assertEquals(50_000, f.xml().children().size());
        XmlElement last = f.xml().children().get(49_999);
        assertAt("last element", 50_001, 3, last.line(), last.column());
        assertEquals(100_000, large.result.xml().children().size());
    }
}
