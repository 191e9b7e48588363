package io.github.mailports.engine;

import io.github.mailports.model.LibraryVersions;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Secrets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** An endpoint as reports list it: the same connection in several profiles is listed once. */
public final class EndpointSummary implements Comparable<EndpointSummary> {
    private final String id;
    private final String source;
    private final String file;
    private final List<String> profiles;
    private final String protocol;
    private final String host;
    private final Integer port;
    private final String encryption;
    private final List<LibraryVersions.Library> libraries;

    EndpointSummary(MailEndpoint e, List<String> profiles, List<LibraryVersions.Library> libraries) {
        this.libraries = Collections.unmodifiableList(new ArrayList<>(libraries));
        this.id = e.id();
        this.source = e.source();
        this.file = e.anchor().file();
        this.profiles = Collections.unmodifiableList(new ArrayList<>(profiles));
        this.protocol = e.protocol().value().id();
        this.host = e.host().isKnown() ? e.host().value() : null;
        this.port = e.port().isKnown() ? e.port().value() : null;
        this.encryption = e.encryption().value().name();
    }

    private EndpointSummary(String id, String source, String file, List<String> profiles, String protocol, String host,
                            Integer port, String encryption, List<LibraryVersions.Library> libraries) {
        this.libraries = libraries;
        this.id = id;
        this.source = source;
        this.file = file;
        this.profiles = profiles;
        this.protocol = protocol;
        this.host = host;
        this.port = port;
        this.encryption = encryption;
    }

    /**
     * The same endpoint as it may be printed: every secret masked in its names and host, and any user info left in
     * the host masked too ({@code ****@smtp.example.com}); names cut to {@link Engine#MAX_NAME_CHARS}.
     */
    EndpointSummary redacted(Secrets secrets) {
        List<String> p = new ArrayList<>(profiles.size());
        for (String s : profiles) p.add(Engine.cut(secrets.redact(s), Engine.MAX_NAME_CHARS));
        String h = host == null ? null : Engine.cut(Secrets.maskUserInfo(secrets.redact(host)), Engine.MAX_NAME_CHARS);
        return new EndpointSummary(Engine.cut(secrets.redact(id), Engine.MAX_NAME_CHARS), source, file,
                Collections.unmodifiableList(p), protocol, h, port, encryption, libraries);
    }

    static String mergeKey(MailEndpoint e) {
        return e.id() + '\u0000' + e.source() + '\u0000' + e.anchor() + '\u0000' + e.protocol().value() + '\u0000'
                + (e.host().isKnown() ? e.host().value() : "?") + '\u0000' + (e.port().isKnown() ? e.port().value() : "?")
                + '\u0000' + e.encryption().value();
    }

    public String id() { return id; }
    public String source() { return source; }
    public String file() { return file; }
    public List<String> profiles() { return profiles; }
    public String protocol() { return protocol; }
    /** Null when a placeholder without a value decides it. */
    public String host() { return host; }
    /** Null when a placeholder without a value decides it. */
    public Integer port() { return port; }
    public String encryption() { return encryption; }
    /** The libraries whose versions decide its verdicts; a null version means unknown, the newest was assumed. */
    public List<LibraryVersions.Library> libraries() { return libraries; }

    @Override
    public int compareTo(EndpointSummary o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = id.compareTo(o.id);
        return c != 0 ? c : String.join(",", profiles).compareTo(String.join(",", o.profiles));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EndpointSummary)) return false;
        EndpointSummary s = (EndpointSummary) o;
        return id.equals(s.id) && file.equals(s.file) && profiles.equals(s.profiles) && protocol.equals(s.protocol)
                && Objects.equals(host, s.host) && Objects.equals(port, s.port) && encryption.equals(s.encryption);
    }

    @Override
    public int hashCode() { return Objects.hash(id, file, profiles); }
}
