package io.github.mailports.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The one-way flow of ARCHITECTURE.md: each package uses only the packages before it; only maven imports Maven. */
class ArchitectureTest {
    private static final Path MAIN = Paths.get("src/main/java/io/github/mailports");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)");
    private static final Pattern OWN = Pattern.compile("io\\.github\\.mailports\\.(\\w+)");

    private static final Map<String, List<String>> ALLOWED = new HashMap<>();

    static {
        ALLOWED.put("config", Arrays.<String>asList());
        ALLOWED.put("model", Arrays.<String>asList());
        ALLOWED.put("rules", Arrays.asList("model"));
        ALLOWED.put("extract", Arrays.asList("config", "model"));
        ALLOWED.put("engine", Arrays.asList("config", "model", "extract", "rules"));
        ALLOWED.put("report", Arrays.asList("engine", "rules", "model"));
        ALLOWED.put("maven", Arrays.asList("config", "model", "extract", "rules", "engine", "report"));
    }

    @Test
    void packagesDependOnlyOnEarlierSteps() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                String pkg = MAIN.relativize(f).getName(0).toString();
                if (pkg.endsWith(".java")) continue;
                List<String> allowed = ALLOWED.get(pkg);
                assertTrue(allowed != null, "package " + pkg + " is not in the architecture table");
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String imp = m.group(1);
                    if (imp.startsWith("org.apache.maven") && !pkg.equals("maven")) violations.add(f + " imports " + imp);
                    Matcher own = OWN.matcher(imp);
                    if (own.lookingAt() && !own.group(1).equals(pkg) && !allowed.contains(own.group(1))) {
                        violations.add(f + " (" + pkg + ") imports " + imp);
                    }
                }
                Matcher inline = OWN.matcher(text.replaceAll("(?m)^(package|import) .*$", ""));
                while (inline.find()) {
                    String used = inline.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used)) violations.add(f + " (" + pkg + ") refers to " + inline.group());
                }
            }
        }
        if (!violations.isEmpty()) fail(String.join("\n", violations));
    }
}
