package io.github.mailports.extract;

import io.github.mailports.config.JavaCode;
import io.github.mailports.model.Encryption;
import io.github.mailports.model.Fix;
import io.github.mailports.model.Fixes;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Protocol;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Syntax;

/**
 * Fixes in Java terms: the {@code put} or the setter to change, on the variable the code uses
 * ({@code props.put("mail.smtp.starttls.required", "true")}, {@code email.setSSLCheckServerIdentity(true)},
 * {@code .withTransportStrategy(TransportStrategy.SMTPS)}); each call is a setting rendered by
 * {@link Syntax#JAVA_CALL} (method as key, arguments as value).
 */
final class JavaFixes {
    private static final String PASSWORD = "read the password from the environment or a secret store instead of writing it"
            + " in the code";

    private final JavaCode.Api api;
    private final String name;
    private final String portSetter;
    /** Commons Email with setStartTLSRequired(true) but not setStartTLSEnabled(true): the identity check is never written. */
    private boolean startTlsOnlyRequired;

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

    /** Marks a Commons Email group whose STARTTLS is only required (its identity fix must enable STARTTLS too). */
    JavaFixes startTlsOnlyRequired(boolean on) {
        this.startTlsOnlyRequired = on;
        return this;
    }

    /** The fixes for an endpoint of this group (the protocol and, for one remedy, the encryption are the endpoint's). */
    Fixes of(MailEndpoint e) {
        switch (api) {
            case COMMONS_EMAIL:
                return Fixes.of(Syntax.JAVA_CALL, this::commons);
            case SIMPLE_JAVA_MAIL:
                return Fixes.of(Syntax.JAVA_CALL, JavaFixes::simpleJavaMail);
            default:
                return Fixes.of(Syntax.JAVA_CALL, r -> jakarta(r, e));
        }
    }

    // ---- Properties and JavaMailSenderImpl: Jakarta Mail keys put into a Properties

    private Fix jakarta(Remedy remedy, MailEndpoint e) {
        Protocol p = e.protocol().value();
        Protocol.Family f = p.family();
        int tlsPort = f.implicitTlsPort();
        int startTlsPort = f == Protocol.Family.SMTP ? 587 : f == Protocol.Family.IMAP ? 143 : 110;
        switch (remedy) {
            case ENCRYPT:
                return Fix.of("call ", put(p, "ssl.enable", "true"), " and connect to " + tlsPort + " (or call ",
                        put(p, "starttls.required", "true"), " on " + startTlsPort + ")");
            case REQUIRE_STARTTLS:
                return Fix.of("call ", put(p, "starttls.required", "true"), " (or use implicit TLS on " + tlsPort + ")");
            case ENABLE_IMPLICIT_TLS:
                return Fix.of("call ", put(p, "ssl.enable", "true"), " (or use port " + startTlsPort + " with ",
                        put(p, "starttls.required", "true"), ")");
            case USE_IMPLICIT_TLS_PORT:
                return fix(port(p, tlsPort), " (or keep the port, drop implicit TLS and call ",
                        put(p, "starttls.required", "true"), ")");
            case USE_PROTOCOL_PORT:
                return portFix(p, tlsPort, startTlsPort);
            case USE_SUBMISSION_PORT:
                return portFix(p, 465, 587);
            case ENABLE_IDENTITY_CHECK:
                return Fix.of("call ", put(p, "ssl.checkserveridentity", "true"));
            case VERIFY_CERTIFICATES:
                return Fix.of("remove the " + map() + ".put of mail." + p.id() + ".ssl.trust and add the server's CA"
                        + " certificate to the JVM trust store");
            case DISABLE_FALLBACK:
                return Fix.of("call ", put(p, "socketFactory.fallback", "false"), ", or better replace the socket factory with ",
                        put(p, "ssl.enable", "true"));
            case MODERN_TLS_PROTOCOLS:
                return Fix.of("call ", put(p, "ssl.protocols", "TLSv1.3 TLSv1.2"), " (space-separated) or remove it");
            case SET_TIMEOUTS:
                return Fix.of("call ", put(p, "connectiontimeout", "10000"), ", ", put(p, "timeout", "10000"), " and ",
                        put(p, "writetimeout", "10000"), " (milliseconds)");
            case EXTERNALISE_PASSWORD:
                return Fix.of(PASSWORD);
            case PREFER_IMPLICIT_TLS:
                return fix(port(p, tlsPort), " and call ", put(p, "ssl.enable", "true"), ", and remove the STARTTLS puts");
            case REMOVE_STARTTLS:
                return Fix.of("remove the STARTTLS put: implicit TLS already protects the whole connection");
            case REMOVE_SOCKET_FACTORY: {
                String remove = "remove the " + map() + ".put of mail." + p.id() + ".socketFactory.class (with"
                        + " socketFactory.port and socketFactory.fallback)";
                String why = ": the first connection then upgrades with STARTTLS";
                return e.encryption().value() == Encryption.STARTTLS_OPTIONAL
                        ? Fix.of(remove + " and call ", put(p, "starttls.required", "true"), why)
                        : Fix.of(remove + " and keep the STARTTLS puts" + why);
            }
            default:
                return null;
        }
    }

    private Fix portFix(Protocol p, int tlsPort, int startTlsPort) {
        if (p.implicitTls()) return fix(port(p, tlsPort), " (" + p.id() + " speaks implicit TLS)");
        return fix(port(p, tlsPort), " and call ", put(p, "ssl.enable", "true"), " (or ", port(p, startTlsPort),
                " and call ", put(p, "starttls.required", "true"), ")");
    }

    private String map() {
        return api == JavaCode.Api.SPRING_SENDER ? name + ".getJavaMailProperties()" : name;
    }

    private Fix.Assignment put(Protocol p, String suffix, String value) {
        return Fix.set(map() + ".put", "\"mail." + p.id() + "." + suffix + "\", \"" + value + "\"");
    }

    /** The step that sets the port: the setter, the port argument of {@code connect}, or a put of the port key. */
    private Object[] port(Protocol p, int port) {
        if (portSetter == null) return new Object[] {"call ", put(p, "port", String.valueOf(port))};
        if (portSetter.endsWith(".connect")) return new Object[] {"pass " + port + " as the port to " + portSetter + "(...)"};
        return new Object[] {"call ", Fix.set(portSetter, String.valueOf(port))};
    }

    /** {@link Fix#of} with the steps of {@link #port} spliced in. */
    private static Fix fix(Object... parts) {
        java.util.List<Object> flat = new java.util.ArrayList<>();
        for (Object o : parts) {
            if (o instanceof Object[]) flat.addAll(java.util.Arrays.asList((Object[]) o));
            else flat.add(o);
        }
        return Fix.of(flat.toArray());
    }

    // ---- Commons Email

    private Fix commons(Remedy remedy) {
        switch (remedy) {
            case ENCRYPT:
                return Fix.of("call ", call("setSSLOnConnect", "true"), " with ", call("setSslSmtpPort", "\"465\""), " (or ",
                        call("setStartTLSRequired", "true"), " with ", call("setSmtpPort", "587"), "), and ",
                        call("setSSLCheckServerIdentity", "true"));
            case REQUIRE_STARTTLS:
                return Fix.of("call ", call("setStartTLSRequired", "true"), " (or ", call("setSSLOnConnect", "true"), " on 465)");
            case ENABLE_IMPLICIT_TLS:
                return Fix.of("call ", call("setSSLOnConnect", "true"), " (or use port 587 with ",
                        call("setStartTLSRequired", "true"), ")");
            case USE_IMPLICIT_TLS_PORT:
            case PREFER_IMPLICIT_TLS:
                return Fix.of("call ", call("setSslSmtpPort", "\"465\""), " with ", call("setSSLOnConnect", "true"));
            case USE_PROTOCOL_PORT:
            case USE_SUBMISSION_PORT:
                return Fix.of("call ", call("setSSLOnConnect", "true"), " with ", call("setSslSmtpPort", "\"465\""), " (or ",
                        call("setSmtpPort", "587"), " with ", call("setStartTLSRequired", "true"), ")");
            case ENABLE_IDENTITY_CHECK:
                if (startTlsOnlyRequired) {
                    // Email.getMailSession writes the check only with setSSLOnConnect or setStartTLSEnabled (1.6.0)
                    return Fix.of("call ", call("setStartTLSEnabled", "true"), " and ", call("setSSLCheckServerIdentity", "true"),
                            ": Commons Email writes the check only when STARTTLS is enabled, not when it is only required");
                }
                return Fix.of("call ", call("setSSLCheckServerIdentity", "true"));
            case REMOVE_STARTTLS:
                return Fix.of("remove " + name + ".setStartTLSEnabled/setStartTLSRequired: implicit TLS already protects the"
                        + " whole connection");
            case EXTERNALISE_PASSWORD:
                return Fix.of(PASSWORD);
            case SET_TIMEOUTS:
                return Fix.of("call " + name + ".setSocketConnectionTimeout and " + name + ".setSocketTimeout with a positive"
                        + " number of milliseconds");
            default:
                return null;
        }
    }

    private Fix.Assignment call(String method, String args) { return Fix.set(name + "." + method, args); }

    // ---- Simple Java Mail

    private static Fix simpleJavaMail(Remedy remedy) {
        switch (remedy) {
            case ENCRYPT:
            case REQUIRE_STARTTLS:
                return Fix.of("call ", strategy("SMTP_TLS"), " (port 587) or TransportStrategy.SMTPS (port 465)");
            case ENABLE_IMPLICIT_TLS:
            case PREFER_IMPLICIT_TLS:
                return Fix.of("call ", strategy("SMTPS"), " (or use port 587 with TransportStrategy.SMTP_TLS)");
            case USE_IMPLICIT_TLS_PORT:
                return Fix.of("pass port 465 to .withSMTPServer (or keep the port and use TransportStrategy.SMTP_TLS)");
            case USE_PROTOCOL_PORT:
            case USE_SUBMISSION_PORT:
                return Fix.of("pass port 465 with TransportStrategy.SMTPS (or 587 with TransportStrategy.SMTP_TLS) to"
                        + " .withSMTPServer");
            case ENABLE_IDENTITY_CHECK:
                return Fix.of("remove .verifyingServerIdentity(false) (the default checks it)");
            case VERIFY_CERTIFICATES:
                return Fix.of("remove .trustingAllHosts(true) and add the server's CA certificate to the JVM trust store");
            case EXTERNALISE_PASSWORD:
                return Fix.of(PASSWORD);
            default:
                return null;
        }
    }

    private static Fix.Assignment strategy(String name) {
        return Fix.set(".withTransportStrategy", "TransportStrategy." + name);
    }
}
