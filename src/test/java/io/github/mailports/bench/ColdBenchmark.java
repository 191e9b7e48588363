package io.github.mailports.bench;

import io.github.mailports.config.ConfigFormat;
import io.github.mailports.config.ConfigReaders;
import io.github.mailports.engine.CheckRequest;
import io.github.mailports.engine.Engine;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The check in a cold JVM, as in a build, against two floors measured the same way:
 * <ul>
 * <li><b>full</b>: {@link Engine#run} on the corpus, everything a build runs but writing the reports;</li>
 * <li><b>ours</b>: walk, select by the same globs, read and parse with our readers ({@code ConfigReaders.read}), the
 * floor of {@link Benchmark};</li>
 * <li><b>raw</b>: walk, select by the same globs, read, and parse the same bytes with the libraries themselves:
 * SnakeYAML's composer for YAML and JSON (every document, every node), {@code java.util.Properties.load}, one
 * StAX pass over every XML event. No positions, no entries, no checks: the least any reader of these files does.</li>
 * </ul>
 * Each run is a fresh JVM that runs one side once, timed inside the JVM from before the first call to the end (class
 * loading, interpretation and JIT included, JVM start-up excluded, as the check runs inside Maven's JVM). The sides
 * take turns in every round (rotating which goes first) so that load on the machine hits all three; medians are
 * reported. Run it with {@code ./mvnw -B -Pbenchmark verify -Dbench.mode=cold} (see docs/performance.md).
 *
 * <p>System properties: {@code bench.sizes} (the largest is used; default 5000), {@code bench.reps} (rounds, default
 * 11; the POM's profile passes 7 unless given), {@code bench.dir}, {@code bench.jfr} (a side whose JVMs record a
 * Flight Recorder file, {@code cold-<side>.jfr}); in a child: {@code bench.cold} (the side) and {@code bench.root}.
 */
public final class ColdBenchmark {
    static final String[] SIDES = {"full", "ours", "raw"};

    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        String side = System.getProperty("bench.cold", "");
        if (!side.isEmpty()) {
            child(side, Paths.get(System.getProperty("bench.root")));
            return;
        }
        String[] sizes = System.getProperty("bench.sizes", "5000").split(",");
        int size = Integer.parseInt(sizes[sizes.length - 1].trim());
        int reps = Integer.getInteger("bench.reps", 11);
        String dir = System.getProperty("bench.dir", "");
        Path work = dir.isEmpty() ? Files.createTempDirectory("mailports-cold") : Files.createDirectories(Paths.get(dir));
        Path root = work.resolve("cold-n" + size);
        try {
            if (Files.isDirectory(root)) Benchmark.delete(root);
            Files.createDirectories(root);
            Corpus.Stats stats = Corpus.write(root, size, 42);
            System.out.printf(Locale.ROOT, "cold JVMs: %,d configuration files (%.1f MB), %d rounds of %s; load average %.2f%n",
                    stats.selected, stats.selectedBytes / 1e6, reps, Arrays.toString(SIDES),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            long[][] wall = new long[SIDES.length][reps];
            long[][] cpu = new long[SIDES.length][reps];
            for (int r = 0; r < reps; r++) {
                for (int k = 0; k < SIDES.length; k++) {
                    int s = (r + k) % SIDES.length; // rotate which side goes first
                    long[] t = spawn(SIDES[s], root);
                    wall[s][r] = t[0];
                    cpu[s][r] = t[1];
                }
            }
            double[] medWall = new double[SIDES.length];
            double[] medCpu = new double[SIDES.length];
            for (int s = 0; s < SIDES.length; s++) {
                medWall[s] = median(wall[s]);
                medCpu[s] = median(cpu[s]);
                System.out.printf(Locale.ROOT, "%-5s wall ms %s -> median %.0f; cpu ms median %.0f%n", SIDES[s],
                        Arrays.toString(Arrays.stream(wall[s]).map(n -> n / 1_000_000).toArray()), medWall[s] / 1e6, medCpu[s] / 1e6);
            }
            double[] perRoundRaw = new double[reps];
            double[] perRoundOurs = new double[reps];
            for (int r = 0; r < reps; r++) {
                perRoundRaw[r] = (double) wall[0][r] / wall[2][r];
                perRoundOurs[r] = (double) wall[0][r] / wall[1][r];
            }
            System.out.printf(Locale.ROOT, "full / ours: %.2f (cpu %.2f, median of rounds %.2f)%n", medWall[0] / medWall[1],
                    medCpu[0] / medCpu[1], median(perRoundOurs));
            System.out.printf(Locale.ROOT, "full / raw:  %.2f (cpu %.2f, median of rounds %.2f)%n", medWall[0] / medWall[2],
                    medCpu[0] / medCpu[2], median(perRoundRaw));
            System.out.printf(Locale.ROOT, "load average after: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "COLD raw_ratio=%.2f ours_ratio=%.2f files=%d%n", medWall[0] / medWall[2],
                    medWall[0] / medWall[1], stats.selected);
        } finally {
            if (dir.isEmpty()) Benchmark.delete(work);
        }
    }

    /** Runs one side in a new JVM with this JVM's heap flags; returns {wall, cpu} nanos as the child measured them. */
    private static long[] spawn(String side, Path root) throws IOException, InterruptedException {
        return spawn(ColdBenchmark.class, "-Dbench.cold=" + side, root);
    }

    /**
     * Runs {@code main} of a benchmark class in a new JVM with this JVM's heap flags and {@code sideFlag}; the child
     * prints {@code COLD side wallNanos cpuNanos n}. Returns {wall, cpu} nanos as the child measured them.
     */
    static long[] spawn(Class<?> main, String sideFlag, Path root) throws IOException, InterruptedException {
        String side = sideFlag.substring(sideFlag.indexOf('=') + 1);
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-X") && !a.startsWith("-Xrunjdwp")) cmd.add(a);
        }
        String jfr = System.getProperty("bench.jfr", "");
        if (jfr.equals(side)) cmd.add("-XX:StartFlightRecording=filename=cold-" + side + ".jfr,settings=profile");
        cmd.add(sideFlag);
        cmd.add("-Dbench.root=" + root);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(readAll(p), StandardCharsets.UTF_8);
        // the child's own line (Flight Recorder prints its start-up lines before it)
        int at = out.startsWith("COLD ") ? 0 : out.indexOf("\nCOLD ") + 1;
        if (p.waitFor() != 0 || (at == 0 && !out.startsWith("COLD "))) {
            throw new IllegalStateException("child " + side + " failed:\n" + out);
        }
        String[] f = out.substring(at).trim().split("\\s+");
        return new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])};
    }

    private static byte[] readAll(Process p) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = p.getInputStream().read(buf)) > 0) b.write(buf, 0, n);
        return b.toByteArray();
    }

    private static double median(long[] v) {
        long[] t = v.clone();
        Arrays.sort(t);
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2.0;
    }

    private static double median(double[] v) {
        double[] t = v.clone();
        Arrays.sort(t);
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2.0;
    }

    private static void child(String side, Path root) throws Exception {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long files;
        if (side.equals("full")) {
            files = Engine.run(CheckRequest.builder(root).includes(Benchmark.includes()).build()).files().size();
        } else if (side.equals("ours")) {
            files = Benchmark.floor(root)[0];
        } else {
            files = raw(root)[0];
        }
        long wall = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        sink += files;
        System.out.println("COLD " + side + " " + wall + " " + cpu + " " + files);
    }

    /**
     * The raw floor: the same walk and selection as {@link Benchmark#floor}, then the libraries' own parse of the bytes.
     * Returns {files selected, nodes or keys or events seen}.
     */
    static long[] raw(Path root) throws IOException {
        XMLInputFactory xml = XMLInputFactory.newInstance();
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        Yaml yaml = new Yaml(new LoaderOptions());
        return Benchmark.selectAndParse(root, (rel, bytes) -> parse(ConfigReaders.formatOf(rel), bytes, xml, yaml));
    }

    private static long parse(ConfigFormat format, byte[] bytes, XMLInputFactory xml, Yaml yaml) throws IOException, XMLStreamException {
        switch (format) {
            case PROPERTIES: {
                Properties p = new Properties();
                p.load(new ByteArrayInputStream(bytes));
                return p.size();
            }
            case XML: {
                XMLStreamReader r = xml.createXMLStreamReader(new ByteArrayInputStream(bytes));
                long events = 0;
                while (r.hasNext()) {
                    r.next();
                    events++;
                }
                r.close();
                return events;
            }
            default: { // YAML, and JSON (which SnakeYAML reads as YAML)
                long nodes = 0;
                for (Node n : yaml.composeAll(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
                    nodes += count(n);
                }
                return nodes;
            }
        }
    }

    private static long count(Node n) {
        if (n instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            long c = 1;
            for (org.yaml.snakeyaml.nodes.NodeTuple t : ((org.yaml.snakeyaml.nodes.MappingNode) n).getValue()) {
                c += count(t.getKeyNode()) + count(t.getValueNode());
            }
            return c;
        }
        if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
            long c = 1;
            for (Node x : ((org.yaml.snakeyaml.nodes.SequenceNode) n).getValue()) c += count(x);
            return c;
        }
        return 1;
    }
}
