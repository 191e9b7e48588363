package io.github.mailports.engine;

import io.github.mailports.config.ConfigParseException;
import io.github.mailports.config.JsonTree;
import io.github.mailports.rules.Finding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Findings accepted when the plugin was adopted: a finding that matches an entry is reported as baselined and
 * does not fail the build; a new one does.
 *
 * <p>An entry is keyed by rule id, file path (relative to the base directory, with {@code /}), configuration
 * key, endpoint and profiles, never by line or column, so the baseline survives unrelated edits and works on
 * every machine. Entries count: a baseline that lists a key once accepts one finding with that identity, and
 * a second, new one still fails. The file is JSON (read with SnakeYAML's parser, {@link JsonTree}):
 * <pre>
 * {"version": 1, "findings": [{"ruleId": "MP002", "file": "src/main/resources/application.yml",
 *   "key": "spring.mail.properties.mail.smtp.starttls.enable", "endpoint": "spring.mail", "profiles": ["default"],
 *   "message": "..."}]}
 * </pre>
 * {@code message} (and any other member) is informative only and ignored when matching, so rewording a message in
 * a later version does not invalidate a baseline.
 */
public final class Baseline {
    /** The format version written and understood. */
    public static final int VERSION = 1;
    /** The default file name, in the base directory. */
    public static final String FILE_NAME = "mailports-baseline.json";

    private static final Baseline EMPTY = new Baseline(Collections.<Identity>emptyList(), null);

    private final List<Identity> entries;
    private final String source;

    private Baseline(List<Identity> entries, String source) {
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
        this.source = source;
    }

    /** No baseline: nothing is accepted. */
    public static Baseline none() { return EMPTY; }

    public List<Identity> entries() { return entries; }
    public boolean isEmpty() { return entries.isEmpty(); }

    /** A malformed baseline file: what is wrong and where (1-based line and column). */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        MalformedException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() { return line; }
        public int column() { return column; }
    }

    /** What a baseline entry and a finding are matched on. */
    public static final class Identity implements Comparable<Identity> {
        private final String ruleId;
        private final String file;
        private final String key;
        private final String endpoint;
        private final List<String> profiles;

        public Identity(String ruleId, String file, String key, String endpoint, List<String> profiles) {
            this.ruleId = Objects.requireNonNull(ruleId);
            this.file = Objects.requireNonNull(file);
            this.key = key;
            this.endpoint = endpoint;
            List<String> p = new ArrayList<>(profiles);
            Collections.sort(p);
            this.profiles = Collections.unmodifiableList(p);
        }

        public static Identity of(Finding f) {
            return new Identity(f.ruleId(), f.location().file(), f.key(), f.subject(), f.profiles());
        }

        public String ruleId() { return ruleId; }
        public String file() { return file; }
        public String key() { return key; }
        public String endpoint() { return endpoint; }
        public List<String> profiles() { return profiles; }

        /** A stable text form, e.g. for hashing: the fields joined by NUL characters. */
        public String canonical() {
            return ruleId + '\u0000' + file + '\u0000' + (key == null ? "" : key) + '\u0000'
                    + (endpoint == null ? "" : endpoint) + '\u0000' + String.join(",", profiles);
        }

        @Override
        public int compareTo(Identity o) { return canonical().compareTo(o.canonical()); }

        @Override
        public boolean equals(Object o) { return o instanceof Identity && canonical().equals(((Identity) o).canonical()); }

        @Override
        public int hashCode() { return canonical().hashCode(); }

        @Override
        public String toString() {
            return ruleId + " " + file + (key != null ? " " + key : "") + (endpoint != null ? " (" + endpoint + ")" : "")
                    + (profiles.isEmpty() ? "" : " " + profiles);
        }
    }

    /**
     * What is wrong with a baseline path before it is read or written, in words, or null when it is a regular file or
     * does not exist: a folder, or a FIFO, socket or device (reading a FIFO would wait for a writer forever).
     */
    public static String problem(Path file) {
        if (Files.isDirectory(file)) return "is a folder, not a file: give the path of the baseline file itself";
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return "is not a regular file (a FIFO, socket or device): give the path of an ordinary JSON file";
        }
        return null;
    }

    /** Reads a baseline file; a file that is not a valid baseline is a MalformedException with its position. */
    public static Baseline read(Path file) throws IOException, MalformedException {
        String problem = problem(file);
        if (problem != null) throw new IOException(file + " " + problem);
        long size = Files.size(file);
        if (size > Engine.MAX_FILE_BYTES) {
            throw new MalformedException("the file is larger than " + (Engine.MAX_FILE_BYTES / (1024 * 1024)) + " MiB", 1, 1);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("the file is not valid UTF-8", 1, 1);
        }
        return parse(text, String.valueOf(file.getFileName()));
    }

    /** Parses the text of a baseline file. */
    public static Baseline parse(String text, String source) throws MalformedException {
        JsonTree.Node root;
        try {
            root = JsonTree.parse(text);
        } catch (ConfigParseException e) {
            throw new MalformedException(e.getMessage(), e.line(), e.column());
        }
        if (!root.isObject()) throw wrong(root, "the document must be an object with \"version\" and \"findings\"");
        Map<String, JsonTree.Node> top = root.object();
        JsonTree.Node version = top.get("version");
        if (version == null) throw wrong(root, "\"version\" is missing");
        if (!(version.value() instanceof java.math.BigDecimal) || ((java.math.BigDecimal) version.value()).compareTo(java.math.BigDecimal.valueOf(VERSION)) != 0) {
            throw wrong(version, "\"version\" must be " + VERSION + ", the only format this plugin understands");
        }
        JsonTree.Node findings = top.get("findings");
        if (findings == null) throw wrong(root, "\"findings\" is missing");
        if (!findings.isArray()) throw wrong(findings, "\"findings\" must be an array, not " + findings.kind());
        List<Identity> out = new ArrayList<>();
        for (JsonTree.Node n : findings.array()) {
            if (!n.isObject()) throw wrong(n, "each finding must be an object, not " + n.kind());
            Map<String, JsonTree.Node> m = n.object();
            String ruleId = requiredString(n, m, "ruleId");
            String file = requiredString(n, m, "file");
            if (file.contains("\\") || file.startsWith("/") || file.matches("^[A-Za-z]:.*")) {
                throw wrong(m.get("file"), "\"file\" must be relative to the base directory, with '/' separators");
            }
            String key = optionalString(m, "key");
            String endpoint = optionalString(m, "endpoint");
            List<String> profiles = new ArrayList<>();
            JsonTree.Node p = m.get("profiles");
            if (p != null && !p.isNull()) {
                if (!p.isArray()) throw wrong(p, "\"profiles\" must be an array of strings, not " + p.kind());
                for (JsonTree.Node s : p.array()) {
                    if (!s.isString()) throw wrong(s, "\"profiles\" must be an array of strings; found " + s.kind());
                    profiles.add(s.string());
                }
            }
            out.add(new Identity(ruleId, file, key, endpoint, profiles));
        }
        return new Baseline(out, source);
    }

    private static String requiredString(JsonTree.Node owner, Map<String, JsonTree.Node> m, String name)
            throws MalformedException {
        JsonTree.Node n = m.get(name);
        if (n == null) throw wrong(owner, "a finding has no \"" + name + "\"");
        if (!n.isString() || n.string().isEmpty()) throw wrong(n, "\"" + name + "\" must be a non-empty string, not " + n.kind());
        return n.string();
    }

    private static String optionalString(Map<String, JsonTree.Node> m, String name) throws MalformedException {
        JsonTree.Node n = m.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isString()) throw wrong(n, "\"" + name + "\" must be a string or null, not " + n.kind());
        return n.string();
    }

    private static MalformedException wrong(JsonTree.Node at, String message) {
        return new MalformedException(message, at.line(), at.column());
    }

    /**
     * Marks the findings this baseline accepts as baselined, going through them in report order (so which of several
     * equal findings an entry accepts does not depend on the order they were found in). Suppressed findings are left
     * alone and consume no entry. Entries that matched nothing are described in {@code notes}. Returns the findings in
     * that order.
     */
    List<Reported> apply(List<Reported> findings, List<String> notes) {
        if (entries.isEmpty()) return findings;
        Map<Identity, Integer> left = new HashMap<>();
        for (Identity e : entries) left.merge(e, 1, Integer::sum);
        List<Reported> sorted = new ArrayList<>(findings);
        Collections.sort(sorted, (a, b) -> a.finding.compareTo(b.finding));
        for (Reported r : sorted) {
            if (r.accepted()) continue;
            Identity id = Identity.of(r.finding);
            Integer n = left.get(id);
            if (n != null && n > 0) {
                left.put(id, n - 1);
                r.baselined = true;
            }
        }
        int stale = 0;
        for (Integer n : left.values()) stale += n;
        if (stale > 0) {
            notes.add(stale + (stale == 1 ? " baseline entry" : " baseline entries") + (source != null ? " in " + source : "")
                    + " matched no finding (fixed, or moved to another key); run mailports:baseline to drop "
                    + (stale == 1 ? "it" : "them"));
        }
        return sorted;
    }
}
