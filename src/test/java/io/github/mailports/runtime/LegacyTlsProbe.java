package io.github.mailports.runtime;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.Security;

/**
 * Runs in a JVM of its own (started by {@link LegacyTlsProtocolRuntimeTruthTest}) whose
 * {@code jdk.tls.disabledAlgorithms} no longer lists TLSv1 and TLSv1.1, as on a JDK before 8u291/11.0.11 or
 * one whose owner re-enabled them: a TLS server restricted to the given versions on loopback, and the
 * Spring Boot configuration file's session connecting to it. Prints one {@code RESULT} line. Bounded by the
 * session's timeouts; the parent kills it after 30 s in any case.
 */
public final class LegacyTlsProbe {
    private LegacyTlsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Paths.get(args[0]);
        String[] serverProtocols = args[1].split(" ");
        System.out.println("DISABLED " + Security.getProperty("jdk.tls.disabledAlgorithms"));
        try (MiniSmtpServer server = MiniSmtpServer.implicitTls(TestPki.Identity.LOCALHOST, serverProtocols)) {
            try {
                FrameworkSession.closeQuietly(FrameworkSession.springBoot(config).trustingTestCa().connectTransport(server.port()));
                MiniSmtpServer.Conn conn = server.connections().get(0);
                System.out.println("RESULT connected " + conn.tlsProtocol + " auth-over-tls=" + conn.authOverTls);
            } catch (Exception e) {
                System.out.println("RESULT failed " + Wire.chain(e).replace('\n', ' '));
            }
        }
        System.exit(0);
    }
}
