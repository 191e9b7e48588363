package io.github.mailports.extract;

import io.github.mailports.config.ConfigFormat;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedies;
import io.github.mailports.model.Remedy;

/** Fix hints for sources whose settings are Jakarta Mail keys under a prefix, in YAML or properties. */
final class JakartaRemedies implements Remedies {
    private final String keyPrefix;
    private final String portKey;
    private final ConfigFormat format;

    /**
     * @param keyPrefix what precedes {@code mail.<p>.} in this source, e.g. {@code spring.mail.properties.}
     * @param portKey   the key that sets the port in this source
     * @param format    the dialect to write the assignment in
     */
    JakartaRemedies(String keyPrefix, String portKey, ConfigFormat format) {
        this.keyPrefix = keyPrefix;
        this.portKey = portKey;
        this.format = format;
    }

    @Override
    public String hint(Remedy remedy, MailEndpoint e) {
        Protocol p = e.protocol().value();
        Protocol.Family f = p.family();
        int tlsPort = f.implicitTlsPort();
        int startTlsPort = f == Protocol.Family.SMTP ? 587 : f == Protocol.Family.IMAP ? 143 : 110;
        switch (remedy) {
            case ENCRYPT:
                return "set " + set(k(p, "ssl.enable"), "true") + " and connect to " + tlsPort + " (or set "
                        + set(k(p, "starttls.required"), "true") + " on " + startTlsPort + ")";
            case REQUIRE_STARTTLS:
                return "set " + set(k(p, "starttls.required"), "true") + " (or use implicit TLS on " + tlsPort + ")";
            case ENABLE_IMPLICIT_TLS:
                return "set " + set(k(p, "ssl.enable"), "true") + " (or use port " + startTlsPort + " with "
                        + set(k(p, "starttls.required"), "true") + ")";
            case USE_IMPLICIT_TLS_PORT:
                return "set " + set(portKey, String.valueOf(tlsPort)) + " (or keep the port, drop implicit TLS and set "
                        + set(k(p, "starttls.required"), "true") + ")";
            case USE_PROTOCOL_PORT:
                return portFix(p, tlsPort, startTlsPort);
            case ENABLE_IDENTITY_CHECK:
                return "remove " + k(p, "ssl.checkserveridentity") + " or set it to true";
            case VERIFY_CERTIFICATES:
                return "remove " + k(p, "ssl.trust") + " and add the server's CA certificate to the JVM trust store";
            case DISABLE_FALLBACK:
                return "set " + set(k(p, "socketFactory.fallback"), "false") + ", or better replace the socket factory with "
                        + set(k(p, "ssl.enable"), "true");
            case MODERN_TLS_PROTOCOLS:
                return "set " + set(k(p, "ssl.protocols"), "TLSv1.3 TLSv1.2") + " (space-separated) or remove it";
            case USE_SUBMISSION_PORT:
                return portFix(p, 465, 587);
            case SET_TIMEOUTS:
                return "set " + set(k(p, "connectiontimeout"), "10000") + ", " + set(k(p, "timeout"), "10000") + " and "
                        + set(k(p, "writetimeout"), "10000") + " (milliseconds)";
            case EXTERNALISE_PASSWORD:
                return "use a placeholder such as ${MAIL_PASSWORD} and supply the value from the environment or a secret store";
            case PREFER_IMPLICIT_TLS:
                return "set " + set(portKey, String.valueOf(tlsPort)) + " and " + set(k(p, "ssl.enable"), "true")
                        + ", and remove the STARTTLS settings";
            case REMOVE_STARTTLS:
                return "remove the STARTTLS setting: implicit TLS already protects the whole connection";
            case REMOVE_SOCKET_FACTORY:
                return "remove " + k(p, "socketFactory.class") + " (with its socketFactory.port and socketFactory.fallback)"
                        + (e.encryption().value() == io.github.mailports.model.Encryption.STARTTLS_OPTIONAL
                        ? " and set " + set(k(p, "starttls.required"), "true") : " and keep the STARTTLS settings")
                        + ": the first connection then upgrades with STARTTLS; do not set socketFactory.fallback=false,"
                        + " which stops delivery on " + e.port().value();
            default:
                return null;
        }
    }

    /** A port change that names every key to set: the port and the TLS mode that belongs to it. */
    private String portFix(Protocol p, int tlsPort, int startTlsPort) {
        if (p.implicitTls()) return "set " + set(portKey, String.valueOf(tlsPort)) + " (" + p.id() + " speaks implicit TLS)";
        return "set " + set(portKey, String.valueOf(tlsPort)) + " and " + set(k(p, "ssl.enable"), "true") + " (or "
                + set(portKey, String.valueOf(startTlsPort)) + " and " + set(k(p, "starttls.required"), "true") + ")";
    }

    private String k(Protocol p, String suffix) { return keyPrefix + "mail." + p.id() + "." + suffix; }

    private String set(String key, String value) {
        if (format == ConfigFormat.XML) {
            return key.startsWith("mail.") ? "<prop key=\"" + key + "\">" + value + "</prop>" : key + "=" + value;
        }
        return format == ConfigFormat.YAML ? key + ": " + value : key + "=" + value;
    }
}
