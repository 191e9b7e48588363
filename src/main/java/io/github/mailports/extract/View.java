package io.github.mailports.extract;

import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.Placeholders;
import io.github.mailports.model.Origin;
import io.github.mailports.model.SourceLocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration for one profile: every key once, the last definition winning (as the
 * framework merges them), with values resolved against supplied values, the view's own keys and
 * placeholder defaults.
 */
final class View {
    private final String profile;
    private final Map<String, Prop> props = new LinkedHashMap<>();

    private View(String profile) { this.profile = profile; }

    /** Builds a view from entries in increasing precedence. */
    static View of(String profile, List<ConfigFile> files, List<ConfigEntry> entries, List<ConfigFile> owners, ExtractContext ctx) {
        View view = new View(profile);
        Map<String, ConfigEntry> raw = new LinkedHashMap<>();
        Map<String, ConfigFile> owner = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            ConfigEntry e = entries.get(i);
            String k = Keys.mergeKey(e.key());
            raw.remove(k); // re-insert so that iteration order follows the winning definition
            raw.put(k, e);
            owner.put(k, owners.get(i));
        }
        for (Map.Entry<String, ConfigEntry> me : raw.entrySet()) {
            ConfigEntry e = me.getValue();
            ConfigFile f = owner.get(me.getKey());
            Placeholders.Result r = Placeholders.resolve(e.value(),
                    name -> lookup(name, raw, ctx), ctx::maven);
            Origin origin = !r.hadPlaceholder() ? Origin.EXPLICIT : r.isResolved() ? Origin.PLACEHOLDER : Origin.UNRESOLVED;
            SourceLocation at = SourceLocation.of(f.path(), e.line(), e.column());
            view.props.put(me.getKey(), new Prop(e.key(), at, e.value(), r.value(), origin, r.unresolvedName(), f.format()));
        }
        return view;
    }

    private static String lookup(String name, Map<String, ConfigEntry> raw, ExtractContext ctx) {
        String supplied = ctx.supplied(name);
        if (supplied != null) return supplied;
        ConfigEntry own = raw.get(Keys.mergeKey(name));
        return own == null ? null : own.value();
    }

    String profile() { return profile; }

    /** The prop under a merge key (see {@link Keys#mergeKey}), or null. */
    Prop get(String mergeKey) { return props.get(mergeKey); }

    /** Every (merge key, prop) in file order of the winning definitions. */
    Map<String, Prop> all() { return Collections.unmodifiableMap(props); }

    /** The props whose merge key starts with {@code prefix}, keyed by the rest of the key. */
    Map<String, Prop> under(String prefix) {
        Map<String, Prop> out = new LinkedHashMap<>();
        for (Map.Entry<String, Prop> e : props.entrySet()) {
            if (e.getKey().startsWith(prefix)) out.put(e.getKey().substring(prefix.length()), e.getValue());
        }
        return out;
    }

    boolean isEmpty() { return props.isEmpty(); }

    @Override
    public String toString() { return "View[" + profile + ", " + new ArrayList<>(props.keySet()) + "]"; }
}
