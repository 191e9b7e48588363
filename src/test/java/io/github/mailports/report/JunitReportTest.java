package io.github.mailports.report;

import io.github.mailports.engine.CheckResult;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JunitReportTest {
    /** The JDK's parser with DTDs, external entities and XInclude off, as a CI server should read it. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int attr(Element e, String name) {
        return Integer.parseInt(e.getAttribute(name));
    }

    private static Element suite(Document d, String name) {
        NodeList suites = d.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            if (s.getAttribute("name").equals(name)) return s;
        }
        throw new AssertionError("no suite " + name);
    }

    @Test
    void oneSuitePerFileOneCasePerFindingAndFailuresAtTheThreshold() throws Exception {
        CheckResult r = Results.sample();
        Document d = parse(JunitReport.render(r, Severity.WARNING, 1234));
        Element root = d.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("1.234", root.getAttribute("time"));
        assertEquals(2, d.getElementsByTagName("testsuite").getLength());

        Element app = suite(d, "src/main/resources/application.yml");
        int findings = 0;
        int atOrAboveWarning = 0;
        int accepted = 0;
        for (Finding f : r.findings()) {
            if (!f.location().file().equals("src/main/resources/application.yml")) continue;
            findings++;
            if (f.suppressed() || f.baselined()) accepted++;
            else if (f.severity().isAtLeast(Severity.WARNING)) atOrAboveWarning++;
        }
        assertTrue(atOrAboveWarning >= 1 && accepted == 1, r.findings().toString());
        assertEquals(findings, attr(app, "tests"));
        assertEquals(findings, app.getElementsByTagName("testcase").getLength());
        assertEquals(atOrAboveWarning, attr(app, "failures"));
        assertEquals(atOrAboveWarning, app.getElementsByTagName("failure").getLength());
        assertEquals(accepted, attr(app, "skipped"));
        assertEquals(0, attr(app, "errors"));
        Element skipped = (Element) app.getElementsByTagName("skipped").item(0);
        assertEquals("suppressed: the contract test double | listens <plain> on 465", skipped.getAttribute("message"));

        Element clean = suite(d, "src/main/resources/mail.properties");
        assertEquals(1, attr(clean, "tests"));
        assertEquals(0, attr(clean, "failures"));
        assertEquals("no mail findings", ((Element) clean.getElementsByTagName("testcase").item(0)).getAttribute("name"));

        assertEquals(findings + 1, attr(root, "tests"));
        assertEquals(atOrAboveWarning, attr(root, "failures"));
        assertEquals(accepted, attr(root, "skipped"));
    }

    @Test
    void theThresholdDecidesWhatFails() throws Exception {
        CheckResult r = Results.sample();
        int active = r.count(Severity.ERROR) + r.count(Severity.WARNING) + r.count(Severity.INFO);
        assertEquals(active, attr(parse(JunitReport.render(r, Severity.INFO, 0)).getDocumentElement(), "failures"));
        assertEquals(r.count(Severity.ERROR), attr(parse(JunitReport.render(r, Severity.ERROR, 0)).getDocumentElement(), "failures"));
        Document none = parse(JunitReport.render(r, null, 0));
        assertEquals(0, attr(none.getDocumentElement(), "failures"));
        assertTrue(none.getElementsByTagName("system-out").getLength() >= active);
    }

    @Test
    void failureCarriesRuleMessageFixAndPage() throws Exception {
        Document d = parse(JunitReport.render(Results.sample(), Severity.WARNING, 0));
        NodeList failures = d.getElementsByTagName("failure");
        boolean found = false;
        for (int i = 0; i < failures.getLength(); i++) {
            Element f = (Element) failures.item(i);
            if (!f.getAttribute("type").startsWith("MP015")) continue;
            found = true;
            assertEquals("MP015 WARNING", f.getAttribute("type"));
            assertTrue(f.getTextContent().startsWith("src/main/resources/application.yml:5:5: warning: [MP015 hardcoded-password]"),
                    f.getTextContent());
            assertTrue(f.getTextContent().contains("see: docs/rules/MP015.md"));
            Element tc = (Element) f.getParentNode();
            assertEquals("5", tc.getAttribute("line"));
            assertEquals("src/main/resources/application.yml", tc.getAttribute("classname"));
        }
        assertTrue(found);
    }

    @Test
    void testNamesAreUniqueInASuite() throws Exception {
        String yaml = "# mailports:disable-next-line MP002 stale one\n# mailports:disable-next-line MP002 stale two\n"
                + "spring:\n  mail:\n    host: smtp.example.com\n    port: 465\n    properties:\n      mail.smtp.ssl.enable: true\n";
        Document d = parse(JunitReport.render(Results.check("application.yml", yaml), Severity.ERROR, 0));
        NodeList cases = d.getElementsByTagName("testcase");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cases.getLength(); i++) {
            assertTrue(names.add(((Element) cases.item(i)).getAttribute("name")), "duplicate test name");
        }
    }

    @Test
    void escapesMarkupAndShowsControlCharactersAsEscapes() throws Exception {
        assertEquals("a&amp;b&lt;c&gt;&quot;d\\u000a\\u0001\\u202e", JunitReport.attr("a&b<c>\"d\n\u0001\u202e"));
        assertEquals("]]&gt; &lt;x/&gt;", JunitReport.text("]]> <x/>"));
        parse("<a b=\"" + JunitReport.attr("\u0000\u001f<>&\"'") + "\">" + JunitReport.text("\u0000]]>&") + "</a>");
    }

    @Test
    void anEmptyCheckIsAValidReport() throws Exception {
        Document d = parse(JunitReport.render(Results.check(), Severity.ERROR, 0));
        assertEquals("0", d.getDocumentElement().getAttribute("tests"));
    }

    @Test
    void neverWritesASecret() throws Exception {
        assertFalse(JunitReport.render(Results.sample(), Severity.INFO, 0).contains(Results.SECRET));
    }
}
