package io.github.mailports.rules;

import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.Diagnostic.Decided;
import io.github.mailports.model.Diagnostic.Library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of MP010, MP016 and MP017: one sentence (after the endpoint's name) and one fix per {@link Diagnostic.Reason},
 * worded by the library whose reading the diagnostic describes where the libraries really differ.
 */
final class DiagnosticText {
    private static final String PORT_RANGE_FIX = "set a port between 1 and 65535";
    private static final String SJM_FILE = "simplejavamail.properties";
    private static final String SJM = "simplejavamail.";
    private static final String SJM_EXTRA = "simplejavamail.extraproperties.";

    private DiagnosticText() {
    }

    /** The sentence after the endpoint's name: "sets ... which ...", "decides ...". */
    static String message(Diagnostic d) {
        String k = d.key();
        Library lib = d.library();
        switch (d.reason()) {
            case PORT_OUT_OF_RANGE:
                if (lib == Library.THUNDERBIRD) {
                    return "sets <port> to " + quoted(d) + ", which is not a port (1 to 65535): Thunderbird drops the server";
                }
                if (lib == Library.LOG4J2) {
                    return "sets " + k + " to " + d.value() + ", which is not a port (0 to 65535): Log4j's @ValidPort check"
                            + " fails and the appender is not created";
                }
                return "sets " + k + " to " + d.value() + ", which is not a port (1 to 65535): the connection fails";
            case NOT_A_NUMBER:
                switch (lib) {
                    case SPRING_BOOT:
                        return setsTo(d, ", which is not a number: Spring Boot fails to start (it cannot"
                                + " bind the port)");
                    case QUARKUS:
                        return setsTo(d, ", which is not a number: Quarkus fails to start (the port is"
                                + " an int)");
                    case LOGBACK:
                        return setsTo(d, logbackSyntax(d) + ", which is not a number: Logback ignores it"
                                + " with a warning and connects to port 25");
                    case LOG4J2:
                        return setsTo(d, ", which is not a number: Log4j warns and uses the protocol's"
                                + " default port");
                    case SIMPLE_JAVA_MAIL:
                        return setsTo(d, ", which is not an integer"
                                + (untrimmed(d) ? " (white space is not trimmed)" : "") + ": loading the configuration fails");
                    default:
                        return setsTo(d, ", which is not a number Jakarta Mail can read"
                                + (untrimmed(d) ? " (it does not trim white space)" : "") + ": the value is silently ignored");
                }
            case NOT_A_BOOLEAN:
                switch (lib) {
                    case JAKARTA_MAIL:
                        return setsTo(d, ", which is not true or false"
                                + (untrimmed(d) ? " (Jakarta Mail does not trim white space)" : "")
                                + ": Jakarta Mail silently reads it as " + d.detail());
                    case SPRING_BOOT:
                        return setsTo(d, ", which is not a boolean: Spring Boot fails to start");
                    case QUARKUS:
                        return setsTo(d, ", which is not true or false: Quarkus silently reads it as false");
                    case SIMPLE_JAVA_MAIL:
                        return setsTo(d, ", which is not a boolean Simple Java Mail accepts (true, false,"
                                + " yes, no, 1, 0): loading the configuration fails");
                    case LOGBACK:
                        return setsTo(d, logbackSyntax(d) + ", which is not true or false: Logback"
                                + " ignores it with a warning and " + k + " stays off");
                    default:
                        return setsTo(d, ", which is not true or false: Log4j reads it as false");
                }
            case HOST_WITH_USER_INFO:
                if (lib == Library.JAKARTA_MAIL) {
                    return "sets " + k + " to a value that holds user information (user:password@ or a URL), which is no host"
                            + " name: the connection fails with UnknownHostException, and the password in it reaches every"
                            + " log that shows the host";
                }
                if (lib == Library.THUNDERBIRD) {
                    return "sets <hostname> to a value with user information before an '@' (value not shown): Thunderbird"
                            + " refuses it as a host name and drops the server";
                }
                return "sets " + k + " to a value with user information before an '@' (value not shown): the whole text is"
                        + " taken as a host name, the name lookup fails and no mail is sent";
            case UNKNOWN_PROTOCOL:
                switch (lib) {
                    case SPRING_BOOT:
                        return setsTo(d, ", which is no Jakarta Mail transport: sending fails with"
                                + " NoSuchProviderException");
                    case JAVA_CODE: // sender.setProtocol("smtpx")
                        return "sets " + k + "(\"" + d.value() + "\"), which is no Jakarta Mail transport: sending fails with"
                                + " NoSuchProviderException";
                    case LOG4J2:
                        return setsTo(d, ", which is no Jakarta Mail transport (the names are smtp and"
                                + " smtps, in lower case): sending fails with NoSuchProviderException");
                    default:
                        return setsTo(d, ", which is no Jakarta Mail provider: getting the transport or"
                                + " store fails with NoSuchProviderException");
                }
            case UNKNOWN_STARTTLS_MODE:
                return setsTo(d, ", which is not DISABLED, OPTIONAL or REQUIRED: the mailer fails to"
                        + " start (StartTLSOptions.valueOf throws)");
            case UNKNOWN_LOGIN_MODE:
                return setsTo(d, ", which is not NONE, DISABLED, REQUIRED or XOAUTH2: the mailer fails"
                        + " to start (LoginOption.valueOf throws)");
            case UNKNOWN_TRANSPORT_STRATEGY:
                return setsTo(d, ", which is not a transport strategy "
                        + (d.detail() != null ? "of Simple Java Mail " + d.detail() + " " : "")
                        + "(names are exact and case-sensitive: " + (d.detail() != null ? "SMTP_PLAIN, SMTP_SSL, SMTP_TLS"
                        : "SMTP, SMTPS, SMTP_TLS, SMTP_OAUTH2") + "): loading the configuration fails"
                        + (d.near() == null ? "" : "; did you mean " + d.near() + "?"));
            case COMMA_SEPARATED_LIST:
                return "sets " + k + " to a comma-separated list, but Jakarta Mail splits it on white space only: the whole"
                        + " text is taken as one unknown " + d.detail() + " name and the TLS handshake fails";
            case UNDEFINED_VARIABLE_HOST:
                return "sets " + k + " to '" + d.detail() + "': Logback's default separator is ':-', so it looks up a variable"
                        + " whose name includes the intended default, finds none and connects to the host '" + d.value()
                        + "': sending fails";
            case LITERAL_PLACEHOLDER: {
                String tail = d.other().substring(SJM.length());
                String consequence = tail.equals("smtp.host") ? "the host name lookup of that text fails and no mail is sent"
                        : tail.equals("defaults.trustedhosts") ? "the list names no real host"
                        : tail.equals("custom.sslfactory.class") ? "no class has that name and building the mailer fails"
                        : "loading the configuration fails";
                return "sets " + k + " to a ${...} placeholder, which Simple Java Mail reads literally (it resolves no"
                        + " placeholders in " + SJM_FILE + "): " + consequence;
            }
            case KEY_REFUSED:
                return "sets " + k + ", which Simple Java Mail does not know: it refuses the whole " + SJM_FILE + " and loading"
                        + " the configuration fails" + didYouMean(d);
            case FOREIGN_KEY_REFUSED:
                return "sets " + k + " in " + SJM_FILE + ", but Simple Java Mail refuses a file with a key it does not know:"
                        + " loading the configuration fails" + (d.near() == null ? "" : " (Jakarta Mail properties go under "
                        + SJM_EXTRA + ")");
            case KEY_OF_LATER_VERSION:
                return "sets " + k + " in " + SJM_FILE + ", a key Simple Java Mail " + d.detail() + " does not know (it came"
                        + " with a later version): loading the configuration fails with 'unknown properties provided'";
            case URL_HOST_EMPTY:
            case URL_HOST_INVALID:
                return "holds a " + d.detail() + " URL whose host part is " + (d.reason() == Diagnostic.Reason.URL_HOST_EMPTY
                        ? "empty" : "not a host name") + ": creating the endpoint fails";
            case URL_PORT_NOT_A_NUMBER:
                return "holds a " + d.detail() + " URL whose port is not a number: creating the endpoint fails";
            case URL_PORT_OUT_OF_RANGE:
                return "holds a " + d.detail() + " URL whose port is not a port (1 to 65535): the connection fails";
            case MISSING_ELEMENT:
                return "has no <" + k + ">: Thunderbird drops the server";
            case TYPE_NOT_EXACT:
                return "sets type=\"" + d.value() + "\", which Thunderbird does not accept (it compares exactly: " + d.near()
                        + "): the server is dropped";
            case UNKNOWN_SOCKET_TYPE:
                return "sets <socketType> to " + quoted(d) + ", which Thunderbird does not know (the values are plain, SSL and"
                        + " STARTTLS, compared exactly): " + (d.decisive() ? "the server is dropped" : "the value is skipped");

            case UNKNOWN_KEY:
                switch (lib) {
                    case JAKARTA_MAIL:
                        return "sets " + k + ", which Jakarta Mail never reads"
                                + (d.near() == null ? "" : ": did you mean " + d.near() + " (" + d.detail() + ")?");
                    case SPRING_BOOT:
                        return "sets " + k + ", which Spring Boot does not have, so nothing reads it" + didYouMean(d);
                    case QUARKUS:
                        return "sets " + k + ", which the Quarkus mailer does not have, so nothing reads it (Quarkus only logs"
                                + " \"Unrecognized configuration key\")" + didYouMean(d);
                    default:
                        return "sets " + k + ", which Simple Java Mail does not have, so nothing reads it" + didYouMean(d);
                }
            case NOT_UNDER_PROPERTIES:
                return "sets " + k + ", which Spring Boot does not have, so nothing reads it: Jakarta Mail settings go under"
                        + " spring.mail.properties, did you mean " + d.near() + "?";
            case MISSING_MAIL_PREFIX:
                return "sets " + k + ", but Jakarta Mail reads only keys that start with mail.: did you mean " + d.near() + "?";
            case KEY_WITHOUT_PROTOCOL:
                return "sets " + k + ", which Jakarta Mail never reads: its keys name the protocol, did you mean " + d.near()
                        + " (" + d.detail() + ")?";
            case SIBLING_PROTOCOL_KEY:
                return "sets " + k + ", but the protocol is " + d.detail() + ", so Jakarta Mail reads only mail." + d.detail()
                        + ".* keys and never this one";
            case MIS_CASED_ELEMENT:
                if (lib == Library.THUNDERBIRD) {
                    return "sets <" + k + ">, which Thunderbird never reads: it matches element names exactly, so this is not <"
                            + d.near() + ">";
                }
                return "sets <" + k + ">, which Logback never reads: Joran matches element names case-sensitively and the SMTP"
                        + " appender has no property '" + d.detail() + "' (Logback 1.3+ logs a warning and ignores it), "
                        + logbackEffect(d.near()) + ": did you mean <" + d.near() + ">?";
            case CONNECT_ARGUMENT_WINS:
                return "sets " + k + ", which is never read: " + d.other() + " is passed to connect() and wins";
            case TRANSPORT_DECIDED_ELSEWHERE:
                return "sets " + k + ", which Spring Boot never uses: spring.mail.protocol (default smtp) always decides the"
                        + " transport";
            case URL_PARAMETER_OVERRIDDEN:
                return "sets " + d.detail() + " in the URL's query, which is never read: the URL's own " + d.other()
                        + " is passed to connect() and wins";
            case OVERWRITTEN_BY_LIBRARY: {
                String suffix = d.detail();
                String by = isTimeout(suffix) ? SJM + "defaults.sessiontimeoutmillis (default 60000 ms)"
                        : suffix.equals("ssl.trust") ? SJM + "defaults.trustallhosts and defaults.trustedhosts"
                        : SJM + "defaults.verifyserveridentity (default true)";
                return "sets " + k + ", which Simple Java Mail overwrites when it builds the session, from " + by;
            }
            case TRUST_IGNORED_WITH_FACTORY:
                return "sets " + k + ", which Jakarta Mail ignores for STARTTLS because an SSL socket factory is configured";
            case PORT_REPLACED_BY_SSL_PORT:
                // commons-email 1.6.0 Email.getMailSession: with isSSLOnConnect() mail.smtp.port = sslSmtpPort
                return "sets " + k + ", which Commons Email never uses with setSSLOnConnect(true): it connects to the SSL port "
                        + d.other() + " (setSslSmtpPort)";
            case IGNORED_FOR_TLS_CONFIGURATION:
                return "sets " + k + ", which Quarkus ignores because " + d.other() + " is set: TLS and trust come from that"
                        + " named TLS configuration";
            case SSL_WITHOUT_SMTPS:
                return "sets " + d.detail() + ", an Ssl configuration that Log4j applies only when smtpProtocol is exactly"
                        + " smtps: with smtp it is ignored and the connection is not encrypted";

            case UNRESOLVED_PLACEHOLDER:
                return unresolved(d);
            case SETTINGS_FROM_CODE:
                return "may get further settings from " + d.detail() + " at run time: " + d.other() + " left to the"
                        + " library's default cannot be checked from the source; the settings written here are judged as written";
            default:
                throw new IllegalStateException("no words for " + d.reason());
        }
    }

    /** The fix, or null when there is none to offer. */
    static String fix(Diagnostic d) {
        Library lib = d.library();
        switch (d.reason()) {
            case PORT_OUT_OF_RANGE:
                return PORT_RANGE_FIX;
            case NOT_A_NUMBER:
                switch (lib) {
                    case LOGBACK:
                        return d.other() != null ? logbackFix(d.other()) : "write the port as a plain decimal number";
                    case LOG4J2:
                        return "write the port as a plain decimal number";
                    case SPRING_BOOT:
                    case QUARKUS:
                        return PORT_RANGE_FIX;
                    default:
                        return "write a plain decimal number";
                }
            case NOT_A_BOOLEAN:
                switch (lib) {
                    case JAKARTA_MAIL:
                        return "set it to " + ("true".equals(d.detail()) ? "false" : "true") + " or " + d.detail();
                    case LOGBACK:
                        return d.other() != null ? logbackFix(d.other()) : "write true or false";
                    case LOG4J2:
                        return "write true";
                    default:
                        return "set it to true or false";
                }
            case HOST_WITH_USER_INFO:
                switch (lib) {
                    case JAKARTA_MAIL:
                        return "set only the host name there, and the user name and password in their own keys (from a secret"
                                + " store)";
                    case THUNDERBIRD:
                        return "write the host name alone in <hostname>; the user name goes in <username>";
                    case LOGBACK:
                        return "set <" + d.key() + "> to the host name alone and give the login through <" + d.near()
                                + "> and <" + d.other() + ">";
                    default:
                        return "set " + d.key() + " to the host name alone and give the login through " + d.near() + " and "
                                + d.other();
                }
            case UNKNOWN_PROTOCOL:
                switch (lib) {
                    case SPRING_BOOT:
                        return "use smtp or smtps (lower case)";
                    case LOG4J2:
                        return "use smtps (or smtp)";
                    case JAVA_CODE:
                        return "use \"smtp\" or \"smtps\"";
                    default:
                        return "use one of smtp, smtps, imap, imaps, pop3, pop3s (lower case)";
                }
            case UNKNOWN_STARTTLS_MODE:
                return "set it to REQUIRED (or DISABLED, OPTIONAL)";
            case UNKNOWN_LOGIN_MODE:
                return "set it to NONE, DISABLED, REQUIRED or XOAUTH2";
            case UNKNOWN_TRANSPORT_STRATEGY:
                return d.near() != null ? "set it to " + d.near() : d.detail() != null ? "use SMTP_SSL" : "use SMTPS (or SMTP_TLS)";
            case COMMA_SEPARATED_LIST:
                return "separate the names with spaces, e.g. TLSv1.3 TLSv1.2";
            case UNDEFINED_VARIABLE_HOST:
                return logbackFix(d.detail());
            case LITERAL_PLACEHOLDER: {
                String key = d.other();
                String env = key.replace('.', '_').toUpperCase(Locale.ROOT);
                return "remove the line and supply the value through the environment variable " + env + " (or -D" + key
                        + "), which overrides the file; with the Spring module, keys in Spring's Environment (application"
                        + " properties, or this file added with @PropertySource) are resolved by Spring";
            }
            case KEY_REFUSED:
            case FOREIGN_KEY_REFUSED:
                return d.near() == null ? "remove it" : "rename it to " + d.near();
            case KEY_OF_LATER_VERSION:
                return "remove it, or upgrade Simple Java Mail";
            case URL_HOST_EMPTY:
            case URL_HOST_INVALID:
            case URL_PORT_NOT_A_NUMBER:
                return "write the URL as " + d.detail() + "://host:port";
            case URL_PORT_OUT_OF_RANGE:
                return "use a port between 1 and 65535";
            case MISSING_ELEMENT:
                return d.key().equals("port") ? "add <port>" + d.detail() + "</port>"
                        : d.key().equals("socketType") ? "add <socketType>SSL</socketType>" : "add <" + d.key() + ">";
            case TYPE_NOT_EXACT:
                return "write type=\"" + d.near() + "\"";
            case UNKNOWN_SOCKET_TYPE: {
                String t = d.value();
                return t.equalsIgnoreCase("ssl") || t.equalsIgnoreCase("tls") ? "write SSL"
                        : t.equalsIgnoreCase("starttls") ? "write STARTTLS" : t.equalsIgnoreCase("plain") ? "write plain"
                        : "use SSL (implicit TLS) or STARTTLS";
            }

            case UNKNOWN_KEY:
                if (d.near() == null) return lib == Library.JAKARTA_MAIL ? "remove " + d.key() : null;
                return "rename it to " + d.near();
            case NOT_UNDER_PROPERTIES:
            case MISSING_MAIL_PREFIX:
            case KEY_WITHOUT_PROTOCOL:
            case SIBLING_PROTOCOL_KEY:
                return "rename it to " + d.near();
            case MIS_CASED_ELEMENT:
                return "rename it to <" + d.near() + ">";
            case CONNECT_ARGUMENT_WINS:
                return "remove it and keep " + d.other();
            case TRANSPORT_DECIDED_ELSEWHERE:
                return "set spring.mail.protocol instead";
            case URL_PARAMETER_OVERRIDDEN:
                return "remove the parameter and keep the " + d.other() + " in the URL";
            case OVERWRITTEN_BY_LIBRARY: {
                String suffix = d.detail();
                return isTimeout(suffix) ? "remove it and set " + SJM + "defaults.sessiontimeoutmillis instead"
                        : suffix.equals("ssl.trust") ? "remove it (and rather add the server's CA to the trust store than list"
                        + " trusted hosts)" : "remove it";
            }
            case TRUST_IGNORED_WITH_FACTORY:
                return null;
            case PORT_REPLACED_BY_SSL_PORT:
                return "remove it, or set the port with setSslSmtpPort";
            case IGNORED_FOR_TLS_CONFIGURATION:
                return "remove it and configure quarkus.tls." + d.detail() + ".* instead";
            case SSL_WITHOUT_SMTPS:
                return "set smtpProtocol to smtps (port 465), or remove " + d.detail();

            case UNRESOLVED_PLACEHOLDER:
                return lib == Library.JAVA_CODE ? "write the value as a literal or a constant, or check the setting it is read"
                        + " from" : null;
            case SETTINGS_FROM_CODE:
                return "write the settings where the session is made, or check which settings " + d.detail() + " adds";
            default:
                return null;
        }
    }

    /**
     * MP017. Jakarta Mail sessions name every placeholder that decides the connection in one sentence (in Java code:
     * every value the code computes); the others name one, with what their library does with it.
     */
    private static String unresolved(Diagnostic d) {
        List<Decided> parts = d.decided();
        Decided first = parts.get(0);
        switch (d.library()) {
            case JAKARTA_MAIL:
            case JAVA_CODE: {
                // one key deciding two things is one part: "the port and encryption through ..."
                List<String> texts = new ArrayList<>();
                Decided previous = null;
                for (Decided p : parts) {
                    if (previous != null && sameKey(previous, p)) {
                        texts.set(texts.size() - 1, texts.get(texts.size() - 1) + " and " + p.what());
                    } else {
                        texts.add(p.what() + " through " + (p.key() == null ? "a placeholder" : p.key())
                                + (p.placeholder() == null ? "" : " (" + p.placeholder() + ")"));
                    }
                    previous = p;
                }
                StringBuilder m = new StringBuilder("decides ");
                for (int i = 0; i < texts.size(); i++) {
                    if (i > 0) m.append(i == texts.size() - 1 ? " and " : ", ");
                    m.append(texts.get(i));
                }
                boolean one = texts.size() == 1;
                if (d.library() == Library.JAVA_CODE) { // the placeholder is the code's expression
                    return m.append(one ? ", a value" : ", values").append(" the code computes at run time: the connection"
                            + " cannot be checked from the source alone; the rest of it is judged on what is written").toString();
                }
                return m.append(one ? ", a placeholder with no value" : ", placeholders with no value")
                        .append(": the connection cannot be checked until ").append(one ? "it has" : "they have")
                        .append(" one; supply ").append(one ? "it" : "them")
                        .append(" through the plugin's properties (or give the placeholder a default)").toString();
            }
            case LOGBACK:
                return "decides " + first.what() + " through " + first.key() + ", a placeholder with no value: with "
                        + d.other() + " on, Logback applies neither when it is true; supply it through the plugin's"
                        + " properties to check the connection";
            case THUNDERBIRD: {
                String missing = first.placeholder();
                return "decides " + first.what() + " through <" + first.key() + "> with " + missing + ", a placeholder"
                        + " Thunderbird fills from the user's address: supply " + missing.substring(1, missing.length() - 1)
                        + " through the plugin's properties to check whether cleartext is acceptable for it";
            }
            default:
                return "decides " + first.what() + " through " + first.key() + ", a placeholder with no value: supply it"
                        + " through the plugin's properties to check the connection";
        }
    }

    /** Two parts written at one place (one key deciding two things). */
    private static boolean sameKey(Decided a, Decided b) {
        return a.location().equals(b.location());
    }

    /** "sets KEY to 'VALUE'" and the rest of the sentence. */
    private static String setsTo(Diagnostic d, String rest) {
        return "sets " + d.key() + " to " + quoted(d) + rest;
    }

    private static String quoted(Diagnostic d) {
        return d.value() == null ? "a value (not shown)" : "'" + d.value() + "'";
    }

    private static boolean untrimmed(Diagnostic d) {
        return d.value() != null && !d.value().trim().equals(d.value());
    }

    private static String didYouMean(Diagnostic d) {
        return d.near() == null ? "" : ": did you mean " + d.near() + "?";
    }

    private static boolean isTimeout(String suffix) {
        return suffix.equals("connectiontimeout") || suffix.equals("timeout") || suffix.equals("writetimeout");
    }

    /** Logback: for a value that came out of Spring's {@code ${NAME:default}}, why Logback sees no default. */
    private static String logbackSyntax(Diagnostic d) {
        String written = d.other();
        if (written == null) return "";
        return " (written as " + written + ": Logback's default separator is ':-', so it looks up a variable whose name"
                + " includes the intended default, finds none and uses NAME_IS_UNDEFINED)";
    }

    private static String logbackFix(String written) {
        return "write the default with ':-', e.g. " + written.replaceFirst("\\$\\{([^:}]+):(?!-)", "\\${$1:-");
    }

    private static String logbackEffect(String meant) {
        switch (meant) {
            case "SSL":
                return "so SSL (implicit TLS) is not turned on";
            case "STARTTLS":
                return "so STARTTLS is not turned on";
            case "SMTPHost":
            case "smtpHost":
                return "so the host is not set";
            case "SMTPPort":
            case "smtpPort":
                return "so the port stays 25";
            case "password":
            case "username":
                return "so no login is configured";
            default:
                return "so the setting has no effect";
        }
    }
}
