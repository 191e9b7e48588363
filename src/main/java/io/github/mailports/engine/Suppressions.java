package io.github.mailports.engine;

import io.github.mailports.config.Comment;
import io.github.mailports.config.JavaCode;
import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.XmlElement;
import io.github.mailports.model.SourceLocation;
import io.github.mailports.rules.Finding;
import io.github.mailports.rules.RuleInfo;
import io.github.mailports.rules.Rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppression directives, read from the comments of each file, applied to the findings of that file.
 *
 * <ul>
 *   <li>{@code mailports:disable-next-line MP002 reason} applies to the next line below it that holds an
 *       entry (a key with a value; in XML an attribute, an element without child elements, or element text):
 *       blank lines, other comments and lines that only open a YAML mapping or an XML element are skipped. A trailing comment ({@code port: 465 # mailports:disable-next-line ...})
 *       also applies to the next entry line, never to its own.</li>
 *   <li>{@code mailports:disable-file MP014 reason} applies to the whole file. It must come before the
 *       file's first entry (in the header comments); a later one is ignored and reported as MP901.</li>
 *   <li>Ids are separated by commas ({@code MP001,MP002} or {@code MP001, MP002}); at least one is required.
 *       Everything after the ids is the reason (a leading {@code --} or {@code :} is dropped).</li>
 * </ul>
 *
 * A directive id that suppressed nothing is an MP901 finding at the directive's line: an unknown id, a
 * misplaced {@code disable-file}, or a rule that reported nothing there. Ids of rules switched off for the
 * build ({@code skipRules}, {@code OFF}) are not reported, since those rules did not run. {@code MP901} may be
 * named by {@code disable-file} to accept unused directives in a file; it is applied after the other ids.
 */
public final class Suppressions {
    /** What every directive starts with. */
    private static final String PREFIX = "mailports:";
    private static final Pattern DIRECTIVE = Pattern.compile("^" + PREFIX + "(disable-next-line|disable-file)(?=\\s|$)(.*)$",
            Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("[A-Za-z]+[0-9]+");
    private static final String XML_END = "-->";

    /** One directive as written. */
    static final class Directive {
        final String file;
        final int line;
        final int column;
        final boolean wholeFile;
        /** The ids as written, in order (may include unknown ones). */
        final List<String> ids;
        final String reason;
        /** The entry line a next-line directive applies to, or -1 (none below it). */
        int target = -1;
        /** Why the directive cannot apply at all (a misplaced disable-file), or null. */
        String problem;
        final Set<String> used = new LinkedHashSet<>();

        Directive(String file, int line, int column, boolean wholeFile, List<String> ids, String reason) {
            this.file = file;
            this.line = line;
            this.column = column;
            this.wholeFile = wholeFile;
            this.ids = ids;
            this.reason = reason;
        }

        String form() { return "mailports:" + (wholeFile ? "disable-file" : "disable-next-line"); }

        boolean covers(Finding f) {
            if (problem != null || !f.location().file().equals(file) || !ids.contains(f.ruleId())) return false;
            return wholeFile || f.location().line() == target;
        }
    }

    private Suppressions() {
    }

    /** The directives of one file, in file order, with their targets resolved. */
    static List<Directive> directives(ConfigFile file) {
        List<Directive> out = new ArrayList<>();
        int[] lines = null; // the entry lines, sorted: built at the first directive (most files have none)
        int firstEntry = Integer.MAX_VALUE;
        for (Comment c : file.comments()) {
            Directive d = parse(file.path(), c);
            if (d == null) continue;
            if (lines == null) {
                lines = entryLines(file);
                if (lines.length > 0) firstEntry = lines[0];
            }
            if (d.wholeFile) {
                if (c.line() >= firstEntry) {
                    d.problem = "it must come before the file's first entry (line " + firstEntry + "), in the header comments";
                }
            } else {
                d.target = nextAbove(lines, c.line());
            }
            out.add(d);
        }
        return out;
    }

    /**
     * The sorted lines that hold an entry: a key with a value (YAML, properties); in XML, an attribute, an element
     * without child elements, or an element's text. Lines that only open a mapping or an element are not entries.
     */
    static int[] entryLines(ConfigFile file) {
        List<Integer> lines = new ArrayList<>();
        for (ConfigEntry e : file.entries()) lines.add(e.line());
        if (file.java() != null) { // a Java source: the lines of the calls that set something, and where groups start
            for (JavaCode.Group g : file.java().groups()) {
                lines.add(g.line());
                if (g.sessionLine() > 0) lines.add(g.sessionLine());
                for (JavaCode.Call c : g.calls()) lines.add(c.line());
                if (g.connect() != null) lines.add(g.connect().line());
            }
        }
        if (file.xml() != null) {
            Deque<XmlElement> todo = new ArrayDeque<>();
            todo.push(file.xml());
            while (!todo.isEmpty()) {
                XmlElement el = todo.pop();
                for (XmlElement.Attribute a : el.attributes()) lines.add(a.line());
                if (el.children().isEmpty()) lines.add(el.line());
                if (el.text() != null && !el.text().trim().isEmpty() && el.textLine() > 0) lines.add(el.textLine());
                for (XmlElement c : el.children()) todo.push(c);
            }
        }
        int[] out = new int[lines.size()];
        for (int i = 0; i < out.length; i++) out[i] = lines.get(i);
        Arrays.sort(out);
        return out;
    }

    private static int nextAbove(int[] sorted, int line) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= line) lo = mid + 1;
            else hi = mid;
        }
        return lo < sorted.length ? sorted[lo] : -1;
    }

    /** Parses one comment; null when it is not a directive. */
    static Directive parse(String file, Comment c) {
        String text = c.text().trim();
        if (text.endsWith(XML_END)) text = text.substring(0, text.length() - XML_END.length()).trim();
        if (!text.startsWith(PREFIX)) return null; // most comments: no matcher for them
        Matcher m = DIRECTIVE.matcher(text);
        if (!m.matches()) return null;
        boolean wholeFile = m.group(1).equals("disable-file");
        String rest = m.group(2).trim();
        List<String> ids = new ArrayList<>();
        int i = 0;
        // ids: tokens joined by commas, with optional blanks after a comma
        while (true) {
            Matcher id = ID.matcher(rest).region(i, rest.length());
            if (!id.lookingAt()) break;
            int end = id.end();
            if (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && ",:".indexOf(rest.charAt(end)) < 0) break;
            ids.add(id.group().toUpperCase(Locale.ROOT));
            i = end;
            int j = i;
            while (j < rest.length() && Character.isWhitespace(rest.charAt(j))) j++;
            if (j < rest.length() && rest.charAt(j) == ',') {
                j++;
                while (j < rest.length() && Character.isWhitespace(rest.charAt(j))) j++;
                i = j;
                continue;
            }
            break;
        }
        String reason = rest.substring(i).trim();
        if (reason.startsWith("--")) reason = reason.substring(2).trim();
        else if (reason.startsWith(":")) reason = reason.substring(1).trim();
        return new Directive(file, c.line(), c.column(), wholeFile, ids, reason);
    }

    /**
     * Marks the findings the directives cover as suppressed (with the directive's reason) and adds an MP901
     * finding for every directive id that suppressed nothing. {@code all} are the directives of the files read, in path
     * and file order (taken when each file was read, so the files need not be kept); {@code findings} are the reported
     * ones, after profile merging and per-rule overrides: marked in place, the MP901 findings added at the end.
     */
    static void apply(List<Directive> all, List<Reported> findings, CheckRequest request) {
        if (all.isEmpty()) return;
        Map<String, List<Directive>> byFile = new HashMap<>();
        for (Directive d : all) byFile.computeIfAbsent(d.file, k -> new ArrayList<>()).add(d);

        for (Reported r : findings) suppress(r, byFile.get(r.finding.location().file()), false);

        if (request.isEnabled(Rules.UNUSED_SUPPRESSION.id())) {
            List<Reported> unused = new ArrayList<>();
            for (Directive d : all) {
                for (Finding f : unused(d, request, false)) unused.add(new Reported(f));
            }
            // disable-file MP901 may accept the unused directives of its file
            for (Reported r : unused) {
                suppress(r, byFile.get(r.finding.location().file()), true);
                findings.add(r);
            }
            for (Directive d : all) {
                for (Finding f : unused(d, request, true)) findings.add(new Reported(f));
            }
        }
    }

    private static void suppress(Reported r, List<Directive> directives, boolean unusedPass) {
        if (directives == null || r.suppressedBy != null) return;
        boolean isUnused = r.finding.ruleId().equals(Rules.UNUSED_SUPPRESSION.id());
        if (isUnused != unusedPass) return;
        for (Directive d : directives) {
            if (d.covers(r.finding)) {
                d.used.add(r.finding.ruleId());
                r.suppressedBy = d.reason == null ? "" : d.reason;
                return;
            }
        }
    }

    /** MP901 findings for the ids of one directive that suppressed nothing: MP901 ids only, or all others. */
    private static List<Finding> unused(Directive d, CheckRequest request, boolean mp901Ids) {
        List<Finding> out = new ArrayList<>();
        if (d.ids.isEmpty()) {
            if (!mp901Ids) out.add(mp901(d, request, d.form() + " names no rule id, so it suppresses nothing",
                    "name the rule to suppress, e.g. " + d.form() + " MP002 reason"));
            return out;
        }
        for (String id : new LinkedHashSet<>(d.ids)) {
            boolean isMp901 = id.equals(Rules.UNUSED_SUPPRESSION.id());
            if (isMp901 != mp901Ids || d.used.contains(id)) continue;
            RuleInfo rule = Rules.byId(id);
            if (rule == null) {
                out.add(mp901(d, request, d.form() + " names " + id + ", which is not a rule, so it suppresses nothing",
                        "use a rule id from docs/rules/README.md, or delete the directive"));
            } else if (!request.isEnabled(id)) {
                continue; // the rule is switched off for this build: it reported nothing anywhere
            } else if (d.problem != null) {
                out.add(mp901(d, request, d.form() + " " + id + " is ignored: " + d.problem,
                        "move it above the first entry of the file, or use mailports:disable-next-line above the key"));
            } else if (d.wholeFile) {
                out.add(mp901(d, request, d.form() + " " + id + " suppressed nothing: " + id + " (" + rule.name()
                        + ") reported nothing in this file", "delete the directive, or correct the rule id"));
            } else if (d.target < 0) {
                out.add(mp901(d, request, d.form() + " " + id + " suppressed nothing: there is no entry below it",
                        "delete the directive"));
            } else if (isMp901) {
                out.add(mp901(d, request, d.form() + " " + id + " suppresses nothing: MP901 findings are at directive"
                        + " lines; use mailports:disable-file MP901", "use mailports:disable-file MP901 reason at the top of the file"));
            } else {
                out.add(mp901(d, request, d.form() + " " + id + " suppressed nothing: " + id + " (" + rule.name()
                        + ") reported nothing at the entry below it",
                        "delete the directive, or move it directly above the key the finding points at"));
            }
        }
        return out;
    }

    private static Finding mp901(Directive d, CheckRequest request, String message, String fix) {
        RuleInfo rule = Rules.UNUSED_SUPPRESSION;
        return Finding.of(rule, request.severity(rule.id(), rule.defaultSeverity()),
                SourceLocation.of(d.file, d.line, d.column), null, null, Collections.<String>emptyList(), message, fix);
    }
}
