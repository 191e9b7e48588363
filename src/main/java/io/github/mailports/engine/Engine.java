package io.github.mailports.engine;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigFormat;
import io.github.mailports.config.ConfigParseException;
import io.github.mailports.config.ConfigReaders;
import io.github.mailports.config.JavaReader;
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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The whole check, one pipeline over one record per selected file ({@link FileRecord}, in path order):
 * <ol>
 *   <li>select the files by name ({@link FileSource}: the files under the base directory, or files a caller holds);</li>
 *   <li>read them batch by batch, a batch being the files read together ({@link ConfigUnit#batches}, by name, once,
 *       before any read);</li>
 *   <li>extract each batch's endpoints and evaluate the rules on them, mask the batch's secrets in what they report,
 *       then drop the batch's files: memory is bounded by the largest batch, not by the number of files;</li>
 *   <li>decide each finding once (the same finding in several profiles merged, rules switched off dropped, severity
 *       overrides applied), then mark what the inline directives suppress and what the baseline accepts;</li>
 *   <li>report: at most {@link #MAX_FINDINGS_PER_FILE} findings and endpoints per file ({@link Limits}), one
 *       {@link CheckResult}.</li>
 * </ol>
 * Knows nothing of Maven; safe to run concurrently (each run has its own state).
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

    private final CheckRequest request;
    private final LibraryVersions libraries;
    private final ExtractContext ctx;
    /** What the rules found, batch by batch, each batch's secrets masked. */
    private final List<Finding> ruleFindings = new ArrayList<>();
    /** Summed up batch by batch: an endpoint never spans batches. */
    private final List<EndpointSummary> endpoints = new ArrayList<>();
    /** Every batch's secrets, by prefix only: for the texts that come at the end (reasons, notes). */
    private final Secrets allSecrets = new Secrets();
    /** Parsed files held now, and the most held at once (the streaming bound, for tests that count it). */
    private int held;
    int peakHeld;

    Engine(CheckRequest request) {
        this.request = request;
        this.libraries = LibraryVersionSources.resolve(request);
        this.ctx = ExtractContext.of(request.properties(), request.mavenProperties()).withLibraries(libraries);
    }

    /** Checks the files selected under the request's base directory. */
    public static CheckResult run(CheckRequest request) throws IOException {
        try (FileSource disk = FileSource.disk(request)) {
            return new Engine(request).run(disk);
        }
    }

    /**
     * Checks files the caller holds (relative path with {@code /} separators, to bytes) as the selection under the
     * request's base directory, through the same pipeline: for a caller that has the text already (an editor, a test).
     */
    public static CheckResult run(CheckRequest request, Map<String, byte[]> files) {
        try {
            return new Engine(request).run(FileSource.memory(files));
        } catch (IOException e) { // the selection of held files reads nothing
            throw new UncheckedIOException(e);
        }
    }

    CheckResult run(FileSource source) throws IOException {
        FileFinder selection = source.select();
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (FileFinder.Odd odd : selection.odd) {
            findings.add(parseError(odd.path, 1, 1, odd.path + " " + odd.reason));
        }
        for (String link : selection.links) {
            notes.add(link + " is a symbolic link and was not followed");
        }
        if (!libraries.mailLibraries().isEmpty()) {
            notes.add("mail library versions used (from " + libraries.origin() + "): " + String.join(", ", libraries.mailLibraries())
                    + "; see docs/versions.md");
        }
        List<FileRecord> files = new ArrayList<>(selection.files.size());
        for (String path : selection.files) files.add(new FileRecord(path));
        for (List<FileRecord> batch : ConfigUnit.batches(files, r -> r.path)) check(batch, source);

        // what reading found, in path order, before what the rules found
        List<String> read = new ArrayList<>();
        List<Suppressions.Directive> directives = new ArrayList<>();
        for (FileRecord r : files) {
            if (r.parsedOk || r.error != null) read.add(r.path);
            if (r.error != null) findings.add(r.error);
            if (r.note != null) notes.add(r.note);
            directives.addAll(r.directives);
        }
        Collections.sort(read);
        findings.addAll(ruleFindings);
        return report(findings, directives, read, notes);
    }

    /**
     * Reads one batch, extracts its endpoints and evaluates the rules on them; what they report, the endpoints and the
     * batch's read errors are masked with the batch's secrets ({@link SecretValues}). Then the batch's files are dropped.
     */
    private void check(List<FileRecord> batch, FileSource source) {
        List<ConfigFile> parsed = new ArrayList<>(batch.size());
        for (FileRecord r : batch) {
            r.read(source);
            if (r.parsed != null) parsed.add(r.parsed);
        }
        held += parsed.size();
        peakHeld = Math.max(peakHeld, held);
        Secrets secrets = SecretValues.of(parsed, request);
        List<MailEndpoint> found = Extractors.extract(parsed, ctx);
        SecretValues.addHosts(secrets, found);
        for (Finding f : Rules.check(found, new RuleContext(request.allowCleartextHosts(), libraries))) {
            ruleFindings.add(redact(f, secrets));
        }
        for (EndpointSummary e : summarize(found, libraries)) endpoints.add(e.redacted(secrets));
        for (FileRecord r : batch) {
            if (r.error != null) r.error = redact(r.error, secrets);
            r.parsed = null;
        }
        held -= parsed.size();
        allSecrets.addPrefixes(secrets);
    }

    /**
     * Decides each finding once, applies the inline directives, then the baseline (a suppressed finding never
     * consumes a baseline entry), and bounds what each file adds to the result.
     */
    private CheckResult report(List<Finding> findings, List<Suppressions.Directive> directives, List<String> read,
                               List<String> notes) {
        List<Reported> decided = decide(findings);
        Suppressions.apply(directives, decided, request);
        decided = request.baseline().apply(decided, notes);
        List<Finding> out = new ArrayList<>(decided.size());
        for (Reported r : decided) out.add(r.result(allSecrets));
        List<String> safeNotes = new ArrayList<>(notes.size());
        for (String n : notes) safeNotes.add(allSecrets.redact(n));
        return Limits.apply(out, endpoints, read, safeNotes);
    }

    /**
     * The findings as reported, each built here once: the same finding in several profiles is one finding naming them
     * all; findings of rules switched off are dropped; a rule's severity override is applied.
     */
    private List<Reported> decide(List<Finding> findings) {
        Map<String, Finding> first = new LinkedHashMap<>();
        Map<String, TreeSet<String>> profiles = new LinkedHashMap<>();
        for (Finding f : findings) {
            String k = f.mergeKey();
            first.putIfAbsent(k, f);
            profiles.computeIfAbsent(k, x -> new TreeSet<>()).addAll(f.profiles());
        }
        List<Reported> out = new ArrayList<>(first.size());
        for (Map.Entry<String, Finding> e : first.entrySet()) {
            Finding f = e.getValue();
            if (!request.isEnabled(f.ruleId())) continue;
            out.add(new Reported(Finding.of(f.rule(), request.severity(f.ruleId(), f.severity()), f.location(), f.key(),
                    f.subject(), new ArrayList<>(profiles.get(e.getKey())), f.message(), f.fix())));
        }
        return out;
    }

    /**
     * One selected file through the pipeline: its path; once read, its parsed form (until its batch is checked) and
     * its suppression directives, or why it was not parsed (an MP900 finding, or a note for a format no reader takes).
     */
    static final class FileRecord {
        /** The byte test a Java source passes before it is kept and parsed (JavaReader#mentionsMail). */
        private static final FileFinder.Keep JAVA_MAIL = JavaReader::mentionsMail;

        final String path;
        ConfigFile parsed;
        boolean parsedOk;
        Finding error;
        String note;
        List<Suppressions.Directive> directives = Collections.emptyList();

        FileRecord(String path) {
            this.path = path;
        }

        void read(FileSource source) {
            ConfigFile file = parse(source);
            if (file != null) {
                parsed = file;
                // a Java source the cheap scan found no mail in is not counted as a checked file (5,000 of them would
                // each be a test suite in the JUnit report)
                parsedOk = file.java() == null || file.java().isParsed();
                directives = Suppressions.directives(file);
            }
        }

        private ConfigFile parse(FileSource source) {
            try {
                ConfigFormat format = ConfigReaders.formatOf(path);
                if (format == null) {
                    long size = source.size(path);
                    if (size > MAX_FILE_BYTES) {
                        error = tooLarge(path, size);
                        return null;
                    }
                    note = path + " matched the file selection, but no reader for its format is available; it was not checked";
                    return null;
                }
                // one open that follows no symbolic link (FileFinder#read), the size from its attributes, one read into
                // a reused buffer; a Java source the byte test finds no mail in is never copied out nor parsed
                boolean java = format == ConfigFormat.JAVA;
                FileFinder.Read r = source.read(path, MAX_FILE_BYTES, java ? JAVA_MAIL : FileFinder.ALL);
                if (!r.kept) return null;
                if (r.bytes == null) {
                    error = tooLarge(path, r.size);
                    return null;
                }
                return ConfigReaders.read(path, r.bytes);
            } catch (ConfigParseException e) {
                // a Java source without mail settings: a note that never fails the build by itself (JavaReader.read)
                error = parseError(e.isNote() ? Severity.INFO : Severity.ERROR, path, e.line(), e.column(),
                        path + " cannot be parsed: " + e.getMessage());
            } catch (FileFinder.ChangedFileException e) {
                error = parseError(path, 1, 1, path + " " + e.getMessage());
            } catch (IOException e) {
                error = parseError(path, 1, 1, path + " cannot be read (" + e.getClass().getSimpleName() + ")");
            } catch (RuntimeException | StackOverflowError e) {
                // A reader bug must not crash the build or leak the file's text: report the file, check the others.
                error = parseError(path, 1, 1, path + " cannot be parsed: the reader failed ("
                        + e.getClass().getSimpleName() + "); please report this file's shape");
            }
            return null;
        }
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

    private static Finding tooLarge(String rel, long size) {
        // a Java source this large is generated code, not a mail setting: a note
        return parseError(rel.endsWith(".java") ? Severity.INFO : Severity.ERROR, rel, 1, 1, rel + " is "
                + (size / (1024 * 1024)) + " MiB, larger than the " + (MAX_FILE_BYTES / (1024 * 1024))
                + " MiB a configuration file may have; it was not parsed");
    }

    private static Finding parseError(String rel, int line, int column, String message) {
        return parseError(Severity.ERROR, rel, line, column, message);
    }

    private static Finding parseError(Severity severity, String rel, int line, int column, String message) {
        return Finding.of(Rules.PARSE_ERROR, severity, SourceLocation.of(rel, line, column), null, null,
                Collections.<String>emptyList(), message, "fix the syntax at this position; the other files were still checked");
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
