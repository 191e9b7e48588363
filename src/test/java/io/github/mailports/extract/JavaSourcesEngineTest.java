package io.github.mailports.extract;

import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Java sources through the whole engine with the default includes: a {@code spring.mail.*} key that code reads is
 * known to be read in the same module only; a Java file without mail is scanned but not counted as checked.
 */
class JavaSourcesEngineTest {
    private static final String APPLICATION = "spring.mail.host=smtp.example.com\nspring.mail.port=465\n"
            + "spring.mail.properties.mail.smtp.ssl.enable=true\nspring.mail.properties.mail.smtp.timeout=10000\n"
            + "spring.mail.smtp.from-name=Shop\n";
    private static final String READER = "package demo;\nimport org.springframework.beans.factory.annotation.Value;\n"
            + "class Templates { @Value(\"${spring.mail.smtp.from-name}\") String fromName; }\n";

    @Test
    void theSameModulesCodeReadsTheKey(@TempDir Path base) throws IOException {
        write(base.resolve("shop/src/main/resources/application.properties"), APPLICATION);
        write(base.resolve("shop/src/main/java/demo/Templates.java"), READER);
        assertEquals(0, mp010(base).size());
    }

    @Test
    void anotherModulesCodeDoesNotCount(@TempDir Path base) throws IOException {
        write(base.resolve("shop/src/main/resources/application.properties"), APPLICATION);
        write(base.resolve("mailer/src/main/java/demo/Templates.java"), READER);
        List<Finding> found = mp010(base);
        assertEquals(1, found.size());
        assertEquals("shop/src/main/resources/application.properties", found.get(0).location().file());
    }

    @Test
    void javaFilesWithoutMailAreNotCountedAsChecked(@TempDir Path base) throws IOException {
        write(base.resolve("src/main/java/demo/Plain.java"), "package demo;\nclass Plain { String e(User u) { return u.email.trim(); } }\n");
        write(base.resolve("src/main/java/demo/Templates.java"), READER);
        CheckResult r = Engine.run(CheckRequest.builder(base).build()); // the defaults with a POM's layout
        assertEquals(java.util.Collections.singletonList("src/main/java/demo/Templates.java"), r.files());
    }

    private static List<Finding> mp010(Path base) throws IOException {
        CheckResult r = Engine.run(CheckRequest.builder(base).wholeTree(true).build()); // the defaults without a POM
        List<Finding> out = new ArrayList<>();
        for (Finding f : r.findings()) if (f.ruleId().equals("MP010")) out.add(f);
        return out;
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
    }
}
