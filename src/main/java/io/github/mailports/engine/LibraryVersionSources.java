package io.github.mailports.engine;

import io.github.mailports.model.LibraryVersions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the versions of the mail libraries come from without Maven: the {@code libraries} parameter
 * ({@code groupId:artifactId:version,...}, which wins over everything), a {@code gradle.lockfile} (the base directory's
 * and those of its direct sub-folders, the module tops of a Gradle build) and the version catalog
 * {@code gradle/libs.versions.toml}. The Maven plugin supplies the project's own dependency versions on the request;
 * Gradle files are read only when it supplied none.
 */
public final class LibraryVersionSources {
    /** Lock files and catalogs are kilobytes; a larger file is not read. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    /** Sub-folders looked at for a module's {@code gradle.lockfile}. */
    private static final int MAX_MODULES = 200;
    private static final Pattern COORDINATES = Pattern.compile("[A-Za-z0-9_.\\-]+:[A-Za-z0-9_.\\-]+:[A-Za-z0-9_.\\-+]+");
    private static final Pattern TOML_STRING = Pattern.compile("^([A-Za-z0-9_.\\-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern TOML_TABLE = Pattern.compile("^([A-Za-z0-9_.\\-]+)\\s*=\\s*\\{(.*)\\}");

    private LibraryVersionSources() {
    }

    /**
     * Parses the parameter: entries {@code groupId:artifactId:version} separated by commas or white space.
     *
     * @throws IllegalArgumentException naming an entry that is not of that form
     */
    public static Map<String, String> parseParameter(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) return out;
        for (String entry : value.split("[,\\s]+")) {
            if (entry.isEmpty()) continue;
            if (!COORDINATES.matcher(entry).matches()) {
                throw new IllegalArgumentException("libraries: '" + entry + "' is not groupId:artifactId:version"
                        + " (for example com.sun.mail:javax.mail:1.6.2)");
            }
            int last = entry.lastIndexOf(':');
            out.put(entry.substring(0, last), entry.substring(last + 1));
        }
        return out;
    }

    /**
     * The versions a check uses: the parameter's, over the project's (from Maven), else over those in the Gradle files
     * at the base directory.
     */
    public static LibraryVersions resolve(CheckRequest request) {
        Map<String, String> versions = new TreeMap<>();
        List<String> origins = new ArrayList<>();
        if (!request.projectLibraries().isEmpty()) {
            versions.putAll(request.projectLibraries());
            origins.add(request.projectLibrariesOrigin());
        } else {
            Map<String, String> locked = lockfiles(request.baseDir());
            if (!locked.isEmpty()) {
                versions.putAll(locked);
                origins.add("gradle.lockfile");
            } else {
                Map<String, String> catalog = catalog(request.baseDir().resolve("gradle").resolve("libs.versions.toml"));
                if (!catalog.isEmpty()) {
                    versions.putAll(catalog);
                    origins.add("gradle/libs.versions.toml");
                }
            }
        }
        if (!request.libraries().isEmpty()) {
            versions.putAll(request.libraries());
            origins.add(0, "the libraries parameter");
        }
        return LibraryVersions.of(versions, String.join(" and ", origins));
    }

    /** {@code gradle.lockfile} at the base directory and in its direct sub-folders; the highest version of each artifact. */
    static Map<String, String> lockfiles(Path base) {
        Map<String, String> out = new TreeMap<>();
        lockfile(base.resolve("gradle.lockfile"), out);
        if (Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            int seen = 0;
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base)) {
                for (Path d : dirs) {
                    if (++seen > MAX_MODULES) break;
                    if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) lockfile(d.resolve("gradle.lockfile"), out);
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable folder gives no versions: the newest are assumed
            }
        }
        return out;
    }

    /** Lines {@code group:artifact:version=configuration,...}; only those of a runtime class path count. */
    static void lockfile(Path file, Map<String, String> out) {
        String text = read(file);
        if (text == null) return;
        for (String line : text.split("\r?\n")) {
            String l = line.trim();
            int eq = l.indexOf('=');
            if (l.startsWith("#") || eq < 0) continue;
            String coordinates = l.substring(0, eq).trim();
            String configurations = l.substring(eq + 1).toLowerCase(Locale.ROOT);
            if (!configurations.contains("runtimeclasspath") || !COORDINATES.matcher(coordinates).matches()) continue;
            int last = coordinates.lastIndexOf(':');
            keepHighest(out, coordinates.substring(0, last), coordinates.substring(last + 1));
        }
    }

    /**
     * A version catalog's {@code [libraries]} (string notation, {@code module} or {@code group}/{@code name}, with a
     * {@code version}, {@code version.ref} or a rich version's {@code strictly}/{@code require}/{@code prefer}) and the
     * Spring Boot plugin of {@code [plugins]}. A catalog declares versions; whether the build uses them is not known.
     */
    static Map<String, String> catalog(Path file) {
        Map<String, String> out = new TreeMap<>();
        String text = read(file);
        if (text == null) return out;
        Map<String, String> refs = new LinkedHashMap<>();
        List<String[]> entries = new ArrayList<>(); // section, line
        String section = "";
        for (String line : text.split("\r?\n")) {
            String l = line.trim();
            if (l.startsWith("#") || l.isEmpty()) continue;
            if (l.startsWith("[")) {
                section = l.replaceAll("[\\[\\]\\s]", "").toLowerCase(Locale.ROOT);
                continue;
            }
            if (section.equals("versions")) {
                Matcher s = TOML_STRING.matcher(l);
                Matcher t = TOML_TABLE.matcher(l);
                if (s.find()) refs.put(s.group(1), s.group(2));
                else if (t.find() && rich(t.group(2)) != null) refs.put(t.group(1), rich(t.group(2)));
            } else if (section.equals("libraries") || section.equals("plugins")) {
                entries.add(new String[] {section, l});
            }
        }
        for (String[] e : entries) {
            String l = e[1];
            Matcher s = TOML_STRING.matcher(l);
            if (e[0].equals("libraries") && s.find()) {
                if (COORDINATES.matcher(s.group(2)).matches()) {
                    int last = s.group(2).lastIndexOf(':');
                    keepHighest(out, s.group(2).substring(0, last), s.group(2).substring(last + 1));
                }
                continue;
            }
            Matcher t = TOML_TABLE.matcher(l);
            if (!t.find()) continue;
            String body = t.group(2);
            String coordinates;
            if (e[0].equals("plugins")) {
                coordinates = "org.springframework.boot".equals(field(body, "id")) ? "org.springframework.boot:spring-boot" : null;
            } else {
                String module = field(body, "module");
                String group = field(body, "group");
                String name = field(body, "name");
                coordinates = module != null ? module : group != null && name != null ? group + ":" + name : null;
            }
            if (coordinates == null) continue;
            String version = field(body, "version");
            if (version == null && field(body, "version.ref") != null) version = refs.get(field(body, "version.ref"));
            if (version == null) {
                Matcher rich = Pattern.compile("version\\s*=\\s*\\{([^}]*)\\}").matcher(body);
                if (rich.find()) {
                    version = rich(rich.group(1));
                    if (version == null) {
                        String ref = field(rich.group(1), "ref");
                        if (ref != null) version = refs.get(ref);
                    }
                }
            }
            if (version != null && !version.isEmpty()) keepHighest(out, coordinates, version);
        }
        return out;
    }

    private static String rich(String body) {
        for (String k : new String[] {"strictly", "require", "prefer"}) {
            String v = field(body, k);
            if (v != null) return v;
        }
        return null;
    }

    private static String field(String body, String name) {
        Matcher m = Pattern.compile("(?:^|[,{\\s])" + Pattern.quote(name) + "\\s*=\\s*\"([^\"]*)\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static void keepHighest(Map<String, String> out, String coordinates, String version) {
        String old = out.get(coordinates);
        if (old == null || LibraryVersions.compare(version, old) > 0) out.put(coordinates, version);
    }

    private static String read(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) return null;
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable file gives no versions: the newest are assumed
        }
    }
}
