package io.github.mailports.extract;

import io.github.mailports.config.JavaCode;
import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Fix;
import io.github.mailports.model.Fixes;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Syntax;

/**
 * Fix hints in Java terms: the {@code put} or the setter to change, on the variable the code uses
 * ({@code props.put("mail.smtp.starttls.required", "true")}, {@code email.setSSLCheckServerIdentity(true)},
 * {@code .withTransportStrategy(TransportStrategy.SMTPS)}).
 */
final class JavaFixes {
    private final JavaCode.Api api;
    private final String name;
    private final String portSetter;

    /**
     * @param api        the API the group configures
     * @param name       the variable as written ({@code props}, {@code mailSender}, {@code email})
     * @param portSetter the setter that sets the port ({@code mailSender.setPort}), the {@code connect} that is passed
     *                   it ({@code transport.connect}), or null: a {@code put} of the port key
     */
    JavaFixes(JavaCode.Api api, String name, String portSetter) {
        this.api = api;
        this.name = name;
        this.portSetter = portSetter;
    }

    /** The fixes for an endpoint of this group, written as Java calls ({@link Syntax#JAVA_CALL}). */
    Fixes of(MailEndpoint e) {
        return Fixes.of(Syntax.JAVA_CALL, r -> {
            String text = text(r, e);
            return text == null ? null : Fix.of(text);
        });
    }

    private String text(Remedy remedy, MailEndpoint e) {
        switch (api) {
            case COMMONS_EMAIL:
                return commons(remedy, e);
            case SIMPLE_JAVA_MAIL:
                return simpleJavaMail(remedy, e);
            default:
                return jakarta(remedy, e);
        }
    }

    // ---- Properties and JavaMailSenderImpl: Jakarta Mail keys put into a Properties

    private String jakarta(Remedy remedy, MailEndpoint e) {
        Protocol p = e.protocol().value();
        Protocol.Family f = p.family();
        int tlsPort = f.implicitTlsPort();
        int startTlsPort = f == Protocol.Family.SMTP ? 587 : f == Protocol.Family.IMAP ? 143 : 110;
        switch (remedy) {
            case ENCRYPT:
                return "call " + put(p, "ssl.enable", "true") + " and connect to " + tlsPort + " (or call "
                        + put(p, "starttls.required", "true") + " on " + startTlsPort + ")";
            case REQUIRE_STARTTLS:
                return "call " + put(p, "starttls.required", "true") + " (or use implicit TLS on " + tlsPort + ")";
            case ENABLE_IMPLICIT_TLS:
                return "call " + put(p, "ssl.enable", "true") + " (or use port " + startTlsPort + " with "
                        + put(p, "starttls.required", "true") + ")";
            case USE_IMPLICIT_TLS_PORT:
                return port(p, tlsPort) + " (or keep the port, drop implicit TLS and call "
                        + put(p, "starttls.required", "true") + ")";
            case USE_PROTOCOL_PORT:
                return portFix(p, tlsPort, startTlsPort);
            case USE_SUBMISSION_PORT:
                return portFix(p, 465, 587);
            case ENABLE_IDENTITY_CHECK:
                return "call " + put(p, "ssl.checkserveridentity", "true");
            case VERIFY_CERTIFICATES:
                return "remove the " + map() + ".put of mail." + p.id() + ".ssl.trust and add the server's CA certificate"
                        + " to the JVM trust store";
            case DISABLE_FALLBACK:
                return "call " + put(p, "socketFactory.fallback", "false") + ", or better replace the socket factory with "
                        + put(p, "ssl.enable", "true");
            case MODERN_TLS_PROTOCOLS:
                return "call " + put(p, "ssl.protocols", "TLSv1.3 TLSv1.2") + " (space-separated) or remove it";
            case SET_TIMEOUTS:
                return "call " + put(p, "connectiontimeout", "10000") + ", " + put(p, "timeout", "10000") + " and "
                        + put(p, "writetimeout", "10000") + " (milliseconds)";
            case EXTERNALISE_PASSWORD:
                return PASSWORD;
            case PREFER_IMPLICIT_TLS:
                return port(p, tlsPort) + " and call " + put(p, "ssl.enable", "true") + ", and remove the STARTTLS puts";
            case REMOVE_STARTTLS:
                return "remove the STARTTLS put: implicit TLS already protects the whole connection";
            case REMOVE_SOCKET_FACTORY:
                return "remove the " + map() + ".put of mail." + p.id() + ".socketFactory.class (with socketFactory.port and"
                        + " socketFactory.fallback)" + (e.encryption().value() == Encryption.STARTTLS_OPTIONAL
                        ? " and call " + put(p, "starttls.required", "true") : " and keep the STARTTLS puts")
                        + ": the first connection then upgrades with STARTTLS";
            default:
                return null;
        }
    }

    private String portFix(Protocol p, int tlsPort, int startTlsPort) {
        if (p.implicitTls()) return port(p, tlsPort) + " (" + p.id() + " speaks implicit TLS)";
        return port(p, tlsPort) + " and call " + put(p, "ssl.enable", "true") + " (or " + port(p, startTlsPort)
                + " and call " + put(p, "starttls.required", "true") + ")";
    }

    private String map() {
        return api == JavaCode.Api.SPRING_SENDER ? name + ".getJavaMailProperties()" : name;
    }

    private String put(Protocol p, String suffix, String value) {
        return Syntax.JAVA_CALL.set(map() + ".put", "\"mail." + p.id() + "." + suffix + "\", \"" + value + "\"");
    }

    /** The phrase that sets the port: the setter, the port argument of {@code connect}, or a put of the port key. */
    private String port(Protocol p, int port) {
        if (portSetter == null) return "call " + put(p, "port", String.valueOf(port));
        if (portSetter.endsWith(".connect")) return "pass " + port + " as the port to " + portSetter + "(...)";
        return "call " + Syntax.JAVA_CALL.set(portSetter, String.valueOf(port));
    }

    // ---- Commons Email

    private String commons(Remedy remedy, MailEndpoint e) {
        String n = name + ".";
        switch (remedy) {
            case ENCRYPT:
                return "call " + n + "setSSLOnConnect(true) with " + n + "setSslSmtpPort(\"465\") (or " + n
                        + "setStartTLSRequired(true) with " + n + "setSmtpPort(587)), and " + n + "setSSLCheckServerIdentity(true)";
            case REQUIRE_STARTTLS:
                return "call " + n + "setStartTLSRequired(true) (or " + n + "setSSLOnConnect(true) on 465)";
            case ENABLE_IMPLICIT_TLS:
                return "call " + n + "setSSLOnConnect(true) (or use port 587 with " + n + "setStartTLSRequired(true))";
            case USE_IMPLICIT_TLS_PORT:
            case PREFER_IMPLICIT_TLS:
                return "call " + n + "setSslSmtpPort(\"465\") with " + n + "setSSLOnConnect(true)";
            case USE_PROTOCOL_PORT:
            case USE_SUBMISSION_PORT:
                return "call " + n + "setSSLOnConnect(true) with " + n + "setSslSmtpPort(\"465\") (or " + n
                        + "setSmtpPort(587) with " + n + "setStartTLSRequired(true))";
            case ENABLE_IDENTITY_CHECK:
                return "call " + n + "setSSLCheckServerIdentity(true)";
            case REMOVE_STARTTLS:
                return "remove " + n + "setStartTLSEnabled/setStartTLSRequired: implicit TLS already protects the whole connection";
            case EXTERNALISE_PASSWORD:
                return PASSWORD;
            case SET_TIMEOUTS:
                return "call " + n + "setSocketConnectionTimeout and " + n + "setSocketTimeout with a positive number of milliseconds";
            default:
                return jakartaOnly(remedy, e);
        }
    }

    // ---- Simple Java Mail

    private String simpleJavaMail(Remedy remedy, MailEndpoint e) {
        switch (remedy) {
            case ENCRYPT:
            case REQUIRE_STARTTLS:
                return "call .withTransportStrategy(TransportStrategy.SMTP_TLS) (port 587) or TransportStrategy.SMTPS (port 465)";
            case ENABLE_IMPLICIT_TLS:
            case PREFER_IMPLICIT_TLS:
                return "call .withTransportStrategy(TransportStrategy.SMTPS) (or use port 587 with TransportStrategy.SMTP_TLS)";
            case USE_IMPLICIT_TLS_PORT:
                return "pass port 465 to .withSMTPServer (or keep the port and use TransportStrategy.SMTP_TLS)";
            case USE_PROTOCOL_PORT:
            case USE_SUBMISSION_PORT:
                return "pass port 465 with TransportStrategy.SMTPS (or 587 with TransportStrategy.SMTP_TLS) to .withSMTPServer";
            case ENABLE_IDENTITY_CHECK:
                return "remove .verifyingServerIdentity(false) (the default checks it)";
            case VERIFY_CERTIFICATES:
                return "remove .trustingAllHosts(true) and add the server's CA certificate to the JVM trust store";
            case EXTERNALISE_PASSWORD:
                return PASSWORD;
            default:
                return jakartaOnly(remedy, e);
        }
    }

    /** A remedy only Jakarta Mail keys can apply: set on the session's properties. */
    private static String jakartaOnly(Remedy remedy, MailEndpoint e) {
        return null;
    }

    private static final String PASSWORD = "read the password from the environment or a secret store instead of writing it in the code";
}
