package io.github.mailports.extract;

import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigFormat;
import io.github.mailports.model.MailEndpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files that one application reads together. A Spring-style unit is {@code application.*} (or
 * {@code bootstrap.*}) of one folder and its {@code config/} subfolder with their profile-specific siblings;
 * every other file is a unit of its own.
 */
public final class ConfigUnit {
    private static final Pattern SPRING_NAME =
            Pattern.compile("(application|bootstrap)(?:-([^.]+))?\\.(properties|yml|yaml)");
    private static final List<String> EXTENSION_ORDER = Arrays.asList("yml", "yaml", "properties");
    private static final String ON_PROFILE = Keys.relaxed("spring.config.activate.on-profile");
    private static final String LEGACY_PROFILES = Keys.relaxed("spring.profiles");

    private final List<ConfigFile> files;
    private final boolean spring;
    private final Map<String, View> views = new LinkedHashMap<>();

    private ConfigUnit(List<ConfigFile> files, boolean spring) {
        this.files = Collections.unmodifiableList(new ArrayList<>(files));
        this.spring = spring;
    }

    /** Groups parsed files into units, in a stable order. */
    public static List<ConfigUnit> group(List<ConfigFile> parsed) {
        Map<String, List<ConfigFile>> springGroups = new LinkedHashMap<>();
        List<ConfigUnit> units = new ArrayList<>();
        for (ConfigFile f : parsed) {
            Matcher m = SPRING_NAME.matcher(f.fileName());
            if (f.format() != ConfigFormat.XML && m.matches()) {
                springGroups.computeIfAbsent(root(f.path()) + "\u0000" + m.group(1), k -> new ArrayList<>()).add(f);
            } else {
                units.add(new ConfigUnit(Collections.singletonList(f), false));
            }
        }
        for (List<ConfigFile> group : springGroups.values()) {
            units.add(new ConfigUnit(group, true));
        }
        return units;
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

    /** Whether the files are Spring's {@code application*} / {@code bootstrap*} set with profile semantics. */
    public boolean isSpring() { return spring; }

    /**
     * The profiles to evaluate: {@code default}, then every profile the unit names (profile-specific file
     * names, {@code spring.config.activate.on-profile}, legacy {@code spring.profiles}), sorted.
     */
    public List<String> profiles() {
        TreeSet<String> found = new TreeSet<>();
        if (spring) {
            for (ConfigFile f : files) {
                Matcher m = SPRING_NAME.matcher(f.fileName());
                if (m.matches() && m.group(2) != null) found.add(m.group(2));
                for (ConfigEntry e : f.entries()) {
                    if (isActivationKey(e.key())) found.addAll(SpringProfiles.names(e.value()));
                }
            }
        }
        found.remove(MailEndpoint.DEFAULT_PROFILE);
        List<String> out = new ArrayList<>();
        out.add(MailEndpoint.DEFAULT_PROFILE);
        out.addAll(found);
        return out;
    }

    private static boolean isActivationKey(String key) {
        String k = Keys.relaxed(key).replaceAll("\\[\\d+\\]$", "");
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
        List<ConfigEntry> entries = new ArrayList<>();
        List<ConfigFile> owners = new ArrayList<>();
        for (ConfigFile f : ordered(profile)) {
            for (int d = 0; d < f.documentCount(); d++) {
                List<ConfigEntry> doc = f.document(d);
                if (spring && !active(doc, profile)) continue;
                for (ConfigEntry e : doc) {
                    entries.add(e);
                    owners.add(f);
                }
            }
        }
        return View.of(profile, files, entries, owners, ctx);
    }

    /** The files that apply to a profile, lowest precedence first, as Spring Boot orders its config data. */
    private List<ConfigFile> ordered(String profile) {
        if (!spring) return files;
        List<ConfigFile> out = new ArrayList<>();
        for (boolean profileSpecific : new boolean[] {false, true}) {
            for (boolean inConfigDir : new boolean[] {false, true}) {
                for (String ext : EXTENSION_ORDER) {
                    for (ConfigFile f : files) {
                        Matcher m = SPRING_NAME.matcher(f.fileName());
                        if (!m.matches() || !m.group(3).equals(ext) || isInConfigDir(f.path()) != inConfigDir) continue;
                        String p = m.group(2);
                        if (profileSpecific ? profile.equals(p) : p == null) out.add(f);
                    }
                }
            }
        }
        return out;
    }

    private static boolean isInConfigDir(String path) {
        return path.startsWith("config/") && path.indexOf('/', 7) < 0 || path.contains("/config/") && !path.substring(path.indexOf("/config/") + 8).contains("/");
    }

    private static boolean active(List<ConfigEntry> doc, String profile) {
        List<String> expressions = new ArrayList<>();
        for (ConfigEntry e : doc) {
            if (isActivationKey(e.key())) expressions.add(e.value());
        }
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
