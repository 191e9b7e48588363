package io.github.mailports.rules;

import io.github.mailports.model.Encryption;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Remedy;
import io.github.mailports.model.Setting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** MP009: SSL 3, TLS 1.0 or TLS 1.1 enabled (RFC 8996). */
public final class LegacyTlsProtocol implements Rule {
    static final RuleInfo INFO = RuleInfo.of("MP009", "legacy-tls-protocol", Severity.ERROR,
            "A deprecated SSL or TLS version is enabled")
            .scanning(5.9, Precision.VERY_HIGH, "security").cwe(327)
            .source("RFC 8996 sections 4 and 5, RFC 9325 section 3.1.1", RuleInfo.RFC + "rfc8996#section-4");
    private static final List<String> LEGACY = Arrays.asList("SSLv2Hello", "SSLv2", "SSLv3", "TLSv1", "TLSv1.1");

    @Override
    public RuleInfo info() { return INFO; }

    @Override
    public void check(MailEndpoint e, RuleContext ctx) {
        if (e.isUndecidable() || e.encryption().value() == Encryption.NONE) return; // TLS settings of a connection that never starts TLS are never read
        Setting<String> protocols = e.tlsProtocols();
        if (protocols == null || !protocols.isKnown()) return;
        List<String> legacy = new ArrayList<>();
        for (String token : protocols.value().trim().split("\\s+")) {
            if (LEGACY.contains(token)) legacy.add(token);
        }
        if (legacy.isEmpty()) return;
        ctx.report(e, protocols, "enables " + String.join(", ", legacy) + " for " + e.url()
                + ": these versions are deprecated (RFC 8996): a JDK that still allows them can negotiate a breakable"
                + " connection, and current JDKs refuse them, so a list of only these fails every connection", Remedy.MODERN_TLS_PROTOCOLS);
    }
}
