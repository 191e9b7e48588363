package io.github.mailports.runtime;

import io.github.mailports.rules.Finding;
import io.github.mailports.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * MP009 legacy-tls-protocol: "enables TLSv1 ...: these versions are deprecated (RFC 8996) and have known
 * attacks". Angus hands {@code ssl.protocols} to {@code SSLSocket.setEnabledProtocols} as it is. What follows
 * depends on the JDK: current JDKs list TLSv1 and TLSv1.1 in {@code jdk.tls.disabledAlgorithms}, so the
 * handshake cannot start at all; a JDK without that entry (before 8u291 / 11.0.11, or re-enabled by its
 * owner) really speaks TLS 1.0. Both are shown: this JVM as it is, and a child JVM with TLSv1 re-enabled.
 */
class LegacyTlsProtocolRuntimeTruthTest {
    static String config(String protocols) {
        return """
                spring:
                  mail:
                    host: smtp.example.com
                    port: 465
                    username: app@example.com
                    password: mp009-pw-Hv7
                    properties:
                      mail.smtp.ssl.enable: true
                      mail.smtp.ssl.protocols: %s
                """.formatted(protocols);
    }

    static boolean jdkDisablesTlsV1() {
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        return disabled != null && Arrays.stream(disabled.split(",")).map(String::trim).anyMatch("TLSv1"::equals);
    }

    @Test
    void mp009_tlsV1OnlyOnThisJdk(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config("TLSv1"));
        Finding f = check.the("MP009");
        assertEquals(Severity.ERROR, f.severity());

        try (MiniSmtpServer server = MiniSmtpServer.implicitTls(TestPki.Identity.LOCALHOST, "TLSv1")) {
            FrameworkSession fs = check.springBoot().trustingTestCa();
            if (jdkDisablesTlsV1()) {
                // This JDK refuses TLSv1 itself: the configured list leaves nothing to offer, so every
                // connection fails before the first byte; no TLS 1.0 session is possible.
                Throwable failure = Wire.fails(() -> fs.connectTransport(server.port()));
                assertTrue(Wire.chain(failure).contains("No appropriate protocol"), Wire.chain(failure));
            } else {
                FrameworkSession.closeQuietly(fs.connectTransport(server.port()));
                assertEquals("TLSv1", server.connections().get(0).tlsProtocol);
            }
        }
    }

    @Test
    void mp009_tlsV1IsSpokenWhereTheJdkAllowsIt(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config("TLSv1"));
        check.the("MP009");
        String result = probe(dir, check.file(), "TLSv1");
        assertTrue(result.startsWith("RESULT connected TLSv1 "), result);
    }

    @Test
    void mp009_modernProtocolsRefuseATlsV1OnlyServerEvenWhereTheJdkAllowsIt(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config("TLSv1.3 TLSv1.2")).without("MP009");
        String result = probe(dir, check.file(), "TLSv1");
        assertTrue(result.startsWith("RESULT failed "), result);
        assertTrue(result.contains("SSLHandshakeException"), result);
    }

    @Test
    void mp009_modernProtocolsConnectWithTls13(@TempDir Path dir) throws Exception {
        Check check = Check.of(dir, "application.yml", config("TLSv1.3 TLSv1.2")).without("MP009");
        try (MiniSmtpServer server = MiniSmtpServer.implicitTls(TestPki.Identity.LOCALHOST)) {
            FrameworkSession.closeQuietly(check.springBoot().trustingTestCa().connectTransport(server.port()));
            assertEquals("TLSv1.3", server.connections().get(0).tlsProtocol);
        }
    }

    /** Runs {@link LegacyTlsProbe} in a child JVM whose disabled TLS algorithms no longer include TLSv1/TLSv1.1. */
    private static String probe(Path dir, Path config, String serverProtocols) throws IOException, InterruptedException {
        String current = Security.getProperty("jdk.tls.disabledAlgorithms");
        List<String> kept = Arrays.stream(current == null ? new String[0] : current.split(","))
                .map(String::trim).filter(s -> !s.equals("TLSv1") && !s.equals("TLSv1.1") && !s.isEmpty())
                .collect(Collectors.toList());
        Path security = dir.resolve("legacy-tls.security");
        Files.write(security, ("jdk.tls.disabledAlgorithms=" + String.join(", ", kept) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Djava.security.properties=" + security,
                "-cp", classpath, LegacyTlsProbe.class.getName(), config.toString(), serverProtocols));
        Path out = dir.resolve("probe.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("the probe JVM did not finish in 30 s: " + Files.readString(out));
        }
        String text = Files.readString(out);
        assertTrue(text.contains("DISABLED ") && !text.lines().filter(l -> l.startsWith("DISABLED "))
                .anyMatch(l -> Arrays.stream(l.substring(9).split(",")).map(String::trim).anyMatch("TLSv1"::equals)),
                "the child JVM has TLSv1 enabled: " + text);
        return text.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseGet(() -> fail("no RESULT: " + text));
    }
}
