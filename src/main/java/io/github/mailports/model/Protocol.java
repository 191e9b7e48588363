package io.github.mailports.model;

import java.util.Locale;

/** The six Jakarta Mail provider protocols. A name ending in {@code s} means TLS from the first byte. */
public enum Protocol {
    SMTP("smtp", Family.SMTP, false, 25),
    SMTPS("smtps", Family.SMTP, true, 465),
    IMAP("imap", Family.IMAP, false, 143),
    IMAPS("imaps", Family.IMAP, true, 993),
    POP3("pop3", Family.POP3, false, 110),
    POP3S("pop3s", Family.POP3, true, 995);

    /** The wire protocol, whatever the transport security. */
    public enum Family {
        /**
         * 2525, 588 and 80 are the alternative submission ports of the providers' port guides (SendGrid, Mailgun,
         * Mailjet, SMTP2GO, ...): STARTTLS ports, never implicit TLS; none is assigned to SMTP by IANA.
         */
        SMTP(465, new int[] {25, 587, 2525, 588, 80}, new int[] {2525, 588, 80}),
        IMAP(993, new int[] {143}, new int[0]),
        POP3(995, new int[] {110}, new int[0]);

        private final int implicitTlsPort;
        private final int[] startTlsPorts;
        private final int[] alternativePorts;

        Family(int implicitTlsPort, int[] startTlsPorts, int[] alternativePorts) {
            this.implicitTlsPort = implicitTlsPort;
            this.startTlsPorts = startTlsPorts;
            this.alternativePorts = alternativePorts;
        }

        /** The port where this protocol is spoken inside TLS from the first byte (RFC 8314). */
        public int implicitTlsPort() { return implicitTlsPort; }

        /** Whether {@code port} is a port where this protocol starts in cleartext (and may upgrade with STARTTLS). */
        public boolean isStartTlsPort(int port) {
            return contains(startTlsPorts, port);
        }

        /** Whether {@code port} is a provider's alternative STARTTLS port (SMTP 2525, 588, 80): common, not assigned. */
        public boolean isAlternativePort(int port) {
            return contains(alternativePorts, port);
        }

        /** Whether {@code port} is one of this protocol's standard ports. The alternative ports are not. */
        public boolean isStandardPort(int port) {
            return port == implicitTlsPort || (isStartTlsPort(port) && !isAlternativePort(port));
        }

        private static boolean contains(int[] ports, int port) {
            for (int p : ports) {
                if (p == port) return true;
            }
            return false;
        }

        public String lowerName() { return name().toLowerCase(Locale.ROOT); }

        /** The family whose standard port {@code port} is, or null when it is no mail protocol's standard port. */
        public static Family ofStandardPort(int port) {
            for (Family f : values()) {
                if (f.isStandardPort(port)) return f;
            }
            return null;
        }
    }

    private final String id;
    private final Family family;
    private final boolean implicitTls;
    private final int defaultPort;

    Protocol(String id, Family family, boolean implicitTls, int defaultPort) {
        this.id = id;
        this.family = family;
        this.implicitTls = implicitTls;
        this.defaultPort = defaultPort;
    }

    /** The provider name as Jakarta Mail spells it ({@code smtps}); also the prefix of its keys. */
    public String id() { return id; }
    public Family family() { return family; }
    public boolean implicitTls() { return implicitTls; }
    /** The port Jakarta Mail connects to when none is set and {@code ssl.enable} is off. */
    public int defaultPort() { return defaultPort; }

    /** The same wire protocol with or without implicit TLS. */
    public Protocol sibling() {
        switch (this) {
            case SMTP: return SMTPS;
            case SMTPS: return SMTP;
            case IMAP: return IMAPS;
            case IMAPS: return IMAP;
            case POP3: return POP3S;
            default: return POP3;
        }
    }

    /** The protocol for a provider name, or null. Jakarta Mail matches provider names exactly (lower case). */
    public static Protocol fromId(String name) {
        if (name == null) return null;
        for (Protocol p : values()) {
            if (p.id.equals(name)) return p;
        }
        return null;
    }

    @Override
    public String toString() { return id; }
}
