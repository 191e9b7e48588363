package io.github.mailports.model;

/** How the server's certificate chain is checked. */
public enum Trust {
    /** The JDK's trust store validates the chain (the default everywhere). */
    VERIFY_CHAIN,
    /** Chain validation is skipped for the listed hosts ({@code ssl.trust=host ...}). */
    TRUST_LISTED_HOSTS,
    /** Any certificate is accepted ({@code ssl.trust=*}, trust-all). */
    TRUST_ALL;
}
