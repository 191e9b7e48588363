package io.github.mailports.engine;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigParseException;
import io.github.mailports.config.ConfigReaders;
import io.github.mailports.extract.ConfigUnit;
import io.github.mailports.extract.ExtractContext;
import io.github.mailports.extract.Extractors;
import io.github.mailports.model.LibraryVersions;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.SourceLocation;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.RuleContext;
import io.github.mailports.rules.Rules;
import io.github.mailports.rules.Severity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole check, one way: find files, read and parse them, extract endpoints, run the rules, merge the
 * same finding across profiles, apply per-rule overrides, inline suppressions and the baseline. Knows nothing of
 * Maven; safe to run concurrently.
 */
public final class Engine {
    /** Files larger than this are not parsed (MP900): configuration files are kilobytes. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private Engine() {
    }

    public static CheckResult run(CheckRequest request) throws IOException {
        FileFinder found = FileFinder.scan(request.baseDir(), request.includes(), request.excludes());
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (FileFinder.Odd odd : found.odd) {
            findings.add(parseError(odd.path, 1, 1, odd.path + " " + odd.reason));
        }
        for (String link : found.links) {
            notes.add(link + " is a symbolic link and was not followed");
        }
        // Files are read unit by unit (a file of its own, or one folder's Spring application*/bootstrap* set, grouped
        // by name before any read) and dropped once their unit is checked: memory is bounded by the largest unit, not
        // by the number of files. Units run in the order ConfigUnit.group gives them; what reading adds to findings
        // and notes is kept in path order, so the result is the same as reading every file first.
        List<String> files = found.files;
        int n = files.size();
        List<List<Integer>> units = new ArrayList<>();
        Map<String, List<Integer>> springGroups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String group = ConfigUnit.springGroup(files.get(i));
            if (group == null) units.add(Collections.singletonList(i));
            else springGroups.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
        }
        units.addAll(springGroups.values());
        Finding[] readErrors = new Finding[n];
        String[] readNotes = new String[n];
        boolean[] parsedOk = new boolean[n];
        List<List<Suppressions.Directive>> directives = new ArrayList<>(Collections.<List<Suppressions.Directive>>nCopies(n, null));
        LibraryVersions libraries = LibraryVersionSources.resolve(request);
        if (!libraries.mailLibraries().isEmpty()) {
            notes.add("mail library versions used (from " + libraries.origin() + "): " + String.join(", ", libraries.mailLibraries())
                    + "; see docs/versions.md");
        }
        ExtractContext ctx = ExtractContext.of(request.properties(), request.mavenProperties()).withLibraries(libraries);
        RuleContext rules = new RuleContext(request.allowCleartextHosts(), libraries);
        List<EndpointSummary> endpoints = new ArrayList<>(); // summed up unit by unit: an endpoint never spans units
        for (List<Integer> unit : units) {
            List<ConfigFile> parsed = new ArrayList<>(unit.size());
            for (int i : unit) {
                List<Finding> error = new ArrayList<>(1);
                List<String> note = new ArrayList<>(1);
                ConfigFile file = read(request.baseDir(), files.get(i), error, note);
                if (!error.isEmpty()) readErrors[i] = error.get(0);
                if (!note.isEmpty()) readNotes[i] = note.get(0);
                if (file != null) {
                    parsed.add(file);
                    parsedOk[i] = true;
                    directives.set(i, Suppressions.directives(file));
                }
            }
            List<MailEndpoint> unitEndpoints = Extractors.extract(ConfigUnit.group(parsed), ctx);
            Rules.check(unitEndpoints, rules); // the context collects the findings of every unit
            endpoints.addAll(summarize(unitEndpoints, libraries));
        }
        List<Suppressions.Directive> allDirectives = new ArrayList<>();
        Set<String> selected = new HashSet<>(files);
        Set<String> readSet = new HashSet<>();
        List<String> read = new ArrayList<>();
        for (Finding f : findings) { // the odd paths found: never a selected file, kept for the same rule as below
            if (selected.contains(f.location().file()) && readSet.add(f.location().file())) read.add(f.location().file());
        }
        for (int i = 0; i < n; i++) {
            if (parsedOk[i] && readSet.add(files.get(i))) read.add(files.get(i));
            if (readErrors[i] != null) {
                findings.add(readErrors[i]);
                String file = readErrors[i].location().file();
                if (selected.contains(file) && readSet.add(file)) read.add(file);
            }
            if (readNotes[i] != null) notes.add(readNotes[i]);
            if (directives.get(i) != null) allDirectives.addAll(directives.get(i));
        }
        Collections.sort(read);
        findings.addAll(rules.findings());
        return finish(request, findings, endpoints, allDirectives, read, notes);
    }

    /** Checks already parsed files (for callers that read files themselves, and for tests). */
    public static CheckResult check(CheckRequest request, List<ConfigFile> files) {
        List<String> paths = new ArrayList<>();
        for (ConfigFile f : files) paths.add(f.path());
        return evaluate(request, files, new ArrayList<Finding>(), paths, new ArrayList<String>());
    }

    private static CheckResult evaluate(CheckRequest request, List<ConfigFile> parsed, List<Finding> findings,
                                        List<String> read, List<String> notes) {
        LibraryVersions libraries = LibraryVersionSources.resolve(request);
        ExtractContext ctx = ExtractContext.of(request.properties(), request.mavenProperties()).withLibraries(libraries);
        List<MailEndpoint> endpoints = Extractors.extract(ConfigUnit.group(parsed), ctx);
        findings.addAll(Rules.check(endpoints, new RuleContext(request.allowCleartextHosts(), libraries)));
        List<Suppressions.Directive> directives = new ArrayList<>();
        for (ConfigFile f : parsed) directives.addAll(Suppressions.directives(f));
        return finish(request, findings, summarize(endpoints, libraries), directives, read, notes);
    }

    private static CheckResult finish(CheckRequest request, List<Finding> findings, List<EndpointSummary> endpoints,
                                      List<Suppressions.Directive> directives, List<String> read, List<String> notes) {
        List<Finding> merged = new ArrayList<>();
        for (Finding f : mergeProfiles(findings)) {
            if (!request.isEnabled(f.ruleId())) continue;
            merged.add(f.withSeverity(request.severity(f.ruleId(), f.severity())));
        }
        // inline directives, then the baseline: a suppressed finding never consumes a baseline entry
        merged = request.baseline().apply(Suppressions.applyDirectives(directives, merged, request), notes);
        return new CheckResult(merged, endpoints, read, notes);
    }

    private static ConfigFile read(Path base, String rel, List<Finding> findings, List<String> notes) {
        Path p = base.resolve(rel);
        try {
            if (ConfigReaders.formatOf(rel) == null) {
                long size = Files.size(p);
                if (size > MAX_FILE_BYTES) {
                    findings.add(tooLarge(rel, size));
                    return null;
                }
                notes.add(rel + " matched the file selection, but no reader for its format is available; it was not checked");
                return null;
            }
            byte[] bytes = readBounded(p, rel, findings);
            return bytes == null ? null : ConfigReaders.read(rel, bytes);
        } catch (ConfigParseException e) {
            findings.add(parseError(rel, e.line(), e.column(), rel + " cannot be parsed: " + e.getMessage()));
        } catch (IOException e) {
            findings.add(parseError(rel, 1, 1, rel + " cannot be read (" + e.getClass().getSimpleName() + ")"));
        } catch (RuntimeException | StackOverflowError e) {
            // A reader bug must not crash the build or leak the file's text: report the file, check the others.
            findings.add(parseError(rel, 1, 1, rel + " cannot be parsed: the reader failed ("
                    + e.getClass().getSimpleName() + "); please report this file's shape"));
        }
        return null;
    }

    /**
     * The bytes of a file, or null (with MP900 reported) when it is larger than {@link #MAX_FILE_BYTES}: one open,
     * the size from the open file, one read (no separate look-up of the size by path).
     */
    private static byte[] readBounded(Path p, String rel, List<Finding> findings) throws IOException {
        RandomAccessFile opened;
        try {
            opened = new RandomAccessFile(p.toFile(), "r");
        } catch (IOException | UnsupportedOperationException e) {
            // the way it always was, so that a file that cannot be opened gives the same finding as before
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
                findings.add(tooLarge(rel, size));
                return null;
            }
            return Files.readAllBytes(p);
        }
        try (RandomAccessFile file = opened) {
            long size = file.length();
            if (size > MAX_FILE_BYTES) {
                findings.add(tooLarge(rel, size));
                return null;
            }
            byte[] bytes = new byte[(int) size];
            int n = 0;
            while (n < bytes.length) {
                int r = file.read(bytes, n, bytes.length - n);
                if (r < 0) return Arrays.copyOf(bytes, n); // it shrank while it was read
                n += r;
            }
            int next = file.read();
            if (next < 0) return bytes;
            // it grew while it was read: take the rest too, as Files.readAllBytes does
            ByteArrayOutputStream all = new ByteArrayOutputStream(bytes.length * 2);
            all.write(bytes);
            all.write(next);
            byte[] buffer = new byte[8192];
            for (int r; (r = file.read(buffer)) > 0; ) all.write(buffer, 0, r);
            return all.toByteArray();
        }
    }

    private static Finding tooLarge(String rel, long size) {
        return parseError(rel, 1, 1, rel + " is " + (size / (1024 * 1024)) + " MiB, larger than the "
                + (MAX_FILE_BYTES / (1024 * 1024)) + " MiB a configuration file may have; it was not parsed");
    }

    private static Finding parseError(String rel, int line, int column, String message) {
        return Finding.of(Rules.PARSE_ERROR, Severity.ERROR, SourceLocation.of(rel, line, column), null, null,
                Collections.<String>emptyList(), message, "fix the syntax at this position; the other files were still checked");
    }

    /** The same finding in several profiles is one finding naming them all. */
    private static List<Finding> mergeProfiles(List<Finding> findings) {
        Map<String, Finding> first = new LinkedHashMap<>();
        Map<String, TreeSet<String>> profiles = new LinkedHashMap<>();
        for (Finding f : findings) {
            String k = f.mergeKey();
            first.putIfAbsent(k, f);
            profiles.computeIfAbsent(k, x -> new TreeSet<>()).addAll(f.profiles());
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Finding> e : first.entrySet()) {
            out.add(e.getValue().withProfiles(new ArrayList<>(profiles.get(e.getKey()))));
        }
        return out;
    }

    private static List<EndpointSummary> summarize(List<MailEndpoint> endpoints, LibraryVersions libraries) {
        Map<String, MailEndpoint> first = new LinkedHashMap<>();
        Map<String, TreeSet<String>> profiles = new LinkedHashMap<>();
        for (MailEndpoint e : endpoints) {
            String k = EndpointSummary.mergeKey(e);
            first.putIfAbsent(k, e);
            profiles.computeIfAbsent(k, x -> new TreeSet<>()).add(e.profile());
        }
        List<EndpointSummary> out = new ArrayList<>();
        for (Map.Entry<String, MailEndpoint> e : first.entrySet()) {
            out.add(new EndpointSummary(e.getValue(), new ArrayList<>(profiles.get(e.getKey())),
                    libraries.forSource(e.getValue().source(), e.getValue().isJakartaMail())));
        }
        return out;
    }
}
