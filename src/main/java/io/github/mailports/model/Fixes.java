package io.github.mailports.model;

import java.util.EnumMap;
import java.util.function.Function;

/**
 * How each {@link Remedy} is done in one endpoint's source, and the {@link Syntax} its settings are written in:
 * data the extractor attaches to the endpoint when it builds it. A rule names a remedy; the report's fix text is
 * {@link #text}.
 */
public final class Fixes {
    /** A source with no fix to offer. */
    public static final Fixes NONE = new Fixes(Syntax.PROPERTIES, new EnumMap<Remedy, Fix>(Remedy.class));

    private final Syntax syntax;
    private final EnumMap<Remedy, Fix> fixes;

    private Fixes(Syntax syntax, EnumMap<Remedy, Fix> fixes) {
        this.syntax = syntax;
        this.fixes = fixes;
    }

    /** Each remedy's fix as {@code fix} gives it (null: none in this source), asked once, now, for every remedy. */
    public static Fixes of(Syntax syntax, Function<Remedy, Fix> fix) {
        EnumMap<Remedy, Fix> m = new EnumMap<>(Remedy.class);
        for (Remedy r : Remedy.values()) {
            Fix f = fix.apply(r);
            if (f != null) m.put(r, f);
        }
        return new Fixes(syntax, m);
    }

    /**
     * The remedy's fix as text in the source's syntax, e.g. {@code set spring.mail.properties.mail.smtp.starttls.required: true};
     * null when the source has none to offer.
     */
    public String text(Remedy remedy) {
        Fix f = fixes.get(remedy);
        return f == null ? null : f.render(syntax);
    }
}
