package io.github.mailports.rules;

import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Origin;
import io.github.mailports.model.Protocol;

/**
 * The questions several rules share, so that precedence holds in one place: a connection that cannot work at all
 * (MP005, then MP003/MP004) is not also called cleartext (MP001/MP002), and a connection the application's code
 * decides gets no cleartext or relay-port verdict (MP001, MP002, MP011).
 */
final class Verdicts {
    private Verdicts() {
    }

    /** MP005: the port is a standard port of a different mail protocol. */
    static boolean portOfOtherProtocol(MailEndpoint e) {
        if (!e.port().isKnown()) return false;
        Protocol.Family owner = Protocol.Family.ofStandardPort(e.port().value());
        return owner != null && owner != e.protocol().value().family();
    }

    /** MP003: an implicit-TLS port spoken to without TLS from the first byte. */
    static boolean implicitTlsPortWithoutTls(MailEndpoint e) {
        if (!e.port().isKnown() || portOfOtherProtocol(e)) return false;
        Encryption enc = e.encryption().value();
        return e.port().value() == e.protocol().value().family().implicitTlsPort()
                && (enc == Encryption.NONE || enc.isStartTls());
    }

    /** MP004: TLS from the first byte to a port that starts in cleartext. */
    static boolean tlsOnStartTlsPort(MailEndpoint e) {
        if (!e.port().isKnown() || portOfOtherProtocol(e)) return false;
        return e.encryption().value() == Encryption.IMPLICIT_TLS
                && e.protocol().value().family().isStartTlsPort(e.port().value());
    }

    /**
     * True when the configuration sets neither the host nor the port: a group of options (a Jakarta Mail
     * {@code mail.smtp.*} group with only {@code auth} or {@code starttls.enable}) whose connection the application's
     * code decides. Calling it cleartext or downgradable would judge the library's defaults (smtp, port 25), which the
     * code may well replace (shopizer builds such a session for smtps on 465; OFBiz takes the host and port from its
     * own keys): the cleartext and relay-port verdicts (MP001, MP002, MP011) are not given there.
     */
    static boolean connectionFromCode(MailEndpoint e) {
        return !e.host().isKnown() && e.host().origin() == Origin.DEFAULT && e.port().origin() == Origin.DEFAULT;
    }

    /** Whether a port rule already reports that this connection cannot work at all. */
    static boolean connectionBroken(MailEndpoint e) {
        return portOfOtherProtocol(e) || implicitTlsPortWithoutTls(e) || tlsOnStartTlsPort(e);
    }

    /** Where a port finding points: the port key when written, else what chose protocol or encryption, else the anchor. */
    static io.github.mailports.model.Setting<?> portCause(MailEndpoint e) {
        if (e.port().isWritten()) return e.port();
        if (e.encryption().isWritten()) return e.encryption();
        if (e.protocol().isWritten()) return e.protocol();
        return e.port();
    }
}
