package io.github.mailports.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FixesTest {
    private static final Fix TIMEOUT = Fix.of("set ", Fix.set("mail.smtp.timeout", "10000"), " and ",
            Fix.set("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2"), " (milliseconds)");

    @Test
    void eachSyntaxSpellsTheSettingsAndKeepsTheProse() {
        assertEquals("set mail.smtp.timeout=10000 and mail.smtp.ssl.protocols=TLSv1.3 TLSv1.2 (milliseconds)",
                TIMEOUT.render(Syntax.PROPERTIES));
        assertEquals("set mail.smtp.timeout: 10000 and mail.smtp.ssl.protocols: TLSv1.3 TLSv1.2 (milliseconds)",
                TIMEOUT.render(Syntax.YAML));
        assertEquals("set mail.smtp.timeout = 10000 and mail.smtp.ssl.protocols = TLSv1.3 TLSv1.2 (milliseconds)",
                TIMEOUT.render(Syntax.SPACED_PROPERTIES));
        assertEquals("set mail.smtp.timeout=\"10000\" and mail.smtp.ssl.protocols=\"TLSv1.3 TLSv1.2\" (milliseconds)",
                TIMEOUT.render(Syntax.XML_ATTRIBUTE));
        assertEquals("set <mail.smtp.timeout>10000</mail.smtp.timeout> and"
                + " <mail.smtp.ssl.protocols>TLSv1.3 TLSv1.2</mail.smtp.ssl.protocols> (milliseconds)", TIMEOUT.render(Syntax.XML_ELEMENT));
        assertEquals("set \"mail.smtp.timeout\": \"10000\" and \"mail.smtp.ssl.protocols\": \"TLSv1.3 TLSv1.2\" (milliseconds)",
                TIMEOUT.render(Syntax.JSON));
        assertEquals("set mail.smtp.timeout=10000 and mail.smtp.ssl.protocols=TLSv1.3%20TLSv1.2 (milliseconds)",
                TIMEOUT.render(Syntax.URL_QUERY));
    }

    @Test
    void aSpringXmlBeanWritesJakartaMailKeysAsPropsAndItsOwnPropertiesAsAssignments() {
        Fix f = Fix.of("set ", Fix.set("spring.mail.port", "465"), " and ", Fix.set("mail.smtp.ssl.enable", "true"));
        assertEquals("set spring.mail.port=465 and <prop key=\"mail.smtp.ssl.enable\">true</prop>", f.render(Syntax.SPRING_XML));
    }

    @Test
    void theTableIsFilledOnceForEveryRemedyAndKeepsOnlyTheFixesGiven() {
        List<Remedy> asked = new ArrayList<>();
        Fixes fixes = Fixes.of(Syntax.YAML, r -> {
            asked.add(r);
            return r == Remedy.SET_TIMEOUTS ? TIMEOUT : null;
        });
        assertEquals(Arrays.asList(Remedy.values()), asked);
        assertEquals("set mail.smtp.timeout: 10000 and mail.smtp.ssl.protocols: TLSv1.3 TLSv1.2 (milliseconds)",
                fixes.text(Remedy.SET_TIMEOUTS));
        assertNull(fixes.text(Remedy.ENCRYPT));
        assertEquals(Arrays.asList(Remedy.values()).size(), asked.size()); // not asked again when rendered
        for (Remedy r : Remedy.values()) assertNull(Fixes.NONE.text(r));
    }

    @Test
    void anEndpointWithoutFixesOffersNone() {
        SourceLocation at = SourceLocation.of("a.properties", 1, 1);
        MailEndpoint e = MailEndpoint.builder("mail.smtp", "jakarta-mail", at).protocol(Setting.defaulted(Protocol.SMTP, at))
                .port(Setting.defaulted(25, at)).encryption(Setting.defaulted(Encryption.NONE, at)).build();
        assertNull(e.fixes().text(Remedy.ENCRYPT));
    }

    @Test
    void aPartIsProseOrASetting() {
        assertThrows(IllegalArgumentException.class, () -> Fix.of("connect to ", 465));
    }
}
