package io.github.mailports.extract;

import io.github.mailports.config.ConfigFormat;
import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Reason;
import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Origin;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each library's reading of ports and booleans, now written once in {@link Values}: what it takes, what it reads
 * a word it does not know as, and whether that stops the application (a decisive MP016).
 */
class ValuesTest {
    private static final SourceLocation AT = SourceLocation.of("application.properties", 2, 1);

    private static Prop prop(String key, String value) {
        return new Prop(key, AT, value, value, Origin.EXPLICIT, null, ConfigFormat.PROPERTIES);
    }

    private static MailEndpoint.Builder builder() { return MailEndpoint.builder("test", "test", AT); }

    private static List<Diagnostic> diagnostics(MailEndpoint.Builder b) {
        return b.protocol(Setting.defaulted(Protocol.SMTP, AT)).port(Setting.defaulted(25, AT))
                .encryption(Setting.defaulted(Encryption.NONE, AT)).build().diagnostics();
    }

    @Test
    void springTrimsAndTakesHexadecimalJakartaMailDoesNotTrim() {
        MailEndpoint.Builder b = builder();
        assertEquals(Integer.valueOf(31), Values.port(prop("spring.mail.port", " 0X1F "), Values.SPRING_BOOT, b));
        assertTrue(diagnostics(b).isEmpty());

        b = builder();
        assertNull(Values.port(prop("mail.smtp.port", "587 "), Values.JAKARTA_MAIL, b));
        Diagnostic d = diagnostics(b).get(0);
        assertEquals(Reason.NOT_A_NUMBER, d.reason());
        assertEquals("587 ", d.value());
        assertFalse(d.decisive(), "Jakarta Mail ignores a number it cannot read");
    }

    @Test
    void aPortOutOfRangeIsDecisiveAndKeptLog4jTakesZero() {
        MailEndpoint.Builder b = builder();
        assertEquals(Integer.valueOf(70000), Values.port(prop("quarkus.mailer.port", "70000"), Values.QUARKUS, b));
        Diagnostic d = diagnostics(b).get(0);
        assertEquals(Reason.PORT_OUT_OF_RANGE, d.reason());
        assertTrue(d.decisive());

        b = builder();
        assertEquals(Integer.valueOf(0), Values.port(prop("smtpPort", "0"), Values.LOG4J2, b));
        assertTrue(diagnostics(b).isEmpty(), "0 is Log4j's unset port");
    }

    @Test
    void aBooleanWordEachLibraryDoesNotKnow() {
        // Spring Boot: on/yes/1 are true; anything else stops the start
        MailEndpoint.Builder b = builder();
        assertEquals(Boolean.TRUE, Values.bool(prop("spring.mail.ssl.enabled", "ON"), Values.SPRING_BOOT, false, b));
        assertNull(Values.bool(prop("spring.mail.ssl.enabled", "enabled"), Values.SPRING_BOOT, false, b));
        assertTrue(diagnostics(b).get(0).decisive());

        // Quarkus (SmallRye): "si" is true, any other word is silently false
        b = builder();
        assertEquals(Boolean.TRUE, Values.bool(prop("quarkus.mailer.tls", " Si "), Values.QUARKUS, false, b));
        assertEquals(Boolean.FALSE, Values.bool(prop("quarkus.mailer.tls", "enabled"), Values.QUARKUS, false, b));
        assertFalse(diagnostics(b).get(0).decisive());

        // Jakarta Mail: a word that is not the other one is the default, and the diagnostic keeps the default
        b = builder();
        assertEquals(Boolean.TRUE, Values.bool(prop("mail.smtp.ssl.checkserveridentity", "no"), Values.JAKARTA_MAIL, true, b));
        assertEquals(Boolean.FALSE, Values.bool(prop("mail.smtp.starttls.enable", "yes"), Values.JAKARTA_MAIL, false, b));
        List<Diagnostic> ds = diagnostics(b);
        assertEquals("true", ds.get(0).detail());
        assertEquals("false", ds.get(1).detail());

        // Simple Java Mail: yes/no/1/0, no trimming; anything else fails loading
        b = builder();
        assertEquals(Boolean.FALSE, Values.bool(prop("simplejavamail.opportunistic.tls", "No"), Values.SIMPLE_JAVA_MAIL, false, b));
        assertNull(Values.bool(prop("simplejavamail.opportunistic.tls", "true "), Values.SIMPLE_JAVA_MAIL, false, b));
        assertTrue(diagnostics(b).get(0).decisive());
    }

    @Test
    void logbackKeepsTheTextAsWrittenWhenSpringsDefaultSyntaxMangledIt() {
        MailEndpoint.Builder b = builder();
        Prop ssl = new Prop("SSL", AT, "${MAIL_SSL:true}", "MAIL_SSL:true_IS_UNDEFINED", Origin.PLACEHOLDER, null,
                ConfigFormat.XML);
        assertEquals(Boolean.FALSE, Values.bool(ssl, Values.LOGBACK, false, b));
        assertEquals("${MAIL_SSL:true}", diagnostics(b).get(0).other());
    }
}
