package io.github.mailports.extract;

import io.github.mailports.config.ConfigFormat;
import io.github.mailports.model.Encryption;
import io.github.mailports.model.Fix;
import io.github.mailports.model.Fixes;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Syntax;

import static io.github.mailports.model.Fix.set;

/** Fixes for sources whose settings are Jakarta Mail keys under a prefix, in YAML, properties or a Spring XML bean. */
final class JakartaFixes {
    private final String keyPrefix;
    private final String portKey;

    /**
     * @param keyPrefix what precedes {@code mail.<p>.} in this source, e.g. {@code spring.mail.properties.}
     * @param portKey   the key that sets the port in this source
     */
    JakartaFixes(String keyPrefix, String portKey) {
        this.keyPrefix = keyPrefix;
        this.portKey = portKey;
    }

    /** The fixes for an endpoint of this source, whose keys are written in {@code format}. */
    Fixes of(MailEndpoint e, ConfigFormat format) {
        Protocol p = e.protocol().value();
        return Fixes.of(syntax(format), r -> r == Remedy.REMOVE_SOCKET_FACTORY ? removeSocketFactory(e) : fix(r, p));
    }

    /** The syntax of a file format; in XML, a Spring bean's {@code javaMailProperties}. */
    static Syntax syntax(ConfigFormat format) {
        return format == ConfigFormat.XML ? Syntax.SPRING_XML : format == ConfigFormat.YAML ? Syntax.YAML : Syntax.PROPERTIES;
    }

    /** How a remedy is done for a protocol; null for {@link Remedy#REMOVE_SOCKET_FACTORY}, which depends on the endpoint. */
    Fix fix(Remedy remedy, Protocol p) {
        Protocol.Family f = p.family();
        int tlsPort = f.implicitTlsPort();
        int startTlsPort = f == Protocol.Family.SMTP ? 587 : f == Protocol.Family.IMAP ? 143 : 110;
        switch (remedy) {
            case ENCRYPT:
                return Fix.of("set ", set(k(p, "ssl.enable"), "true"), " and connect to " + tlsPort + " (or set ",
                        set(k(p, "starttls.required"), "true"), " on " + startTlsPort + ")");
            case REQUIRE_STARTTLS:
                return Fix.of("set ", set(k(p, "starttls.required"), "true"), " (or use implicit TLS on " + tlsPort + ")");
            case ENABLE_IMPLICIT_TLS:
                return Fix.of("set ", set(k(p, "ssl.enable"), "true"), " (or use port " + startTlsPort + " with ",
                        set(k(p, "starttls.required"), "true"), ")");
            case USE_IMPLICIT_TLS_PORT:
                return Fix.of("set ", set(portKey, String.valueOf(tlsPort)), " (or keep the port, drop implicit TLS and set ",
                        set(k(p, "starttls.required"), "true"), ")");
            case USE_PROTOCOL_PORT:
                return portFix(p, tlsPort, startTlsPort);
            case ENABLE_IDENTITY_CHECK:
                return Fix.of("remove " + k(p, "ssl.checkserveridentity") + " or set it to true");
            case VERIFY_CERTIFICATES:
                return Fix.of("remove " + k(p, "ssl.trust") + " and add the server's CA certificate to the JVM trust store");
            case DISABLE_FALLBACK:
                return Fix.of("set ", set(k(p, "socketFactory.fallback"), "false"),
                        ", or better replace the socket factory with ", set(k(p, "ssl.enable"), "true"));
            case MODERN_TLS_PROTOCOLS:
                return Fix.of("set ", set(k(p, "ssl.protocols"), "TLSv1.3 TLSv1.2"), " (space-separated) or remove it");
            case USE_SUBMISSION_PORT:
                return portFix(p, 465, 587);
            case SET_TIMEOUTS:
                return Fix.of("set ", set(k(p, "connectiontimeout"), "10000"), ", ", set(k(p, "timeout"), "10000"), " and ",
                        set(k(p, "writetimeout"), "10000"), " (milliseconds)");
            case EXTERNALISE_PASSWORD:
                return Fix.of("use a placeholder such as ${MAIL_PASSWORD} and supply the value from the environment or a"
                        + " secret store");
            case PREFER_IMPLICIT_TLS:
                return Fix.of("set ", set(portKey, String.valueOf(tlsPort)), " and ", set(k(p, "ssl.enable"), "true"),
                        ", and remove the STARTTLS settings");
            case REMOVE_STARTTLS:
                return Fix.of("remove the STARTTLS setting: implicit TLS already protects the whole connection");
            default:
                return null;
        }
    }

    /** Removing an SSL socket factory on a STARTTLS port: says which port would stop delivering, and requires STARTTLS. */
    Fix removeSocketFactory(MailEndpoint e) {
        Protocol p = e.protocol().value();
        String remove = "remove " + k(p, "socketFactory.class") + " (with its socketFactory.port and socketFactory.fallback)";
        String why = ": the first connection then upgrades with STARTTLS; do not set socketFactory.fallback=false,"
                + " which stops delivery on " + e.port().value();
        return e.encryption().value() == Encryption.STARTTLS_OPTIONAL
                ? Fix.of(remove + " and set ", set(k(p, "starttls.required"), "true"), why)
                : Fix.of(remove + " and keep the STARTTLS settings" + why);
    }

    /** A port change that names every key to set: the port and the TLS mode that belongs to it. */
    private Fix portFix(Protocol p, int tlsPort, int startTlsPort) {
        if (p.implicitTls()) {
            return Fix.of("set ", set(portKey, String.valueOf(tlsPort)), " (" + p.id() + " speaks implicit TLS)");
        }
        return Fix.of("set ", set(portKey, String.valueOf(tlsPort)), " and ", set(k(p, "ssl.enable"), "true"), " (or ",
                set(portKey, String.valueOf(startTlsPort)), " and ", set(k(p, "starttls.required"), "true"), ")");
    }

    private String k(Protocol p, String suffix) { return keyPrefix + "mail." + p.id() + "." + suffix; }
}
