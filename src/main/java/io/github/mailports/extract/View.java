package io.github.mailports.extract;

import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.Placeholders;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The effective configuration for one profile: every key once, the last definition winning (as the
 * framework merges them), with values resolved against supplied values, the view's own keys and
 * placeholder defaults.
 */
final class View {
    /** One entry as every view of a unit sees it: worked out once per unit, not once per profile. */
    static final class Item {
        final ConfigEntry entry;
        /** {@link Keys#mergeKey} of the entry's key. */
        final String mergeKey;
        final ConfigFile owner;
        /** The prop when the value holds no placeholder (then it is the same in every view), else null. */
        final Prop literal;

        Item(ConfigEntry entry, String mergeKey, ConfigFile owner) {
            this.entry = entry;
            this.mergeKey = mergeKey;
            this.owner = owner;
            this.literal = Placeholders.contains(entry.value()) ? null
                    : Prop.literal(entry, owner);
        }
    }

    private final String profile;
    /** Merge key to its winning item, in the order of the winning definitions. */
    private final Map<String, Item> winners;
    /** The props of the winning items whose values hold placeholders (resolved in this view). */
    private final Map<Item, Prop> resolved;
    /** {@link #all()}: a read-only map over the two above, so a view fills one hash map, not two. */
    private final Map<String, Prop> all = new AllProps();

    private View(String profile, Map<String, Item> winners, Map<Item, Prop> resolved) {
        this.profile = profile;
        this.winners = winners;
        this.resolved = resolved;
    }

    /** Builds a view from entries in increasing precedence. */
    static View of(String profile, List<Item> items, ExtractContext ctx) {
        // sized once, so that it never rehashes while it fills
        Map<String, Item> raw = new LinkedHashMap<>(items.size() * 4 / 3 + 1);
        for (Item item : items) {
            if (raw.put(item.mergeKey, item) != null) { // re-insert so that iteration order follows the winning definition
                raw.remove(item.mergeKey);
                raw.put(item.mergeKey, item);
            }
        }
        Map<Item, Prop> resolved = Collections.emptyMap();
        for (Item item : raw.values()) {
            if (item.literal != null) continue;
            if (resolved.isEmpty()) resolved = new IdentityHashMap<>();
            resolved.put(item, Prop.resolved(item.entry, item.owner, ctx, name -> {
                Item own = raw.get(Keys.mergeKey(name));
                return own == null ? null : own.entry.value();
            }));
        }
        // An empty value is no value (after it has overridden the earlier definitions, as the last one wins):
        // Spring binds "" to null for a number, boolean or enum, and Jakarta Mail's PropUtil reads "" as the default.
        for (Iterator<Item> it = raw.values().iterator(); it.hasNext(); ) {
            Item item = it.next();
            Prop p = item.literal != null ? item.literal : resolved.get(item);
            if (p.value() != null && p.value().isEmpty()) it.remove();
        }
        return new View(profile, raw, resolved);
    }

    private Prop prop(Item item) { return item.literal != null ? item.literal : resolved.get(item); }

    String profile() { return profile; }

    /** The prop under a merge key (see {@link Keys#mergeKey}), or null. */
    Prop get(String mergeKey) {
        Item item = winners.get(mergeKey);
        return item == null ? null : prop(item);
    }

    /** Every (merge key, prop) in file order of the winning definitions; read-only. */
    Map<String, Prop> all() { return all; }

    /** The props whose merge key starts with {@code prefix}, keyed by the rest of the key. */
    Map<String, Prop> under(String prefix) {
        Map<String, Prop> out = new LinkedHashMap<>();
        for (Map.Entry<String, Item> e : winners.entrySet()) {
            if (e.getKey().startsWith(prefix)) out.put(e.getKey().substring(prefix.length()), prop(e.getValue()));
        }
        return out;
    }

    boolean isEmpty() { return winners.isEmpty(); }

    @Override
    public String toString() { return "View[" + profile + ", " + new ArrayList<>(winners.keySet()) + "]"; }

    /** The view as a read-only map from merge key to prop, in the order of the winning definitions. */
    private final class AllProps extends AbstractMap<String, Prop> {
        private final Set<Map.Entry<String, Prop>> entries = new AbstractSet<Map.Entry<String, Prop>>() {
            @Override
            public Iterator<Map.Entry<String, Prop>> iterator() {
                Iterator<Map.Entry<String, Item>> it = winners.entrySet().iterator();
                return new Iterator<Map.Entry<String, Prop>>() {
                    @Override
                    public boolean hasNext() { return it.hasNext(); }

                    @Override
                    public Map.Entry<String, Prop> next() {
                        Map.Entry<String, Item> e = it.next();
                        return new SimpleImmutableEntry<>(e.getKey(), prop(e.getValue()));
                    }
                };
            }

            @Override
            public int size() { return winners.size(); }
        };

        @Override
        public Set<Map.Entry<String, Prop>> entrySet() { return entries; }

        @Override
        public int size() { return winners.size(); }

        @Override
        public boolean containsKey(Object key) { return winners.containsKey(key); }

        @Override
        public Prop get(Object key) {
            Item item = winners.get(key);
            return item == null ? null : prop(item);
        }
    }
}
