package io.github.mailports.model;

/**
 * The kinds of fix a rule suggests. How each is done in a source is data its extractor attaches to the endpoint
 * ({@link Fixes}), written in the source's own {@link Syntax}.
 */
public enum Remedy {
    /** Encrypt a cleartext connection: implicit TLS on the TLS port, or required STARTTLS. */
    ENCRYPT,
    /** Make an optional STARTTLS upgrade mandatory. */
    REQUIRE_STARTTLS,
    /** Speak TLS from the first byte (for a port that expects it). */
    ENABLE_IMPLICIT_TLS,
    /** Keep implicit TLS but connect to the protocol's implicit-TLS port. */
    USE_IMPLICIT_TLS_PORT,
    /** Connect to a standard port of the endpoint's own protocol. */
    USE_PROTOCOL_PORT,
    /** Turn the server identity (host name) check back on. */
    ENABLE_IDENTITY_CHECK,
    /** Stop trusting certificates blindly; import the server's CA into a trust store instead. */
    VERIFY_CERTIFICATES,
    /** Make a socket factory failure fail instead of reconnecting in cleartext. */
    DISABLE_FALLBACK,
    /** Enable only TLS 1.2 and 1.3. */
    MODERN_TLS_PROTOCOLS,
    /** Use the submission port (465 or 587) instead of the relay port 25. */
    USE_SUBMISSION_PORT,
    /** Set connection, read and write timeouts. */
    SET_TIMEOUTS,
    /** Take the password from a placeholder (environment variable or secret store). */
    EXTERNALISE_PASSWORD,
    /** Move a working STARTTLS connection to implicit TLS on the protocol's TLS port. */
    PREFER_IMPLICIT_TLS,
    /** Remove the STARTTLS setting that conflicts with implicit TLS. */
    REMOVE_STARTTLS,
    /** Remove an SSL socket factory whose handshake always fails on a STARTTLS port, keeping STARTTLS. */
    REMOVE_SOCKET_FACTORY;
}
