package io.github.mailports.config;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lookups and position assertions the reader tests share. */
final class Entries {
    private Entries() {
    }

    /** The last entry with this key (the one that wins), or an AssertionError listing the entries. */
    static ConfigEntry entry(ConfigFile file, String key) {
        ConfigEntry found = null;
        for (ConfigEntry e : file.entries()) {
            if (e.key().equals(key)) {
                found = e;
            }
        }
        if (found == null) {
            throw new AssertionError("no entry " + key + " in " + file.entries());
        }
        return found;
    }

    static List<String> keys(ConfigFile file) {
        List<String> keys = new ArrayList<>();
        for (ConfigEntry e : file.entries()) {
            keys.add(e.key());
        }
        return keys;
    }

    /** Key and value positions, compared as one string so a failure shows all four numbers. */
    static void assertAt(ConfigEntry e, int line, int column, int valueLine, int valueColumn) {
        assertEquals(line + ":" + column + " -> " + valueLine + ":" + valueColumn,
                e.line() + ":" + e.column() + " -> " + e.valueLine() + ":" + e.valueColumn(), "positions of " + e.key());
    }

    /** The winning entry's value and positions. */
    static void assertEntry(ConfigFile file, String key, String value, int line, int column, int valueLine, int valueColumn) {
        ConfigEntry e = entry(file, key);
        assertEquals(value, e.value(), "value of " + key);
        assertAt(e, line, column, valueLine, valueColumn);
    }
}
