package io.github.mailports.engine;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigParseException;
import io.github.mailports.config.ConfigReaders;
import io.github.mailports.extract.ConfigUnit;
import io.github.mailports.extract.ExtractContext;
import io.github.mailports.extract.Extractors;
import io.github.mailports.model.LibraryVersions;
import io.github.mailports.model.MailEndpoint;
import io.github.mailports.model.Secrets;
import io.github.mailports.model.SourceLocation;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.RuleContext;
import io.github.mailports.rules.Rules;
import io.github.mailports.rules.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    /**
     * Findings reported per file, the most severe active ones first; the rest are counted in one MP900 note, so a
     * file that yields 80,000 findings cannot blow the reports up. The same bound holds for endpoints per file.
     */
    public static final int MAX_FINDINGS_PER_FILE = 1000;
    /** A finding's message and fix are cut to this many characters (after secrets are masked). */
    public static final int MAX_MESSAGE_CHARS = 2000;
    /** A finding's key, endpoint name and profile names are cut to this many characters. */
    public static final int MAX_NAME_CHARS = 500;

    private Engine() {
    }

    public static CheckResult run(CheckRequest request) throws IOException {
        FileFinder found = FileFinder.scan(request.baseDir(), request.includes(), request.excludes(), request.skippedPaths());
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
        // a module's Java sources first: the application keys their code reads are known when its Spring files are checked
        List<List<Integer>> javaFirst = new ArrayList<>(units.size());
        for (List<Integer> u : units) if (files.get(u.get(0)).endsWith(".java")) javaFirst.add(u);
        for (List<Integer> u : units) if (!files.get(u.get(0)).endsWith(".java")) javaFirst.add(u);
        units = javaFirst;
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
        List<Finding> ruleFindings = new ArrayList<>();
        List<EndpointSummary> endpoints = new ArrayList<>(); // summed up unit by unit: an endpoint never spans units
        Secrets allSecrets = new Secrets(); // prefixes only: for the texts that come at the end (reasons, notes)
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
                    // a Java source the cheap scan found no mail in is not counted as a checked file (5,000 of them
                    // would each be a test suite in the JUnit report)
                    parsedOk[i] = file.java() == null || file.java().isParsed();
                    directives.set(i, Suppressions.directives(file));
                }
            }
            Secrets secrets = checkUnit(parsed, request, ctx, libraries, ruleFindings, endpoints);
            for (int i : unit) {
                if (readErrors[i] != null) readErrors[i] = redact(readErrors[i], secrets);
            }
            allSecrets.addPrefixes(secrets);
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
        findings.addAll(ruleFindings);
        return finish(request, findings, endpoints, allDirectives, read, notes, allSecrets);
    }

    /**
     * Extracts and checks one unit's parsed files: its findings and endpoints are added, every secret of the unit
     * masked in them (see {@link SecretValues}). Returns the unit's secrets.
     */
    private static Secrets checkUnit(List<ConfigFile> parsed, CheckRequest request, ExtractContext ctx, LibraryVersions libraries,
                                     List<Finding> findings, List<EndpointSummary> endpoints) {
        Secrets secrets = SecretValues.of(parsed, request);
        List<MailEndpoint> unitEndpoints = Extractors.extract(ConfigUnit.group(parsed), ctx);
        SecretValues.addHosts(secrets, unitEndpoints);
        for (Finding f : Rules.check(unitEndpoints, new RuleContext(request.allowCleartextHosts(), libraries))) {
            findings.add(redact(f, secrets));
        }
        for (EndpointSummary e : summarize(unitEndpoints, libraries)) endpoints.add(e.redacted(secrets));
        return secrets;
    }

    /** A finding with every secret masked and every text cut to its bound (before suppressions and baseline). */
    static Finding redact(Finding f, Secrets secrets) {
        String message = cut(secrets.redact(f.message()), MAX_MESSAGE_CHARS);
        String fix = cut(secrets.redact(f.fix()), MAX_MESSAGE_CHARS);
        String key = cut(secrets.redact(f.key()), MAX_NAME_CHARS);
        String subject = cut(secrets.redact(f.subject()), MAX_NAME_CHARS);
        List<String> profiles = new ArrayList<>(f.profiles().size());
        for (String p : f.profiles()) profiles.add(cut(secrets.redact(p), MAX_NAME_CHARS));
        if (message.equals(f.message()) && Objects.equals(fix, f.fix()) && Objects.equals(key, f.key())
                && Objects.equals(subject, f.subject()) && profiles.equals(f.profiles())) {
            return f;
        }
        return Finding.of(f.rule(), f.severity(), f.location(), key, subject, profiles, message, fix);
    }

    /** The text cut to {@code max} characters (never inside a surrogate pair), saying how much was left out. */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + " [... " + (s.length() - end) + " more characters]";
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
        List<EndpointSummary> endpoints = new ArrayList<>();
        Secrets secrets = checkUnit(parsed, request, ctx, libraries, findings, endpoints);
        List<Suppressions.Directive> directives = new ArrayList<>();
        for (ConfigFile f : parsed) directives.addAll(Suppressions.directives(f));
        return finish(request, findings, endpoints, directives, read, notes, secrets);
    }

    private static CheckResult finish(CheckRequest request, List<Finding> findings, List<EndpointSummary> endpoints,
                                      List<Suppressions.Directive> directives, List<String> read, List<String> notes,
                                      Secrets secrets) {
        List<Finding> merged = new ArrayList<>();
        for (Finding f : mergeProfiles(findings)) {
            if (!request.isEnabled(f.ruleId())) continue;
            merged.add(f.withSeverity(request.severity(f.ruleId(), f.severity())));
        }
        // inline directives, then the baseline: a suppressed finding never consumes a baseline entry
        merged = request.baseline().apply(Suppressions.applyDirectives(directives, merged, request), notes);
        List<Finding> out = new ArrayList<>(merged.size());
        for (Finding f : merged) { // a reason is the user's own comment: it may quote a secret too
            out.add(f.suppressed() ? f.suppressed(cut(secrets.redact(f.suppressionReason()), MAX_MESSAGE_CHARS)) : f);
        }
        List<String> safeNotes = new ArrayList<>(notes.size());
        for (String n : notes) safeNotes.add(secrets.redact(n));
        return Limits.apply(out, endpoints, read, safeNotes);
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
            byte[] bytes = readBounded(base, rel, findings);
            return bytes == null ? null : ConfigReaders.read(rel, bytes);
        } catch (ConfigParseException e) {
            Finding f = parseError(rel, e.line(), e.column(), rel + " cannot be parsed: " + e.getMessage());
            // a Java source without mail settings: a note that never fails the build by itself (JavaReader.read)
            findings.add(e.isNote() ? f.withSeverity(Severity.INFO) : f);
        } catch (FileFinder.ChangedFileException e) {
            findings.add(parseError(rel, 1, 1, rel + " " + e.getMessage()));
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
     * The bytes of a file, or null (with MP900 reported) when it is larger than {@link #MAX_FILE_BYTES}: one open that
     * follows no symbolic link ({@link FileFinder#read}), the size from the open file, one read.
     */
    private static byte[] readBounded(Path base, String rel, List<Finding> findings) throws IOException {
        FileFinder.Read r = FileFinder.read(base, rel, MAX_FILE_BYTES);
        if (r.bytes == null) {
            findings.add(tooLarge(rel, r.size));
            return null;
        }
        return r.bytes;
    }

    private static Finding tooLarge(String rel, long size) {
        Finding f = parseError(rel, 1, 1, rel + " is " + (size / (1024 * 1024)) + " MiB, larger than the "
                + (MAX_FILE_BYTES / (1024 * 1024)) + " MiB a configuration file may have; it was not parsed");
        return rel.endsWith(".java") ? f.withSeverity(Severity.INFO) : f; // generated code, not a mail setting
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
