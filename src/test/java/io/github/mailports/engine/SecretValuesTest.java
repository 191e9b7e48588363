package io.github.mailports.engine;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigReaders;
import io.github.mailports.model.Secrets;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What counts as a secret of a unit, independent of what the extractors make of the files. */
class SecretValuesTest {
    private static Secrets of(CheckRequest request, String... pathsAndTexts) throws Exception {
        List<ConfigFile> files = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(ConfigReaders.read(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return SecretValues.of(files, request);
    }

    private static Secrets of(String... pathsAndTexts) throws Exception {
        return of(CheckRequest.builder(Paths.get(".")).build(), pathsAndTexts);
    }

    @Test
    void passwordKeysOfEverySourceAndWhatTheyResolveTo() throws Exception {
        Secrets s = of("application.properties", "spring.mail.password=${app.pw}\napp.pw=Alpha1\n"
                        + "mail.smtp.forcepasswordrefresh=true\nquarkus.mailer.key-store-password=Bravo2\n"
                        + "spring.mail.host=user:Charlie3@smtp.example.com\n"
                        + "app.url=imaps://u:Delta4@imap.example.com/INBOX\napp.route=smtp://h:25?username=u&password=Echo5&x=1\n"
                        + "other.password=${MISSING:Foxtrot6}\n",
                "application.yml", "log:\n  smtpPassword: Golf7\n");
        assertEquals("**** **** true **** **** **** **** ****",
                s.redact("Alpha1 Bravo2 true Charlie3 Delta4 Echo5 Foxtrot6 Golf7"));
        assertEquals("****@smtp.example.com", s.redact("user:Charlie3@smtp.example.com"));
        assertEquals("${app.pw} smtp.example.com", s.redact("${app.pw} smtp.example.com"));
    }

    @Test
    void logbackAndLog4j2VariablesAndTreeProperties() throws Exception {
        Secrets s = of("logback.xml", "<configuration><property name=\"pw\" value=\"Hotel8\"/><variable name=\"v\" value=\"x${pw}\"/>"
                        + "<appender><password>${v}</password><smtpHost>${pw}</smtpHost></appender></configuration>",
                "log4j2.xml", "<Configuration><Properties><Property name=\"p\">India9</Property></Properties>"
                        + "<SMTP smtpPassword=\"${env:NOPE:-${sys:p}}\"/></Configuration>",
                "log4j2.json", "{\"configuration\": {\"properties\": {\"property\": [{\"name\": \"q\", \"value\": \"Juliet10\"}]},"
                        + " \"appenders\": {\"SMTP\": {\"smtpPassword\": \"${q}\"}}}}");
        assertEquals("**** **** **** ****", s.redact("Hotel8 xHotel8 India9 Juliet10"));
    }

    @Test
    void suppliedAndMavenValues() throws Exception {
        CheckRequest request = CheckRequest.builder(Paths.get("."))
                .properties(Collections.singletonMap("SMTP_PASSWORD", "Kilo11"))
                .mavenProperties(Collections.singletonMap("mail.pw", "Lima12")).build();
        Secrets s = of(request, "application.properties", "spring.mail.password=@mail.pw@\n");
        assertEquals("**** ****", s.redact("Kilo11 Lima12"));
    }

    /** a=${b}${b}, b=${c}${c}, ...: the whole resolution stops at its budget instead of doubling 30 times. */
    @Test
    void anExponentialVariableChainStops() throws Exception {
        StringBuilder p = new StringBuilder("spring.mail.password=${v0}\n");
        for (int i = 0; i < 30; i++) p.append("v").append(i).append("=${v").append(i + 1).append("}${v").append(i + 1).append("}x\n");
        p.append("v30=Mike13\n");
        Secrets s = of("application.properties", p.toString());
        assertEquals("****", s.redact("Mike13"));
    }

    /** The canonical name (ASCII taken without a lookup) is the plain definition: letters and digits, lower case. */
    @Test
    void theCanonicalNameIsLettersAndDigitsInLowerCase() {
        String chars = "aZ09._-[]%${}:@ \u00e9\u00c9\u0130\u03a3\u0661\ud83d\ude00\u00df";
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder name = new StringBuilder();
            if (n % 3 == 0) name.append("spring");
            for (int i = random.nextInt(12); i > 0; i--) name.append(chars.charAt(random.nextInt(chars.length())));
            StringBuilder plain = new StringBuilder();
            for (char c : name.toString().toCharArray()) {
                if (Character.isLetterOrDigit(c)) plain.append(Character.toLowerCase(c));
            }
            assertEquals(plain.toString(), SecretValues.canonical(name.toString()), name.toString());
        }
    }
}
