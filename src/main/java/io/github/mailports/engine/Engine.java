package io.github.mailports.engine;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigParseException;
import io.github.mailports.config.ConfigReaders;
import io.github.mailports.extract.ConfigUnit;
import io.github.mailports.extract.ExtractContext;
import io.github.mailports.extract.Extractors;
import io.github.mailports.model.MailEndpoint;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The whole check, one way: find files, read and parse them, extract endpoints, run the rules, merge the
 * same finding across profiles, apply per-rule overrides. Knows nothing of Maven; safe to run concurrently.
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
        List<ConfigFile> parsed = new ArrayList<>();
        for (FileFinder.Odd odd : found.odd) {
            findings.add(parseError(odd.path, 1, 1, odd.path + " " + odd.reason));
        }
        for (String link : found.links) {
            notes.add(link + " is a symbolic link and was not followed");
        }
        for (String rel : found.files) {
            ConfigFile file = read(request.baseDir(), rel, findings, notes);
            if (file != null) parsed.add(file);
        }
        List<String> read = new ArrayList<>();
        for (ConfigFile f : parsed) read.add(f.path());
        for (Finding f : findings) {
            if (!read.contains(f.location().file()) && found.files.contains(f.location().file())) read.add(f.location().file());
        }
        Collections.sort(read);
        return evaluate(request, parsed, findings, read, notes);
    }

    /** Checks already parsed files (for callers that read files themselves, and for tests). */
    public static CheckResult check(CheckRequest request, List<ConfigFile> files) {
        List<String> paths = new ArrayList<>();
        for (ConfigFile f : files) paths.add(f.path());
        return evaluate(request, files, new ArrayList<Finding>(), paths, new ArrayList<String>());
    }

    private static CheckResult evaluate(CheckRequest request, List<ConfigFile> parsed, List<Finding> findings,
                                        List<String> read, List<String> notes) {
        ExtractContext ctx = ExtractContext.of(request.properties(), request.mavenProperties());
        List<MailEndpoint> endpoints = Extractors.extract(ConfigUnit.group(parsed), ctx);
        findings.addAll(Rules.check(endpoints, new RuleContext(request.allowCleartextHosts())));
        List<Finding> merged = new ArrayList<>();
        for (Finding f : mergeProfiles(findings)) {
            if (!request.isEnabled(f.ruleId())) continue;
            merged.add(f.withSeverity(request.severity(f.ruleId(), f.severity())));
        }
        return new CheckResult(merged, summarize(endpoints), read, notes);
    }

    private static ConfigFile read(Path base, String rel, List<Finding> findings, List<String> notes) {
        Path p = base.resolve(rel);
        try {
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
                findings.add(parseError(rel, 1, 1, rel + " is " + (size / (1024 * 1024)) + " MiB, larger than the "
                        + (MAX_FILE_BYTES / (1024 * 1024)) + " MiB a configuration file may have; it was not parsed"));
                return null;
            }
            if (ConfigReaders.formatOf(rel) == null) {
                notes.add(rel + " matched the file selection, but no reader for its format is available; it was not checked");
                return null;
            }
            return ConfigReaders.read(rel, Files.readAllBytes(p));
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

    private static List<EndpointSummary> summarize(List<MailEndpoint> endpoints) {
        Map<String, MailEndpoint> first = new LinkedHashMap<>();
        Map<String, TreeSet<String>> profiles = new LinkedHashMap<>();
        for (MailEndpoint e : endpoints) {
            String k = EndpointSummary.mergeKey(e);
            first.putIfAbsent(k, e);
            profiles.computeIfAbsent(k, x -> new TreeSet<>()).add(e.profile());
        }
        List<EndpointSummary> out = new ArrayList<>();
        for (Map.Entry<String, MailEndpoint> e : first.entrySet()) {
            out.add(new EndpointSummary(e.getValue(), new ArrayList<>(profiles.get(e.getKey()))));
        }
        return out;
    }
}
