package io.github.mailports.extract;

import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigFormat;
import io.github.mailports.model.MailEndpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files that one application reads together. A Spring-style unit is {@code application.*} (or
 * {@code bootstrap.*}) of one folder and its {@code config/} subfolder with their profile-specific siblings,
 * or a file of another name that holds {@code spring.mail.*} with its {@code <name>-<profile>} siblings (a
 * Spring Cloud Config repository, {@code spring.config.name}); every other file is a unit of its own.
 */
public final class ConfigUnit {
    private static final Pattern SPRING_NAME =
            Pattern.compile("(application|bootstrap)(?:-([^.]+))?\\.(properties|yml|yaml)");
    /** A YAML or properties name of another kind: its part before the first '-' or '.'. */
    private static final Pattern OTHER_NAME = Pattern.compile("([^-.]+)(?:-[^.]*)?\\.(?:properties|yml|yaml)");
    private static final Pattern INDEX_SUFFIX = Pattern.compile("\\[\\d+\\]$");
    private static final List<String> EXTENSION_ORDER = Arrays.asList("yml", "yaml", "properties");
    private static final String ON_PROFILE = Keys.relaxed("spring.config.activate.on-profile");
    private static final String LEGACY_PROFILES = Keys.relaxed("spring.profiles");

    private final List<ConfigFile> files;
    private final boolean spring;
    private final Map<String, View> views = new LinkedHashMap<>();
    /** Per file, what the views need, worked out once (not once per profile and extractor). */
    private List<FileInfo> infos;
    private List<String> profiles;
    /** {@link #ordered}: the Spring-named files by the profile in their name (null key: none), in precedence order. */
    private Map<String, List<FileInfo>> byProfile;
    private int orderingSteps;

    /** One file's name parts, its entries by document, and its profile activation values. */
    private static final class FileInfo {
        final ConfigFile file;
        /** The extension of a Spring name, or null when the name is not Spring's. */
        final String ext;
        /** The profile in the name ({@code application-prod.yml}), or null. */
        final String profile;
        final boolean inConfigDir;
        /** Entries of document d (d below the document count), in file order, with what every view needs of them. */
        final List<List<View.Item>> documents = new ArrayList<>();
        /** Activation values of document d, in file order (Spring units only); empty: the document always applies. */
        final List<List<String>> expressions = new ArrayList<>();
        /** Activation values of all entries, in file order (Spring units only). */
        final List<String> activations = new ArrayList<>();

        FileInfo(ConfigFile file, List<ConfigEntry> entries, boolean spring, String[] name) {
            this.file = file;
            this.ext = name == null ? null : name[0];
            this.profile = name == null ? null : name[1];
            this.inConfigDir = isInConfigDir(file.path());
            int count = file.documentCount();
            for (int d = 0; d < count; d++) {
                documents.add(new ArrayList<View.Item>());
                expressions.add(new ArrayList<String>());
            }
            for (ConfigEntry e : entries) {
                String mergeKey = Keys.mergeKey(e.key());
                boolean activation = spring && isActivationKey(e.key(), mergeKey);
                if (activation) activations.add(e.value());
                int d = e.document();
                if (d < 0 || d >= count) continue;
                documents.get(d).add(new View.Item(e, mergeKey, file));
                if (activation) expressions.get(d).add(e.value());
            }
        }
    }

    /** Per file (same order as {@link #files}), its {extension, profile} as a Spring name, or null. */
    private final List<String[]> names;

    private ConfigUnit(List<ConfigFile> files, boolean spring) {
        this(files, spring, springNames(files));
    }

    private ConfigUnit(List<ConfigFile> files, boolean spring, List<String[]> names) {
        this.files = Collections.unmodifiableList(new ArrayList<>(files));
        this.spring = spring;
        this.names = names;
    }

    private static List<String[]> springNames(List<ConfigFile> files) {
        List<String[]> out = new ArrayList<>(files.size());
        for (ConfigFile f : files) {
            Matcher m = SPRING_NAME.matcher(f.fileName());
            out.add(m.matches() ? new String[] {m.group(3), m.group(2)} : null);
        }
        return out;
    }

    /**
     * The files that are read together, decided by name alone before any is read: one folder's Spring
     * {@code application*} or {@code bootstrap*} set, and YAML and properties files of one folder whose names start
     * alike (which {@link #group} makes a Spring unit when they hold {@code spring.mail.*}), are one batch each; every
     * other file is a batch of its own. The batches of one file come first, in the given order, then the others in
     * the order of their first file. An endpoint never spans batches, so a caller may read, check and drop the files
     * batch by batch ({@link Extractors#extract} makes the units of one batch's parsed files).
     */
    public static <T> List<List<T>> batches(List<T> files, Function<T, String> path) {
        List<List<T>> out = new ArrayList<>();
        Map<String, List<T>> together = new LinkedHashMap<>();
        for (T f : files) {
            String group = springGroup(path.apply(f));
            if (group == null) out.add(Collections.singletonList(f));
            else together.computeIfAbsent(group, k -> new ArrayList<>()).add(f);
        }
        out.addAll(together.values());
        // a module's Java sources first: the application keys their code reads are known when its Spring files are
        // checked (CodeReads)
        List<List<T>> javaFirst = new ArrayList<>(out.size());
        for (List<T> b : out) if (path.apply(b.get(0)).endsWith(".java")) javaFirst.add(b);
        for (List<T> b : out) if (!path.apply(b.get(0)).endsWith(".java")) javaFirst.add(b);
        return javaFirst;
    }

    /**
     * The Spring group a file joins by its name alone (its folder and {@code application} or {@code bootstrap}),
     * a module's Java sources, or null when the file is a unit of its own.
     */
    private static String springGroup(String path) {
        if (path.endsWith(".java")) return JAVA_GROUP + moduleRoot(path); // a module's Java sources are read together
        int slash = path.lastIndexOf('/');
        String name = slash < 0 ? path : path.substring(slash + 1);
        Matcher m = SPRING_NAME.matcher(name);
        if (m.matches()) return root(path) + "\u0000" + m.group(1);
        // Another YAML or properties name (a Spring Cloud Config repository's {application}-{profile}.yml, a file
        // named with spring.config.name): read together with the files of the same folder whose names start the
        // same, so that group() can make a Spring unit of them if they hold spring.mail.*.
        Matcher o = OTHER_NAME.matcher(name);
        return o.matches() ? root(path) + "\u0001" + o.group(1) : null;
    }

    /** Marks the group key of a module's Java sources ({@link #springGroup}). */
    private static final char JAVA_GROUP = '\u0002';

    /**
     * The module a file belongs to: the folder that holds its {@code src/main/} ({@code ""} at the top), else the
     * folder of the file (the one above a {@code config} folder). Java sources outside {@code src/main/java} (a fixture,
     * a Gradle layout) belong to the top.
     */
    public static String moduleRoot(String path) {
        if (path.startsWith("src/main/")) return "";
        int at = path.lastIndexOf("/src/main/");
        if (at >= 0) return path.substring(0, at);
        return path.endsWith(".java") ? "" : root(path);
    }

    /** Whether the unit is a module's Java sources ({@link io.github.mailports.config.ConfigFormat#JAVA}). */
    public boolean isJava() { return !files.isEmpty() && files.get(0).java() != null; }

    /** Groups parsed files into units, in a stable order. */
    public static List<ConfigUnit> group(List<ConfigFile> parsed) {
        Map<String, List<ConfigFile>> springGroups = new LinkedHashMap<>();
        Map<String, List<ConfigFile>> otherGroups = new LinkedHashMap<>();
        Map<String, List<ConfigFile>> javaGroups = new LinkedHashMap<>();
        List<ConfigUnit> units = new ArrayList<>();
        for (ConfigFile f : parsed) {
            String key = f.format() == ConfigFormat.XML ? null : springGroup(f.path());
            if (key != null && key.charAt(0) == JAVA_GROUP) {
                javaGroups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            } else if (key != null && key.indexOf('\u0001') < 0) {
                springGroups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            } else if (key != null) {
                otherGroups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            } else {
                units.add(new ConfigUnit(Collections.singletonList(f), false));
            }
        }
        for (List<ConfigFile> group : javaGroups.values()) units.add(new ConfigUnit(group, false));
        for (List<ConfigFile> group : otherGroups.values()) named(group, units);
        for (List<ConfigFile> group : springGroups.values()) {
            units.add(new ConfigUnit(group, true));
        }
        return units;
    }

    /**
     * Files of one folder whose names start alike. Those that form a Spring configuration named otherwise (a name
     * {@code N} holding {@code spring.mail.*}, with its {@code N-<profile>} siblings, as a Spring Cloud Config
     * repository or {@code spring.config.name=N} names them) become one Spring unit, profiles from the names; the
     * others stay units of their own.
     */
    private static void named(List<ConfigFile> group, List<ConfigUnit> units) {
        Map<String, ConfigFile> byStem = new LinkedHashMap<>();
        for (ConfigFile f : group) byStem.put(stem(f.fileName()), f);
        // base name -> its files, for the bases that hold spring.mail.* in some file
        Map<String, List<ConfigFile>> bases = new LinkedHashMap<>();
        Map<ConfigFile, String[]> names = new java.util.HashMap<>();
        for (ConfigFile f : group) {
            String stem = stem(f.fileName());
            String base = stem;
            for (String other : byStem.keySet()) { // the longest other stem that this one extends with "-profile"
                if (stem.length() > other.length() + 1 && stem.startsWith(other) && stem.charAt(other.length()) == '-'
                        && (base.equals(stem) || other.length() > base.length())) {
                    base = other;
                }
            }
            String profile = base.equals(stem) ? null : stem.substring(base.length() + 1);
            names.put(f, new String[] {extension(f.fileName()), profile});
            bases.computeIfAbsent(base, k -> new ArrayList<>()).add(f);
        }
        for (List<ConfigFile> files : bases.values()) {
            boolean spring = false;
            for (ConfigFile f : files) spring |= holdsSpringMail(f);
            if (!spring) {
                for (ConfigFile f : files) units.add(new ConfigUnit(Collections.singletonList(f), false));
                continue;
            }
            List<String[]> n = new ArrayList<>(files.size());
            for (ConfigFile f : files) n.add(names.get(f));
            units.add(new ConfigUnit(files, true, n));
        }
    }

    private static boolean holdsSpringMail(ConfigFile f) {
        for (ConfigEntry e : f.entries()) {
            String k = e.key();
            if (k.regionMatches(true, 0, "spring.", 0, 7) && Keys.mergeKey(k).startsWith("spring.mail.")) return true;
        }
        return false;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static String extension(String fileName) {
        String ext = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return ext;
    }

    /** Folder of a file, or the folder above when the file sits in a {@code config} folder. */
    private static String root(String path) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        if (dir.equals("config")) return "";
        if (dir.endsWith("/config")) return dir.substring(0, dir.length() - "/config".length());
        return dir;
    }

    public List<ConfigFile> files() { return files; }

    /** Per XML file, its mail values as entries ({@link XmlValues}), worked out once. */
    private final Map<ConfigFile, List<ConfigEntry>> xmlEntries = new java.util.IdentityHashMap<>();

    /** The entries of one of the unit's files: as read, or for an XML file the mail values it holds. */
    List<ConfigEntry> entries(ConfigFile f) {
        if (f.xml() == null) return f.entries();
        return xmlEntries.computeIfAbsent(f, XmlValues::of);
    }

    /** Whether the files are Spring's {@code application*} / {@code bootstrap*} set with profile semantics. */
    public boolean isSpring() { return spring; }

    /**
     * The profiles to evaluate: {@code default}, then every profile the unit names (profile-specific file
     * names, {@code spring.config.activate.on-profile}, legacy {@code spring.profiles}), sorted.
     */
    public List<String> profiles() {
        if (profiles == null) {
            TreeSet<String> found = new TreeSet<>();
            if (spring) {
                for (FileInfo f : infos()) {
                    if (f.profile != null) found.add(f.profile);
                    for (String value : f.activations) found.addAll(SpringProfiles.names(value));
                }
            }
            profiles = Collections.unmodifiableList(Source.profiles(MailEndpoint.DEFAULT_PROFILE, found));
        }
        return new ArrayList<>(profiles);
    }

    private List<FileInfo> infos() {
        if (infos == null) {
            List<FileInfo> out = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                out.add(new FileInfo(files.get(i), entries(files.get(i)), spring, names.get(i)));
            }
            infos = out;
        }
        return infos;
    }

    /** Whether the relaxed key, without a trailing {@code [n]}, is one of the two activation keys. */
    private static boolean isActivationKey(String key, String mergeKey) {
        char first = key.isEmpty() ? 'x' : key.charAt(0);
        // an ASCII first character other than s, S, - and _ relaxes to a first letter other than s
        if (first < 0x80 && first != 's' && first != 'S' && first != '-' && first != '_') return false;
        // a key starting with spring. merges under its relaxed form, or under spring.mail.properties.*, which is
        // no activation key either way
        String k = key.regionMatches(true, 0, "spring.", 0, 7) ? mergeKey : Keys.relaxed(key);
        // both keys start so; only then is the index suffix worth a regular expression
        if (!k.startsWith(LEGACY_PROFILES) && !k.startsWith(ON_PROFILE)) return false;
        k = INDEX_SUFFIX.matcher(k).replaceAll("");
        return k.equals(ON_PROFILE) || k.equals(LEGACY_PROFILES);
    }

    /** The effective configuration for a profile (cached: extractors share it). */
    View view(String profile, ExtractContext ctx) {
        View v = views.get(profile);
        if (v == null) {
            v = build(profile, ctx);
            views.put(profile, v);
        }
        return v;
    }

    private View build(String profile, ExtractContext ctx) {
        List<FileInfo> files = ordered(profile);
        int size = 0;
        for (FileInfo f : files) size += entries(f.file).size();
        List<View.Item> items = new ArrayList<>(size);
        for (FileInfo f : files) {
            for (int d = 0; d < f.documents.size(); d++) {
                if (spring && !active(f.expressions.get(d), profile)) continue;
                items.addAll(f.documents.get(d));
            }
        }
        return View.of(profile, items, ctx);
    }

    /**
     * The files that apply to a profile, lowest precedence first, as Spring Boot orders its config data: the files
     * without a profile in their name, then the profile's own; within each, the folder before its {@code config/}
     * subfolder, and {@code yml}, {@code yaml}, {@code properties} in that order, else file order. Sorted once per
     * unit (n log n in the files); each profile then costs only the files that apply to it.
     */
    private List<FileInfo> ordered(String profile) {
        if (!spring) return infos();
        if (byProfile == null) {
            List<FileInfo> sorted = new ArrayList<>();
            for (FileInfo f : infos()) {
                if (f.ext != null) sorted.add(f);
            }
            Collections.sort(sorted, PRECEDENCE); // stable: equal files keep their order
            Map<String, List<FileInfo>> m = new HashMap<>();
            for (FileInfo f : sorted) {
                orderingSteps++;
                m.computeIfAbsent(f.profile, k -> new ArrayList<>()).add(f);
            }
            byProfile = m;
        }
        List<FileInfo> base = byProfile.get(null);
        List<FileInfo> own = byProfile.get(profile);
        List<FileInfo> out = new ArrayList<>((base == null ? 0 : base.size()) + (own == null ? 0 : own.size()));
        if (base != null) out.addAll(base);
        if (own != null) out.addAll(own);
        orderingSteps += out.size();
        return out;
    }

    private static final Comparator<FileInfo> PRECEDENCE = (a, b) -> {
        int c = Boolean.compare(a.inConfigDir, b.inConfigDir);
        return c != 0 ? c : Integer.compare(EXTENSION_ORDER.indexOf(a.ext), EXTENSION_ORDER.indexOf(b.ext));
    };

    /** Work the ordering has done (files placed and handed out), for tests that count it. */
    int orderingSteps() { return orderingSteps; }

    private static boolean isInConfigDir(String path) {
        return path.startsWith("config/") && path.indexOf('/', 7) < 0 || path.contains("/config/") && !path.substring(path.indexOf("/config/") + 8).contains("/");
    }

    private static boolean active(List<String> expressions, String profile) {
        if (expressions.isEmpty()) return true;
        List<String> activeSet = Collections.singletonList(profile);
        for (String expr : expressions) { // a list matches when any element does
            if (SpringProfiles.matches(expr, activeSet)) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        for (ConfigFile f : files) names.add(f.path());
        return (spring ? "spring" : "file") + names;
    }
}
