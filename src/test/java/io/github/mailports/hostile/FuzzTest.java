package io.github.mailports.hostile;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigParseException;
import io.github.mailports.config.ConfigReaders;
import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.config.ConfigEntry;
import io.github.mailports.config.XmlElement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A property-based fuzz test of every reader (properties, YAML, JSON, XML), the extractors, the rules and every
 * report writer (console, JSON, SARIF, JUnit, Markdown, baseline): mutations of every fixture file, with a canary
 * secret written as a password and then quoted anywhere (as a value, a key, user info, a placeholder's target),
 * and control and bidi characters inserted at random positions (raw, and in each format's own escape syntax), and
 * in the file's path. Every input must end in findings or a ConfigParseException (MP900), never in another
 * exception or a hang; no output may hold the canary (while the parsed file still has it as a password's value),
 * a raw control or bidi character, or a line starting with {@code ::}; JSON, SARIF and the baseline must parse as
 * JSON and the JUnit report as XML. The normal build tries a bounded number of inputs (a few seconds); a longer
 * campaign, as recorded in the README:
 * {@code ./mvnw -B test -DskipITs -Dtest=FuzzTest -Dmailports.fuzz.iterations=200000 -Dmailports.fuzz.seed=42}.
 */
class FuzzTest {
    private static final int ITERATIONS = Integer.getInteger("mailports.fuzz.iterations", 400);
    private static final long SEED = Long.getLong("mailports.fuzz.seed", 20261122L);
    static final String CANARY = "Kanar1e-S3cret";
    private static final String[] TOKENS = {"\n", " ", "  ", ":", ": ", "=", "\\", "\\u", "#", "!", "---", "#---\n",
            "[", "]", "{", "}", ",", "\"", "'", "&a", "*a", "<<: ", "- ", "|", ">", "${", "}", "${X:", "@x@", "%prod.",
            "mail.smtp.", "spring.mail.", "properties.", "[mail.smtp.auth]", "465", "587", "25", "true", "yes", "off",
            "smtps", "SMTPS", "0x1D1", "-1", "99999", "\t", "\u00e9", "\uD83D\uDE00", "\u0000", "\r", "~", "!!str ", "%"};
    /** The canary where it shows up after it was written as a password: as itself, by reference, as user info. */
    private static final String[] CANARY_TOKENS = {CANARY, "${spring.mail.password}", "${quarkus.mailer.password}",
            "${mail.smtp.password}", "${pw}", "user:" + CANARY + "@", "smtps://u:" + CANARY + "@smtp.example.com:465 ",
            "x" + CANARY, CANARY + ".example.com", "smtp://h:25?password=" + CANARY + "&x=1 "};
    /** Control and bidi characters, raw and in the escape syntax of YAML, properties, JSON and XML. */
    private static final String[] CONTROL_TOKENS = {"\u001b", "\u001b]0;t\u0007", "\u0007", "\u0008", "\u000b", "\u000c",
            "\r", "\r\n", "\u007f", "\u0085", "\u009b", "\u202e", "\u2066", "\u200f", "\u061c", "\u2028", "\u2029",
            "\ud800", "\n::error file=pom.xml,line=1::forged\n", "\\e", "\\a", "\\x1b", "\\u001b", "\\u202e",
            "\\u0085", "\\N", "\\L", "&#x1b;", "&#x202e;", "&#133;", "&#8232;", "\\n::error::x", "%0A::error::x"};

    /** Control characters as escapes that properties, YAML and JSON all read (XML gets character references). */
    private static final String[] FORGED_VALUES = {"\\n::error file=pom.xml,line=1::forged", "\\u001b]0;title\\u0007",
            "\\u001b[2J", "\\u202ex\\u202c", "\\u2066\\u2069", "\\u0085::warning::x", "\\u009b31m", "\\u2028::error::x",
            "\\r\\n[ERROR] forged", "\\u007f\\u0008", "\\u061c\\u200e\\u200f"};

    private enum Kind { PROPERTIES, YAML, JSON, XML }

    @Test
    void mutatedConfigurationNeverCrashesTheCheckNorLeaksNorForgesALine() throws IOException {
        Map<Kind, List<Path>> seeds = seeds();
        for (Kind k : Kind.values()) assertFalse(seeds.get(k).isEmpty(), "no seed for " + k);
        Random random = new Random(SEED);
        CheckRequest request = CheckRequest.builder(Paths.get(".")).build();
        int[] canaryChecked = new int[1];
        int[] parsed = new int[1];
        long[] nanos = new long[2];
        Map<Kind, Integer> perReader = new EnumMap<>(Kind.class);
        for (int i = 0; i < ITERATIONS; i++) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            List<Path> ofKind = seeds.get(kind);
            Path seed = ofKind.get(random.nextInt(ofKind.size()));
            String text = new String(Files.readAllBytes(seed), StandardCharsets.UTF_8);
            String mutated = mutate(text, random, random.nextInt(4));
            mutated = withCanaryAndControls(mutated, kind, random);
            String name = seed.getFileName().toString();
            String path = random.nextInt(8) == 0 ? "x" + CONTROL_TOKENS[random.nextInt(CONTROL_TOKENS.length)]
                    .replace("\\", "") + "/" + name : name;
            perReader.merge(kind, 1, Integer::sum);
            ConfigFile file;
            try {
                file = ConfigReaders.read(path, mutated.getBytes(StandardCharsets.UTF_8));
            } catch (ConfigParseException expected) {
                // MP900: fine, and a reader says what was wrong and where, never what was written
                if (String.valueOf(expected.getMessage()).contains(CANARY)) {
                    fail(describe(i, seed, mutated) + ": the parse error quotes the file: " + expected.getMessage());
                }
                continue;
            } catch (Throwable t) {
                throw new AssertionError(describe(i, seed, mutated) + " crashed the reader with " + t, t);
            }
            parsed[0]++;
            try {
                long t0 = System.nanoTime();
                CheckResult result = Engine.run(request, Collections.singletonMap(path, mutated.getBytes(StandardCharsets.UTF_8)));
                long t1 = System.nanoTime();
                boolean secret = canaryIsAPassword(file);
                if (secret) canaryChecked[0]++;
                Outputs.assertSafe(result, secret ? CANARY : null, describe(i, seed, mutated));
                nanos[0] += t1 - t0;
                nanos[1] += System.nanoTime() - t1;
            } catch (AssertionError e) {
                throw e;
            } catch (Throwable t) {
                fail(describe(i, seed, mutated) + " crashed the check with " + t, t);
            }
        }
        System.out.println("FuzzTest: " + ITERATIONS + " inputs (seed " + SEED + "), " + parsed[0] + " parsed, "
                + canaryChecked[0] + " with the canary as a password, by reader " + perReader + "; check " + nanos[0] / 1000000
                + " ms, outputs " + nanos[1] / 1000000 + " ms");
        assertTrue(canaryChecked[0] * 20 >= ITERATIONS, "too few inputs kept the canary as a password: " + canaryChecked[0]);
    }

    private static String describe(int i, Path seed, String input) {
        return "input " + i + " (seed " + SEED + ", from " + seed + ")\n--- input ---\n" + input + "\n---";
    }

    /**
     * Writes the canary as a password the way the format does, then scatters canary references and control
     * characters at random positions.
     */
    static String withCanaryAndControls(String text, Kind kind, Random random) {
        StringBuilder b = new StringBuilder(text);
        String password;
        switch (kind) {
            case PROPERTIES:
                password = random.nextBoolean() ? "spring.mail.password=" + CANARY + "\n" : "pw=" + CANARY + "\nmail.smtp.password=${pw}\n";
                break;
            case YAML:
                password = random.nextBoolean() ? "spring.mail.password: " + CANARY + "\n"
                        : "quarkus.mailer.password: \"" + CANARY + "\"\n";
                break;
            case JSON:
                password = null;
                int brace = b.indexOf("{");
                if (brace >= 0) b.insert(brace + 1, "\"password\": \"" + CANARY + "\", ");
                break;
            default:
                password = null;
                int close = b.indexOf("</configuration>");
                if (close < 0) close = b.indexOf("</Configuration>");
                String element = random.nextBoolean() ? "<property name=\"pw\" value=\"" + CANARY + "\"/>\n<password>${pw}</password>\n"
                        : "<password>" + CANARY + "</password>\n";
                if (close >= 0) b.insert(close, element);
                else {
                    int gt = b.indexOf(">", Math.max(0, b.indexOf("<", b.indexOf("?>") + 1)));
                    if (gt >= 0) b.insert(gt + 1, "<x smtpPassword=\"" + CANARY + "\"/>");
                }
        }
        if (password != null) {
            int at = lineStartNear(b, random);
            b.insert(at, password);
        }
        String forged = FORGED_VALUES[random.nextInt(FORGED_VALUES.length)];
        switch (kind) { // a value with control characters, in the format's own escapes, so that the file still parses
            case PROPERTIES:
                b.insert(lineStartNear(b, random), "spring.mail.host=smtp" + forged + ".example.com\n");
                break;
            case YAML:
                b.insert(lineStartNear(b, random), "spring.mail.host: \"smtp" + forged + ".example.com\"\n");
                break;
            case JSON:
                int brace = b.indexOf("{");
                if (brace >= 0) b.insert(brace + 1, "\"smtpHost\": \"smtp" + forged + "\", ");
                break;
            default:
                int close = b.lastIndexOf("</");
                if (close >= 0) b.insert(close, "<smtpHost>smtp" + forged.replace("\\u", "&#x").replace("\\n", "&#10;")
                        .replaceAll("&#x([0-9a-f]{4})", "&#x$1;") + "</smtpHost>");
        }
        // anywhere: often breaks the file (then the reader's error must not quote it), so only now and then
        for (int n = random.nextInt(3); n > 0; n--) {
            b.insert(random.nextInt(b.length() + 1), CANARY_TOKENS[random.nextInt(CANARY_TOKENS.length)]);
        }
        for (int n = random.nextInt(3) - 1; n > 0; n--) {
            b.insert(random.nextInt(b.length() + 1), CONTROL_TOKENS[random.nextInt(CONTROL_TOKENS.length)]);
        }
        return b.toString();
    }

    private static int lineStartNear(StringBuilder b, Random random) {
        if (b.length() == 0) return 0;
        int at = random.nextInt(b.length() + 1);
        return b.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
    }

    /**
     * The oracle: whether the parsed file still holds the canary, exactly, as the value of a key, element or
     * attribute with {@code password} in its name (only then is it a secret that must not be printed).
     */
    static boolean canaryIsAPassword(ConfigFile file) {
        for (ConfigEntry e : file.entries()) {
            if (e.key().toLowerCase(Locale.ROOT).contains("password") && CANARY.equals(e.value())) return true;
        }
        if (file.xml() == null) return false;
        Deque<XmlElement> todo = new ArrayDeque<>();
        todo.push(file.xml());
        while (!todo.isEmpty()) {
            XmlElement x = todo.pop();
            if (x.localName().toLowerCase(Locale.ROOT).contains("password") && CANARY.equals(x.text())) return true;
            for (XmlElement.Attribute a : x.attributes()) {
                if (a.name().toLowerCase(Locale.ROOT).contains("password") && CANARY.equals(a.value())) return true;
            }
            for (XmlElement c : x.children()) todo.push(c);
        }
        return false;
    }

    private static Map<Kind, List<Path>> seeds() throws IOException {
        Map<Kind, List<Path>> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) out.put(k, new ArrayList<>());
        try (Stream<Path> files = Files.walk(Paths.get("src/test/resources/fixtures"))) {
            for (Path p : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                String n = p.toString();
                if (n.endsWith(".properties")) out.get(Kind.PROPERTIES).add(p);
                else if (n.endsWith(".yml") || n.endsWith(".yaml")) out.get(Kind.YAML).add(p);
                else if (n.endsWith(".json")) out.get(Kind.JSON).add(p);
                else if (n.endsWith(".xml")) out.get(Kind.XML).add(p);
            }
        }
        return out;
    }

    static String mutate(String text, Random random, int times) {
        StringBuilder b = new StringBuilder(text);
        for (int n = 0; n < times; n++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
            switch (random.nextInt(6)) {
                case 0: // insert a token
                    b.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                    break;
                case 1: // delete a run
                    if (b.length() > 0) {
                        int start = Math.min(at, b.length() - 1);
                        b.delete(start, Math.min(b.length(), start + 1 + random.nextInt(8)));
                    }
                    break;
                case 2: // duplicate a line
                    duplicateLine(b, random);
                    break;
                case 3: // change indentation of a line
                    int lineStart = b.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
                    b.insert(lineStart, random.nextBoolean() ? "  " : "\t");
                    break;
                case 4: // replace a character with a random one
                    if (b.length() > 0) b.setCharAt(Math.min(at, b.length() - 1), (char) (32 + random.nextInt(95)));
                    break;
                default: // swap two lines
                    swapLines(b, random);
            }
        }
        return b.toString();
    }

    private static void duplicateLine(StringBuilder b, Random random) {
        List<String> lines = new ArrayList<>(java.util.Arrays.asList(b.toString().split("\n", -1)));
        int i = random.nextInt(lines.size());
        lines.add(i, lines.get(i));
        b.setLength(0);
        b.append(String.join("\n", lines));
    }

    private static void swapLines(StringBuilder b, Random random) {
        List<String> lines = new ArrayList<>(java.util.Arrays.asList(b.toString().split("\n", -1)));
        Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
        b.setLength(0);
        b.append(String.join("\n", lines));
    }
}
