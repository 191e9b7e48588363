package io.github.mailports.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobTest {
    private static boolean m(String glob, String path) {
        return Glob.of(glob).matches(path);
    }

    @Test
    void antSemantics() {
        assertTrue(m("**/*.yml", "a.yml"));
        assertTrue(m("**/*.yml", "x/y/a.yml"));
        assertFalse(m("*.yml", "x/a.yml"), "* stays within one name");
        assertTrue(m("src/main/resources/**/application*.{properties,yml}", "src/main/resources/application-prod.yml"));
        assertTrue(m("src/main/resources/**/application*.{properties,yml}", "src/main/resources/a/b/application.properties"));
        assertFalse(m("src/main/resources/**/application*.{properties,yml}", "src/main/resources/application.yaml"));
        assertTrue(m("a?c.yml", "abc.yml"));
        assertFalse(m("a?c.yml", "a/c.yml"));
        assertTrue(m("config/", "config/x/application.yml"), "a trailing / is everything below");
        assertTrue(m("./config/*.yml", "config/a.yml"));
        assertTrue(m("**/target/**", "m1/target/"), "a folder path ending in /");
        assertTrue(m("**/target/**", "target"), "** may match no name");
        assertTrue(m("src/**.yml", "src/a/b/c.yml"), "** inside a name crosses folders, as before");
        assertTrue(m("src/**.yml", "src/c.yml"));
        assertTrue(m("{src/main,config}/**/x.{yml,{yaml,json}}", "config/a/x.json"));
        assertTrue(m("**", "any/thing/at/all.txt"));
        assertFalse(m("a.yml", "A.yml"), "case-sensitive");
    }

    @Test
    void aBraceGlobCutAtItsCommaByMavenIsOneGlobAgain() {
        // -Dmailports.includes=**/application*.{yml,yaml} reaches the Mojo as two list entries
        List<Glob> globs = Glob.list(Arrays.asList("**/application*.{yml", "yaml}"));
        assertEquals(1, globs.size());
        assertTrue(globs.get(0).matches("m1/src/main/resources/application.yaml"));
        assertTrue(globs.get(0).matches("application-dev.yml"));
        assertEquals(3, Glob.list(Collections.singletonList("a.yml, b.{yml,yaml} ,c")).size());
    }

    @Test
    void aBadGlobIsReportedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Glob.of("**/application*.{yml,yaml"));
        assertEquals("the glob '**/application*.{yml,yaml' has a '{' without its closing '}' (alternatives are written"
                + " {a,b}, e.g. **/application*.{yml,yaml})", e.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> Glob.of("{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"));
        assertTrue(many.getMessage().contains("expands to more than 256 alternatives"), many.getMessage());
    }

    @Test
    void theWalkIsToldWhereNoIncludeCanMatch() {
        Glob g = Glob.of("src/main/resources/**/application.yml");
        assertTrue(g.couldMatchBelow(""));
        assertTrue(g.couldMatchBelow("src"));
        assertTrue(g.couldMatchBelow("src/main/resources/a/b"));
        assertFalse(g.couldMatchBelow("docs"));
        assertFalse(g.couldMatchBelow("src/test"));
        assertFalse(Glob.of("application.yml").couldMatchBelow("src"), "a top-level name needs no folder");
        assertTrue(Glob.of("**/config/*.yml").couldMatchBelow("a/b/c"));
    }

    /** The pattern of the report (issue 13): a backtracking regular expression took 110 s on one 12-level path. */
    @Test
    void matchingCostsAtMostPathTimesPatternWhateverThePattern() {
        Glob hostile = Glob.of("**/**/**/**/**/**/*a*a*a*a*a*a*b");
        long small = work(hostile, 12, 20);
        long large = work(hostile, 24, 40); // four times the characters
        int patternLength = hostile.toString().length();
        assertTrue(small <= 12L * 21 * patternLength, "work " + small);
        assertTrue(large <= 24L * 41 * patternLength, "work " + large);
        // linear in the path: four times the characters, at most about four times the work (no exponent)
        assertTrue(large <= 5 * small, small + " -> " + large);
    }

    private static long work(Glob g, int levels, int nameLength) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < nameLength; i++) name.append('a');
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < levels; i++) path.append(i == 0 ? "" : "/").append(name);
        long[] work = new long[1];
        assertFalse(g.matches(path.toString(), work));
        return work[0];
    }

    /** The walk's matcher, stepped name by name, answers as each glob does on the whole path, for every path of a small tree. */
    @Test
    void theWalkMatcherAnswersAsTheGlobsDo() {
        List<List<String>> sets = Arrays.asList(Defaults.includes(), Defaults.treeIncludes(), Defaults.EXCLUDES,
                Arrays.asList("**/*.yml", "config/", "a?c/**/x*y*.{yml,properties}", "src/**.yml", "**/**/b/**", "*"));
        String[] names = {"src", "main", "resources", "config", "target", "a", "b", "application.yml",
                "application-prod.properties", "mail.properties", "xay.yml", "", "a\\b", "logback.xml"};
        long checked = 0;
        for (List<String> texts : sets) {
            List<Glob> globs = Glob.list(texts);
            Glob.Walk walk = new Glob.Walk(globs);
            // every path of up to four names from the list: the folder's state, then each name as a file and a folder
            List<Object[]> level = Collections.singletonList(new Object[] {"", walk.root()});
            for (int depth = 0; depth < 4; depth++) {
                List<Object[]> next = new java.util.ArrayList<>();
                for (Object[] folder : level) {
                    String dir = (String) folder[0];
                    Glob.Walk.State state = (Glob.Walk.State) folder[1];
                    for (String name : names) {
                        String path = (dir.isEmpty() ? "" : dir + "/") + name.replace('\\', '/');
                        Glob.Walk.State below = walk.step(state, name);
                        boolean any = false;
                        boolean anyBelow = false;
                        for (Glob g : globs) {
                            any |= g.matches(path);
                            anyBelow |= g.couldMatchBelow(path);
                        }
                        assertEquals(any, walk.matches(state, name), texts + " matches " + path);
                        assertEquals(anyBelow, walk.couldMatchBelow(below), texts + " below " + path);
                        boolean folderItself = false;
                        for (Glob g : globs) folderItself |= g.matches(path + "/");
                        assertEquals(folderItself, walk.matches(below, ""), texts + " matches " + path + "/");
                        checked++;
                        if (depth < 3 && !name.isEmpty() && name.indexOf('.') < 0) {
                            next.add(new Object[] {path, below});
                        }
                    }
                }
                level = next;
            }
        }
        assertTrue(checked > 10_000, "paths checked: " + checked);
    }
}
