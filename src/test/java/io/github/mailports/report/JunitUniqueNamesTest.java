package io.github.mailports.report;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: 20,000 findings with one test name took 46 s; names are now made unique in linear work. */
class JunitUniqueNamesTest {
    /** A set that counts the look-ups made in it. */
    private static final class Counting extends HashSet<String> {
        int adds;

        @Override
        public boolean add(String s) {
            adds++;
            return super.add(s);
        }
    }

    private static int work(int n) {
        Counting names = new Counting();
        Map<String, Integer> next = new HashMap<>();
        names.add("MP001 cleartext-connection at line 1, column 1 #3"); // a name that already reads like a suffix
        for (int i = 0; i < n; i++) {
            JunitReport.unique(names, next, "MP001 cleartext-connection at line 1, column 1");
            if (i % 10 == 0) JunitReport.unique(names, next, "MP012 nonstandard-port at line 1, column 1");
        }
        assertEquals(n + n / 10 + (n % 10 == 0 ? 0 : 1) + 1, names.size(), "every name is unique");
        return names.adds;
    }

    @Test
    void uniqueNamesTakeLinearWork() {
        int small = work(10_000);
        int large = work(40_000);
        assertTrue(small <= 2 * 11_002, "adds for 10,000 names: " + small);
        assertTrue(large <= 4 * small + 8, "four times the names, four times the work: " + small + " vs " + large);
    }

    @Test
    void suffixesCountUp() {
        Counting names = new Counting();
        Map<String, Integer> next = new HashMap<>();
        assertEquals("a", JunitReport.unique(names, next, "a"));
        assertEquals("a #2", JunitReport.unique(names, next, "a"));
        names.add("a #3");
        assertEquals("a #4", JunitReport.unique(names, next, "a"));
        assertEquals("a #5", JunitReport.unique(names, next, "a"));
    }
}
