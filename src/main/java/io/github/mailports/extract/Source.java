package io.github.mailports.extract;

import io.github.mailports.model.Diagnostic;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Setting;
import io.github.mailports.model.SourceLocation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The skeleton of a source: the steps every extractor takes, written once. A source names itself and its library's
 * value parsing ({@link Values.Parsing}); it finds its blocks (a unit's views, an XML file's appenders) and, for each
 * block and profile, starts an endpoint at an anchor ({@link #start}), reads ports, numbers and booleans as its
 * library does ({@link #port}, {@link #bool}), checks the host ({@link #host}), reports a placeholder that decides
 * the connection ({@link #unresolved}) and, when the library builds a Jakarta Mail session, hands the keys to
 * {@link #session}. What a source sees is reported as {@link Diagnostic}s: the rules word them.
 */
abstract class Source implements Extractor {
    private final String source;
    private final Diagnostic.Library library;
    /** How the library reads numbers and booleans; null for a source that parses its own way. */
    private final Values.Parsing parsing;

    /** A source whose library reads numbers and booleans as {@code parsing} says. */
    Source(String source, Values.Parsing parsing) {
        this.source = source;
        this.library = parsing.library;
        this.parsing = parsing;
    }

    /** A source that parses its values its own way (a URL, Thunderbird's autoconfig). */
    Source(String source, Diagnostic.Library library) {
        this.source = source;
        this.library = library;
        this.parsing = null;
    }

    @Override
    public final String source() { return source; }

    /** The library whose reading the source's diagnostics describe. */
    final Diagnostic.Library library() { return library; }

    /** The profiles to evaluate: {@code first} (the one that is active when none is named), then the others sorted. */
    static List<String> profiles(String first, Collection<String> named) {
        TreeSet<String> others = new TreeSet<>(named);
        others.remove(first);
        List<String> out = new ArrayList<>(others.size() + 1);
        out.add(first);
        out.addAll(others);
        return out;
    }

    /** An endpoint of this source, anchored at a prop (its host key, else the first key of the block). */
    final MailEndpoint.Builder start(String id, String profile, Prop anchor) {
        return start(id, profile, anchor.at(), anchor.key());
    }

    /** An endpoint of this source, anchored at a place and the key (or element) written there. */
    final MailEndpoint.Builder start(String id, String profile, SourceLocation anchor, String anchorKey) {
        return MailEndpoint.builder(id, source, anchor).profile(profile).anchorKey(anchorKey);
    }

    /** The prop written first (the lowest place), or null for none: where a block without a host key is anchored. */
    static Prop first(Iterable<Prop> props) {
        Prop first = null;
        for (Prop p : props) {
            if (first == null || p.at().compareTo(first.at()) < 0) first = p;
        }
        return first;
    }

    /** A resolved port as the library reads it (see {@link Values#port}); null when it is no number. */
    final Integer port(Prop p, MailEndpoint.Builder b) { return Values.port(p, parsing, b); }

    /**
     * A port key as a setting: {@code otherwise} when absent or not a number (the library's default), value null when
     * a placeholder decides it.
     */
    final Setting<Integer> port(Prop p, Setting<Integer> otherwise, MailEndpoint.Builder b) {
        if (p == null) return otherwise;
        if (!p.isResolved()) return p.setting(null);
        Integer v = port(p, b);
        return v == null ? otherwise : p.setting(v);
    }

    /** A resolved number as the library reads it; null when it does not parse. */
    final Integer number(Prop p, MailEndpoint.Builder b) { return Values.number(p, parsing, b); }

    /** A boolean as the library reads it (see {@link Values#bool}); null when a placeholder decides it. */
    final Boolean bool(Prop p, boolean def, MailEndpoint.Builder b) { return Values.bool(p, parsing, def, b); }

    /** The host without user information, reported when present (see {@link HostValues#withoutUserInfo}). */
    final Prop host(Prop host, String userKey, String passwordKey, MailEndpoint.Builder b) {
        return HostValues.withoutUserInfo(host, b, library(), userKey, passwordKey);
    }

    /** MP017: a placeholder without a value decides {@code what} ("the host", "whether TLS is on"). */
    final void unresolved(Prop p, String what, MailEndpoint.Builder b) {
        b.diagnostic(Diagnostic.unresolved(library(), p.key(), p.at(), what, null));
    }

    /** The library builds a Jakarta Mail session from these keys: the endpoint is what that session opens. */
    static void session(JakartaMail.Input in, MailEndpoint.Builder b) {
        b.protocol(in.protocolSetting);
        JakartaMail.evaluate(in, b);
    }
}
