package io.github.mailports.model;

/** How the connection is protected, as the library will really do it. */
public enum Encryption {
    /** The whole session in cleartext. */
    NONE("no encryption"),
    /** Upgrade only if the server offers STARTTLS; an attacker who deletes the offer gets cleartext. */
    STARTTLS_OPTIONAL("optional STARTTLS"),
    /** Upgrade with STARTTLS or fail. */
    STARTTLS_REQUIRED("required STARTTLS"),
    /** TLS from the first byte. */
    IMPLICIT_TLS("implicit TLS"),
    /** An unresolved placeholder decides it. */
    UNKNOWN("unknown encryption");

    private final String phrase;

    Encryption(String phrase) { this.phrase = phrase; }

    /** Words for messages: "optional STARTTLS". */
    public String phrase() { return phrase; }

    public boolean isStartTls() { return this == STARTTLS_OPTIONAL || this == STARTTLS_REQUIRED; }
}
