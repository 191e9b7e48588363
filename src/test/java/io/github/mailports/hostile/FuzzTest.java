package io.github.mailports.hostile;

import io.github.mailports.config.ConfigFile;
import io.github.mailports.config.ConfigParseException;
import io.github.mailports.config.ConfigReaders;
import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.report.ConsoleReport;
import io.github.mailports.report.JsonReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A property-based fuzz test of the readers, extractors, rules and reports: mutations of every fixture file
 * must end in findings or a ConfigParseException (MP900), never in another exception or a hang. The normal
 * run tries a bounded number of inputs; a longer campaign:
 * {@code ./mvnw -B test -Dtest=FuzzTest -Dmailports.fuzz.iterations=200000 -Dmailports.fuzz.seed=42}.
 */
class FuzzTest {
    private static final int ITERATIONS = Integer.getInteger("mailports.fuzz.iterations", 1500);
    private static final long SEED = Long.getLong("mailports.fuzz.seed", 20261122L);
    private static final String[] TOKENS = {"\n", " ", "  ", ":", ": ", "=", "\\", "\\u", "#", "!", "---", "#---\n",
            "[", "]", "{", "}", ",", "\"", "'", "&a", "*a", "<<: ", "- ", "|", ">", "${", "}", "${X:", "@x@", "%prod.",
            "mail.smtp.", "spring.mail.", "properties.", "[mail.smtp.auth]", "465", "587", "25", "true", "yes", "off",
            "smtps", "SMTPS", "0x1D1", "-1", "99999", "\t", "\u00e9", "\uD83D\uDE00", "\u0000", "\r", "~", "!!str ", "%"};

    @Test
    void mutatedConfigurationNeverCrashesTheCheck() throws IOException {
        List<Path> seeds = seeds();
        assertFalse(seeds.isEmpty());
        Random random = new Random(SEED);
        CheckRequest request = CheckRequest.builder(Paths.get(".")).build();
        assertTimeoutPreemptively(Duration.ofMinutes(10), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                Path seed = seeds.get(random.nextInt(seeds.size()));
                String text = new String(Files.readAllBytes(seed), StandardCharsets.UTF_8);
                String mutated = mutate(text, random, 1 + random.nextInt(6));
                String name = seed.getFileName().toString();
                try {
                    ConfigFile file = ConfigReaders.read(name, mutated.getBytes(StandardCharsets.UTF_8));
                    CheckResult result = Engine.check(request, Collections.singletonList(file));
                    ConsoleReport.render(result, 0);
                    JsonReport.render(result, 0);
                } catch (ConfigParseException expected) {
                    // MP900: fine
                } catch (Throwable t) {
                    fail("input " + i + " (seed " + SEED + ", from " + seed + ") crashed the check with " + t
                            + "\n--- input ---\n" + mutated, t);
                }
            }
        });
    }

    private static List<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.walk(Paths.get("src/test/resources/fixtures"))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|properties|xml|json)$"))
                    .sorted().collect(Collectors.toList());
        }
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
