package io.github.mailports.bench;

import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Defaults;
import io.github.mailports.engine.Engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Issue 12, point 6: what reading Java sources adds to a check. One module ({@link JavaCorpus}) with
 * {@code bench.javaFiles} Java sources (default 5,000), {@code bench.mailFiles} of them configuring mail in code
 * (default 20), and its usual configuration files. The check with the plugin's default selection (configuration
 * files and {@code src/main/java/**}{@code /*.java}) is measured against the same check without the Java glob,
 * interleaved in one JVM, median of {@code bench.reps} runs (default 7); a third series times only walking the
 * module and reading every Java file's bytes (what any "does it mention mail?" pre-filter must at least pay).
 * Not a test: run it with {@code ./mvnw -B -Pbenchmark verify -Dbench.main=io.github.mailports.bench.JavaBenchmark}.
 */
public final class JavaBenchmark {
    private static final double TARGET_ADDED = 0.20;
    private static volatile long sink;

    private JavaBenchmark() { }

    public static void main(String[] args) throws Exception {
        String side = System.getProperty("bench.javaCold", "");
        if (!side.isEmpty()) {
            coldChild(side, Paths.get(System.getProperty("bench.root")));
            return;
        }
        if (System.getProperty("bench.mode", "").equals("cold")) {
            cold();
            return;
        }
        int javaFiles = Integer.getInteger("bench.javaFiles", 5000);
        int mailFiles = Integer.getInteger("bench.mailFiles", 20);
        int reps = Integer.getInteger("bench.reps", 7);
        String dir = System.getProperty("bench.dir", "");
        Path work = dir.isEmpty() ? Files.createTempDirectory("mailports-javabench") : Files.createDirectories(Paths.get(dir));
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "machine: %d processors, Java %s (%s), max heap %d MB%n", rt.availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.maxMemory() / (1024 * 1024));
        Path module = work.resolve("shop");
        try {
            delete(module);
            JavaCorpus.Stats s = JavaCorpus.write(module, javaFiles, mailFiles, 42);
            System.out.printf(Locale.ROOT, "module: %,d Java files (%.1f MB, largest %d KB), %d configure mail, %,d decoys"
                    + " mention e-mail otherwise; %d configuration files%n", s.javaFiles, s.javaBytes / 1e6, s.largest / 1024,
                    s.mailFiles, s.decoys, s.configFiles);

            CheckResult with = check(module, true);
            CheckResult without = check(module, false);
            long javaChecked = with.files().stream().filter(f -> f.toString().endsWith(".java")).count();
            System.out.printf(Locale.ROOT, "with Java: %d files checked (%d Java), %d endpoints, %d findings, %d notes;"
                    + " without: %d files, %d endpoints, %d findings%n", with.files().size(), javaChecked,
                    with.endpoints().size(), with.findings().size(), with.notes().size(), without.files().size(),
                    without.endpoints().size(), without.findings().size());

            long warmUntil = System.nanoTime() + 8_000_000_000L;
            int rounds = 0;
            while (System.nanoTime() < warmUntil || rounds < 5) {
                sink += check(module, true).files().size() + check(module, false).files().size() + readAll(module);
                rounds++;
            }
            System.out.println("warm-up: " + rounds + " rounds");

            // the reader alone: every Java file's bytes already in memory, JavaReader.read on each (the byte test, and
            // JavaParser on the files that pass it)
            List<Object[]> sources = new ArrayList<>();
            try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    sources.add(new Object[] {module.relativize(p).toString(), Files.readAllBytes(p)});
                }
            }
            long[] readerNs = new long[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                sink += reader(sources);
                readerNs[r] = System.nanoTime() - t0;
            }
            long[] withNs = new long[reps];
            long[] withoutNs = new long[reps];
            long[] readNs = new long[reps];
            long[] withCpu = new long[reps];
            long[] withoutCpu = new long[reps];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int r = 0; r < reps; r++) {
                for (int k = 0; k < 3; k++) {
                    int which = (k + r) % 3; // rotate the order so drift hits all three alike
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    if (which == 0) sink += check(module, true).files().size();
                    else if (which == 1) sink += check(module, false).files().size();
                    else sink += readAll(module);
                    long ns = System.nanoTime() - t0;
                    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                    if (which == 0) { withNs[r] = ns; withCpu[r] = cpu; }
                    else if (which == 1) { withoutNs[r] = ns; withoutCpu[r] = cpu; }
                    else readNs[r] = ns;
                }
            }
            double w = medianMs(withNs);
            double wo = medianMs(withoutNs);
            double rd = medianMs(readNs);
            double added = (w - wo) / wo;
            System.out.println();
            double rdr = medianMs(readerNs);
            System.out.println("  check without Java ms   check with Java ms   added ms   added %   cpu added %   walk+read Java ms   JavaReader alone ms");
            System.out.printf(Locale.ROOT, "  %20.1f %20.1f %10.1f %9.1f %13.1f %19.1f %21.1f%n", wo, w, w - wo, 100 * added,
                    100 * (medianMs(withCpu) - medianMs(withoutCpu)) / medianMs(withoutCpu), rd, rdr);
            System.out.printf(Locale.ROOT, "of the added %.1f ms: the reader itself %.1f ms (%.1f %% of the check without Java);"
                    + " the rest is the engine selecting, opening and reading %,d more files%n", w - wo, rdr, 100 * rdr / wo, s.javaFiles);
            System.out.printf(Locale.ROOT, "target: the Java reader adds under %.0f %% to the check: %.1f %% %s%n",
                    100 * TARGET_ADDED, 100 * added, added < TARGET_ADDED ? "ok" : "MISSED");
            System.out.printf(Locale.ROOT, "BENCH java_added=%.3f with_ms=%.1f without_ms=%.1f read_ms=%.1f reader_ms=%.1f%n",
                    added, w, wo, rd, rdr);
        } finally {
            if (dir.isEmpty()) delete(work);
        }
    }

    /** The sides of the cold measurement, each run once per fresh JVM. */
    static final String[] COLD_SIDES = {"without", "with", "read", "parse"};

    /**
     * The same module in cold JVMs, as a build runs the check: the check without and with the Java glob, walking and
     * reading the Java files ({@code Files.readAllBytes}, the least any look at them costs), and JavaParser's part alone
     * ({@code ConfigReaders.read} on the sources that mention mail, their bytes read before the clock starts: the
     * parser's class loading and the parse of those files). Each side once per fresh JVM, {@code bench.reps} rounds
     * (rotating which side goes first), medians of wall-clock and main-thread CPU time.
     */
    static void cold() throws Exception {
        int javaFiles = Integer.getInteger("bench.javaFiles", 5000);
        int mailFiles = Integer.getInteger("bench.mailFiles", 20);
        int reps = Integer.getInteger("bench.reps", 7);
        String dir = System.getProperty("bench.dir", "");
        Path work = dir.isEmpty() ? Files.createTempDirectory("mailports-javacold") : Files.createDirectories(Paths.get(dir));
        Path module = work.resolve("shop");
        try {
            delete(module);
            JavaCorpus.Stats s = JavaCorpus.write(module, javaFiles, mailFiles, 42);
            System.out.printf(Locale.ROOT, "cold JVMs: %,d Java files (%.1f MB), %d configure mail; %d configuration files;"
                    + " %d rounds of %s; load average %.2f%n", s.javaFiles, s.javaBytes / 1e6, s.mailFiles, s.configFiles, reps,
                    Arrays.toString(COLD_SIDES), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            long[][] wall = new long[COLD_SIDES.length][reps];
            long[][] cpu = new long[COLD_SIDES.length][reps];
            for (int r = 0; r < reps; r++) {
                for (int k = 0; k < COLD_SIDES.length; k++) {
                    int side = (r + k) % COLD_SIDES.length;
                    long[] t = ColdBenchmark.spawn(JavaBenchmark.class, "-Dbench.javaCold=" + COLD_SIDES[side], module);
                    wall[side][r] = t[0];
                    cpu[side][r] = t[1];
                }
            }
            double[] w = new double[COLD_SIDES.length];
            double[] c = new double[COLD_SIDES.length];
            for (int k = 0; k < COLD_SIDES.length; k++) {
                w[k] = medianMs(wall[k]);
                c[k] = medianMs(cpu[k]);
                System.out.printf(Locale.ROOT, "%-8s wall ms %s -> median %.0f; cpu ms median %.0f%n", COLD_SIDES[k],
                        Arrays.toString(Arrays.stream(wall[k]).map(n -> n / 1_000_000).toArray()), w[k], c[k]);
            }
            double added = (w[1] - w[0]) / w[0];
            System.out.printf(Locale.ROOT, "added by the Java sources: %.0f ms (%.0f %% of the check without them; cpu %.0f %%);"
                    + " of it, reading the bytes %.0f ms and JavaParser on the %d sources that mention mail %.0f ms%n",
                    w[1] - w[0], 100 * added, 100 * (c[1] - c[0]) / c[0], w[2], s.mailFiles, w[3]);
            System.out.printf(Locale.ROOT, "target: under %.0f %%: %s; the least it could be, reading the bytes alone: %.0f %%%n",
                    100 * TARGET_ADDED, added < TARGET_ADDED ? "ok" : "MISSED", 100 * w[2] / w[0]);
            System.out.printf(Locale.ROOT, "BENCH java_cold_added=%.3f without_ms=%.0f with_ms=%.0f read_ms=%.0f parse_ms=%.0f%n",
                    added, w[0], w[1], w[2], w[3]);
        } finally {
            if (dir.isEmpty()) delete(work);
        }
    }

    /** One side in this fresh JVM; prints {@code COLD side wallNanos cpuNanos n} for {@link ColdBenchmark#spawn}. */
    private static void coldChild(String side, Path module) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Object[]> mail = new ArrayList<>();
        if (side.equals("parse")) { // the sources the byte test lets through, read before the clock starts
            try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    byte[] b = Files.readAllBytes(p);
                    if (io.github.mailports.config.JavaReader.mentionsMail(b)) mail.add(new Object[] {module.relativize(p).toString(), b});
                }
            }
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long n;
        switch (side) {
            case "with": n = check(module, true).files().size(); break;
            case "without": n = check(module, false).files().size(); break;
            case "read": n = readAll(module); break;
            default: n = reader(mail); break;
        }
        long wall = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        sink += n;
        System.out.println("COLD " + side + " " + wall + " " + cpu + " " + n);
    }

    /** The check of one module as the plugin runs it, with or without the Java sources in the selection. */
    static CheckResult check(Path module, boolean java) throws IOException {
        List<String> includes = new ArrayList<>();
        for (String g : Defaults.includes()) {
            if (java || !g.endsWith(".java")) includes.add(g);
        }
        return Engine.run(CheckRequest.builder(module).includes(includes).build());
    }

    /** {@code JavaReader.read} (through {@code ConfigReaders.read}, as the engine calls it) on every source. */
    static long reader(List<Object[]> sources) throws Exception {
        long n = 0;
        for (Object[] s : sources) {
            n += io.github.mailports.config.ConfigReaders.read((String) s[0], (byte[]) s[1]).entries().size() + 1;
        }
        return n;
    }

    /** Walks the module and reads every Java file's bytes: the least any pre-filter over Java sources costs. */
    static long readAll(Path module) throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                n += Files.readAllBytes(p).length;
            }
        }
        return n;
    }

    private static double medianMs(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        double m = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
        return m / 1e6;
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
