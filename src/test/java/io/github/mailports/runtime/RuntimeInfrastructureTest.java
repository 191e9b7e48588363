package io.github.mailports.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime-truth helpers themselves: the stripping rewrite, the wire decoder, the certificates, the mapping. */
class RuntimeInfrastructureTest {
    @Test
    void stripsAStartTlsOfferOnTheLastLine() {
        assertEquals(List.of("250-localhost", "250 AUTH PLAIN LOGIN"),
                RecordingProxy.stripStartTls(List.of("250-localhost", "250-AUTH PLAIN LOGIN", "250 STARTTLS")));
    }

    @Test
    void stripsAStartTlsOfferInTheMiddle() {
        assertEquals(List.of("250-localhost", "250 SIZE 100"),
                RecordingProxy.stripStartTls(List.of("250-localhost", "250-starttls", "250 SIZE 100")));
    }

    @Test
    void leavesOtherRepliesAlone() {
        assertEquals(List.of("250-localhost", "250 8BITMIME"),
                RecordingProxy.stripStartTls(List.of("250-localhost", "250 8BITMIME")));
    }

    @Test
    void decodesCleartextAuthInEveryForm() {
        String plainInline = "AUTH PLAIN " + b64("\0u1\0p1");
        String plainNext = "AUTH PLAIN\r\n" + b64("\0u2\0p2");
        String loginNext = "AUTH LOGIN\r\n" + b64("u3") + "\r\n" + b64("p3");
        String loginInline = "AUTH LOGIN " + b64("u4") + "\r\n" + b64("p4");
        List<RecordingProxy.Credentials> c = RecordingProxy.cleartextSmtpCredentials(
                "EHLO x\r\n" + plainInline + "\r\n" + plainNext + "\r\n" + loginNext + "\r\n" + loginInline + "\r\nQUIT\r\n");
        assertEquals(List.of(new RecordingProxy.Credentials("PLAIN", "u1", "p1"),
                new RecordingProxy.Credentials("PLAIN", "u2", "p2"),
                new RecordingProxy.Credentials("LOGIN", "u3", "p3"),
                new RecordingProxy.Credentials("LOGIN", "u4", "p4")), c);
    }

    @Test
    void certificatesNameWhatTheTestsNeed() throws Exception {
        TestPki pki = TestPki.get();
        X509Certificate local = pki.certificate(TestPki.Identity.LOCALHOST);
        X509Certificate other = pki.certificate(TestPki.Identity.OTHER_HOST);
        X509Certificate self = pki.certificate(TestPki.Identity.SELF_SIGNED);
        assertTrue(local.getSubjectAlternativeNames().toString().contains("localhost"));
        assertTrue(local.getSubjectAlternativeNames().toString().contains("127.0.0.1"));
        assertFalse(other.getSubjectAlternativeNames().toString().contains("localhost"));
        local.verify(pki.ca().getPublicKey());
        other.verify(pki.ca().getPublicKey());
        self.verify(self.getPublicKey());
        assertEquals(self.getSubjectX500Principal(), self.getIssuerX500Principal());
    }

    @Test
    void springBootMappingCopiesPropertiesAndMapsSslEnabled(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("application.yml");
        Files.write(yml, """
                spring:
                  mail:
                    host: smtp.example.com
                    port: 2525
                    protocol: smtps
                    username: ""
                    password: ""
                    ssl:
                      enabled: on
                    smtps:
                      auth: true
                    properties:
                      "[mail.smtps.connectiontimeout]": 5000
                      mail:
                        smtps:
                          starttls:
                            enable: true
                """.getBytes(StandardCharsets.UTF_8));
        FrameworkSession fs = FrameworkSession.springBoot(yml);
        Properties p = fs.frameworkProperties();
        assertEquals("smtps", fs.protocol());
        assertEquals(2525, fs.configuredPort());
        assertNull(fs.username(), "an empty username is null");
        assertNull(fs.password());
        assertEquals("true", p.getProperty("mail.smtps.ssl.enable"));
        assertEquals("5000", p.getProperty("mail.smtps.connectiontimeout"));
        assertEquals("true", p.getProperty("mail.smtps.starttls.enable"));
        assertFalse(p.containsKey("mail.smtps.auth"), "spring.mail.smtps.auth is no Boot key");
        assertEquals("5000", fs.sessionProperties(1234).getProperty("mail.smtps.connectiontimeout"), "the file's timeout wins");
        assertEquals("3000", fs.sessionProperties(1234).getProperty("mail.smtps.timeout"));
    }

    @Test
    void propertiesMappingUnwrapsBracketKeys(@TempDir Path dir) throws Exception {
        Path props = dir.resolve("application.properties");
        Files.write(props, """
                spring.mail.host=smtp.example.com
                spring.mail.properties[mail.smtp.starttls.required]=true
                spring.mail.properties.mail.smtp.socketFactory.port=465
                """.getBytes(StandardCharsets.ISO_8859_1));
        FrameworkSession fs = FrameworkSession.springBoot(props);
        assertEquals("smtp", fs.protocol());
        assertEquals("true", fs.frameworkProperties().getProperty("mail.smtp.starttls.required"));
        assertEquals("4321", fs.sessionProperties(4321).getProperty("mail.smtp.socketFactory.port"), "redirected");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
