package io.github.mailports.config;

import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Engine;
import io.github.mailports.rules.Finding;

import java.nio.file.Paths;

/**
 * Run in a forked JVM with a small heap by {@link ReaderCostTest}: checks each folder named on the command line
 * the way the plugin does, one after the other, and prints the rule id and position of each finding; a
 * {@code java.lang.OutOfMemoryError} ends the JVM with a non-zero exit code.
 */
public final class LargeFileMain {
    private LargeFileMain() {
    }

    public static void main(String[] args) throws Exception {
        for (String dir : args) {
            CheckResult r = Engine.run(CheckRequest.builder(Paths.get(dir)).build());
            System.out.println("== " + Paths.get(dir).getFileName());
            for (Finding f : r.findings()) {
                System.out.println(f.ruleId() + " " + f.location().line() + ":" + f.location().column());
            }
        }
        System.out.println("done");
    }
}
