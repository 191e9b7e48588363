package io.github.mailports.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.mailports.config.ConfigReaders;
import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.CheckResult;
import io.github.mailports.engine.Defaults;
import io.github.mailports.engine.Engine;
import io.github.mailports.engine.Glob;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The check against its floor: for corpora of several sizes, the full check ({@link Engine#run}) and the
 * floor (walking the same tree, selecting the same files by the same globs, reading and parsing them with
 * {@link ConfigReaders#read} and nothing else), measured interleaved in one JVM so that machine noise hits
 * both. Not a test: run it with {@code ./mvnw -B -Pbenchmark verify} (see docs/performance.md).
 *
 * <p>System properties: {@code bench.sizes} (default {@code 1000,2500,5000,10000}), {@code bench.reps}
 * (default 7, the median is reported), {@code bench.dir} (where the corpora are written; default a temporary
 * folder, deleted afterwards), {@code bench.only} ({@code full} or {@code floor}: run only that, for a profiler).
 */
public final class Benchmark {
    private static final double TARGET_RATIO = 1.3;
    /** The per-file cost may grow this much from one size to the next before it counts as non-linear. */
    private static final double LINEAR_SLACK = 1.25;

    /** The default file names, looked for in every module of the monorepo (the defaults are per module). */
    static List<String> includes() {
        List<String> out = new ArrayList<>();
        for (String name : Defaults.CONFIG_NAMES) {
            out.add("**/src/main/resources/**/" + name);
            out.add("**/config/**/" + name);
        }
        return out;
    }

    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        if (System.getProperty("bench.mode", "").equals("cold")) {
            ColdBenchmark.main(args); // the check and both floors in cold JVMs, as in a build
            return;
        }
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,2500,5000,10000").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).sorted().toArray();
        int reps = Integer.getInteger("bench.reps", 7);
        String only = System.getProperty("bench.only", "");
        String dir = System.getProperty("bench.dir", "");
        Path work = dir.isEmpty() ? Files.createTempDirectory("mailports-bench") : Files.createDirectories(Paths.get(dir));
        boolean delete = dir.isEmpty();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "machine: %d processors, Java %s (%s), max heap %d MB%n", rt.availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.maxMemory() / (1024 * 1024));
        System.out.println("corpus: " + work);
        Heap heap = new Heap();
        try {
            Path[] roots = new Path[sizes.length];
            Corpus.Stats[] stats = new Corpus.Stats[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                roots[i] = work.resolve("n" + sizes[i]);
                if (!Files.isDirectory(roots[i])) Files.createDirectories(roots[i]);
                else clear(roots[i]);
                stats[i] = Corpus.write(roots[i], sizes[i], 42);
                System.out.printf(Locale.ROOT, "generated %,d configuration files (%.1f MB, largest %d KB) in %,d services, plus %,d files to skip%n",
                        stats[i].selected, stats[i].selectedBytes / 1e6, stats[i].largestFile / 1024, stats[i].services, stats[i].other);
            }

            // Sanity: both sides see the same files.
            for (int i = 0; i < sizes.length; i++) {
                long floorFiles = floor(roots[i])[0];
                CheckResult r = full(roots[i]);
                long checked = r.files().size() + xmlFiles(r);
                if (floorFiles != stats[i].selected || checked != stats[i].selected) {
                    throw new IllegalStateException("file selection differs: corpus " + stats[i].selected + ", floor "
                            + floorFiles + ", check " + checked);
                }
                if (i == sizes.length - 1) {
                    System.out.printf(Locale.ROOT, "check at %,d files: %,d findings, %,d endpoints%n",
                            stats[i].selected, r.findings().size(), r.endpoints().size());
                }
            }

            Path warm = roots[Math.min(1, roots.length - 1)];
            long warmUntil = System.nanoTime() + 8_000_000_000L;
            int rounds = 0;
            while (System.nanoTime() < warmUntil || rounds < 6) {
                if (!only.equals("floor")) sink += full(warm).files().size();
                if (!only.equals("full")) sink += floor(warm)[1];
                rounds++;
            }
            System.out.println("warm-up: " + rounds + " rounds of both on " + warm.getFileName());

            System.out.println();
            System.out.println("   files       MB   full ms  floor ms   ratio  cpu ratio   files/s   full peak/live MB   floor peak/live MB");
            Result[] results = new Result[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                Path root = roots[i];
                Measured fullM = new Measured(reps);
                Measured floorM = new Measured(reps);
                if (!only.equals("floor")) heap.measure(() -> full(root).files().size());
                if (!only.equals("full")) heap.measure(() -> floor(root)[1]);
                for (int r = 0; r < reps; r++) {
                    boolean fullFirst = r % 2 == 0; // alternate the order, so drift hits both alike
                    for (int k = 0; k < 2; k++) {
                        if (fullFirst == (k == 0)) {
                            if (!only.equals("floor")) fullM.add(heap.measure(() -> full(root).files().size()));
                        } else {
                            if (!only.equals("full")) floorM.add(heap.measure(() -> floor(root)[1]));
                        }
                    }
                }
                Result res = new Result(stats[i], fullM, floorM);
                results[i] = res;
                System.out.printf(Locale.ROOT, "%8d %8.1f %9.1f %9.1f %7.2f %10.2f %9.0f %10.0f / %-7s %10.0f / %-7s%n",
                        stats[i].selected, stats[i].selectedBytes / 1e6, res.fullMs(), res.floorMs(), res.ratio(),
                        res.cpuRatio(), res.filesPerSecond(), fullM.peakMb(), fullM.liveMb(), floorM.peakMb(), floorM.liveMb());
            }

            System.out.println();
            System.out.println("peak: the most heap in use during a run (pool peaks, garbage included);");
            System.out.println("live: the most heap still in use right after a collection during a run (what is kept alive).");
            System.out.println("cpu ratio: the same ratio on CPU time of the measuring thread plus collection time.");
            Result last = results[results.length - 1];
            System.out.printf(Locale.ROOT, "target ratio <= %.1f at %,d files: %.2f %s%n", TARGET_RATIO, last.stats.selected,
                    last.ratio(), last.ratio() <= TARGET_RATIO ? "ok" : "MISSED");
            for (int i = 1; i < results.length; i++) {
                Result a = results[i - 1];
                Result b = results[i];
                double files = (double) b.stats.selected / a.stats.selected;
                double time = b.fullMs() / a.fullMs();
                System.out.printf(Locale.ROOT, "linear %,d -> %,d files (x%.1f): full time x%.2f, per file %.1f -> %.1f us %s%n",
                        a.stats.selected, b.stats.selected, files, time, 1000 * a.fullMs() / a.stats.selected,
                        1000 * b.fullMs() / b.stats.selected, time <= files * LINEAR_SLACK ? "ok" : "NOT LINEAR");
            }
            Result first = results[0];
            System.out.printf(Locale.ROOT, "memory: live heap %s MB at %,d files, %s MB at %,d files (floor: %s, %s MB); largest file %d KB%n",
                    first.full.liveMb(), first.stats.selected, last.full.liveMb(), last.stats.selected,
                    first.floor.liveMb(), last.floor.liveMb(), last.stats.largestFile / 1024);
            if (!only.equals("floor")) {
                System.out.printf(Locale.ROOT, "memory: the result itself (findings, endpoints, file list) holds %.1f MB at %,d files"
                        + " and %.1f MB at %,d files%n", resultMb(roots[0]), first.stats.selected,
                        resultMb(roots[roots.length - 1]), last.stats.selected);
            }
            System.out.printf(Locale.ROOT, "BENCH ratio=%.2f files=%d files_per_s=%.0f%n", last.ratio(), last.stats.selected,
                    last.filesPerSecond());
        } finally {
            heap.close();
            if (delete) delete(work);
        }
    }

    /** Heap still in use with a check's result held, less the heap in use without it. */
    private static double resultMb(Path root) throws Exception {
        long without = usedAfterGc();
        CheckResult r = full(root);
        long with = usedAfterGc();
        java.lang.ref.Reference.reachabilityFence(r);
        return (with - without) / (1024.0 * 1024);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static CheckResult full(Path root) throws IOException {
        return Engine.run(CheckRequest.builder(root).includes(includes()).build());
    }

    /** Notes name the files no reader exists for yet (XML): they were found, so they count as selected. */
    private static long xmlFiles(CheckResult r) {
        return r.notes().stream().filter(n -> n.contains("no reader for its format")).count();
    }

    /**
     * The floor: walk the tree, select by the same globs, read and parse each file with the same readers,
     * keep nothing. Returns {files selected, entries parsed}.
     */
    static long[] floor(Path root) throws IOException {
        return selectAndParse(root, (rel, bytes) -> ConfigReaders.read(rel, bytes).entries().size());
    }

    /** How one side parses a selected file's bytes: a count of what it saw; a throw counts as -1. */
    interface Parse {
        long parse(String rel, byte[] bytes) throws Exception;
    }

    /**
     * The walk of both floors: the request's include and exclude globs, {@code Files.readAllBytes} of every selected
     * file with a format, then the side's parse. Returns {files selected, sum of the counts}.
     */
    static long[] selectAndParse(Path root, Parse parse) throws IOException {
        CheckRequest request = CheckRequest.builder(root).includes(includes()).build();
        List<Glob> includes = request.includes();
        List<Glob> excludes = request.excludes();
        Path base = request.baseDir();
        long[] out = new long[2];
        Files.walkFileTree(base, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                String rel = base.relativize(d).toString().replace('\\', '/');
                return !rel.isEmpty() && any(excludes, rel + "/") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = base.relativize(file).toString().replace('\\', '/');
                if (!attrs.isRegularFile() || !any(includes, rel) || any(excludes, rel)) return FileVisitResult.CONTINUE;
                out[0]++;
                if (ConfigReaders.formatOf(rel) == null) return FileVisitResult.CONTINUE;
                byte[] bytes = Files.readAllBytes(file);
                try {
                    out[1] += parse.parse(rel, bytes);
                } catch (Exception e) {
                    out[1]--;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    static boolean any(List<Glob> globs, String rel) {
        for (Glob g : globs) {
            if (g.matches(rel)) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- measuring

    interface Task {
        long run() throws Exception;
    }

    static final class Sample {
        final long nanos;
        final long cpuNanos;
        final long peakBytes;
        final long liveBytes; // -1: no collection during the run

        Sample(long nanos, long cpuNanos, long peakBytes, long liveBytes) {
            this.nanos = nanos;
            this.cpuNanos = cpuNanos;
            this.peakBytes = peakBytes;
            this.liveBytes = liveBytes;
        }
    }

    static final class Measured {
        final List<Sample> samples;

        Measured(int reps) { samples = new ArrayList<>(reps); }

        void add(Sample s) { samples.add(s); }

        double medianMs() { return median(samples.stream().mapToLong(s -> s.nanos).sorted().toArray()); }

        /** CPU time of the measuring thread plus collection time: less sensitive to other processes on the machine. */
        double medianCpuMs() { return median(samples.stream().mapToLong(s -> s.cpuNanos).sorted().toArray()); }

        private static double median(long[] t) {
            if (t.length == 0) return Double.NaN;
            double m = t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2.0;
            return m / 1e6;
        }

        double peakMb() { return samples.stream().mapToLong(s -> s.peakBytes).max().orElse(0) / (1024.0 * 1024); }

        String liveMb() {
            long live = samples.stream().mapToLong(s -> s.liveBytes).max().orElse(-1);
            return live < 0 ? "no GC" : String.format(Locale.ROOT, "%.0f", live / (1024.0 * 1024));
        }
    }

    static final class Result {
        final Corpus.Stats stats;
        final Measured full;
        final Measured floor;

        Result(Corpus.Stats stats, Measured full, Measured floor) {
            this.stats = stats;
            this.full = full;
            this.floor = floor;
        }

        double fullMs() { return full.medianMs(); }
        double floorMs() { return floor.medianMs(); }
        double ratio() { return fullMs() / floorMs(); }
        double cpuRatio() { return full.medianCpuMs() / floor.medianCpuMs(); }
        double filesPerSecond() { return stats.selected / (fullMs() / 1000); }
    }

    /** Heap figures of one run: pool peaks reset before it, and the heap in use after each collection during it. */
    static final class Heap implements AutoCloseable {
        private final List<MemoryPoolMXBean> pools = new ArrayList<>();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener;
        private final AtomicLong liveAfterGc = new AtomicLong(-1);
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private volatile boolean recording;

        Heap() {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP && p.isValid()) pools.add(p);
            }
            listener = (n, handback) -> {
                if (!recording || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                // non-heap pools (metaspace, code cache) are in the map too: take the heap pools only
                long used = 0;
                for (MemoryPoolMXBean p : pools) {
                    MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(p.getName());
                    if (u != null) used += u.getUsed();
                }
                liveAfterGc.accumulateAndGet(used, Math::max);
            };
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter) {
                    ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
                    emitters.add((NotificationEmitter) gc);
                }
            }
        }

        Sample measure(Task task) throws Exception {
            System.gc();
            System.gc();
            Thread.sleep(100); // let the collection notifications of the calls above pass
            for (MemoryPoolMXBean p : pools) p.resetPeakUsage();
            liveAfterGc.set(-1);
            recording = true;
            long gc0 = gcMillis();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += task.run();
            long nanos = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0 + (gcMillis() - gc0) * 1_000_000;
            long peak = 0;
            for (MemoryPoolMXBean p : pools) peak += p.getPeakUsage().getUsed();
            Thread.sleep(20); // notifications arrive on another thread
            recording = false;
            return new Sample(nanos, cpu, peak, liveAfterGc.get());
        }

        private static long gcMillis() {
            long ms = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) ms += Math.max(0, gc.getCollectionTime());
            return ms;
        }

        @Override
        public void close() {
            for (NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(listener);
                } catch (Exception ignored) {
                    // gone already
                }
            }
        }
    }

    private static void clear(Path dir) throws IOException {
        delete(dir);
        Files.createDirectories(dir);
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
