package io.github.mailports.runtime;

import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.Engine;
import io.github.mailports.rules.Finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configuration written to a folder, and the real check run on that folder. */
final class Check {
    private final Path dir;
    private final Path file;
    private final List<Finding> findings;

    private Check(Path dir, Path file, List<Finding> findings) {
        this.dir = dir;
        this.file = file;
        this.findings = findings;
    }

    /** Writes {@code text} to {@code dir/name} and runs {@code Engine.run} on {@code dir} with every file included. */
    static Check of(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            Path f = dir.resolve(name);
            Files.write(f, text.getBytes(StandardCharsets.UTF_8));
            List<Finding> found = Engine.run(CheckRequest.builder(dir).includes(List.of("**")).excludes(List.of()).build())
                    .findings();
            return new Check(dir, f, found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() { return dir; }

    Path file() { return file; }

    List<Finding> findings() { return findings; }

    List<Finding> findings(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).collect(Collectors.toList());
    }

    /** Asserts exactly one finding of the rule and returns it. */
    Finding the(String ruleId) {
        List<Finding> of = findings(ruleId);
        assertEquals(1, of.size(), () -> "expected one " + ruleId + " finding for " + file.getFileName() + ", got " + findings);
        return of.get(0);
    }

    /** Asserts that the rule found nothing. */
    Check without(String ruleId) {
        assertTrue(findings(ruleId).isEmpty(), () -> "expected no " + ruleId + " finding for " + file.getFileName()
                + ", got " + findings);
        return this;
    }

    FrameworkSession springBoot() {
        try {
            return FrameworkSession.springBoot(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FrameworkSession jakartaMail(String protocol) {
        try {
            return FrameworkSession.jakartaMail(file, protocol);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
