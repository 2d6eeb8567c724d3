package io.jenkins.plugins.eks2aks.bench;

import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ConversionSummary;
import io.jenkins.plugins.eks2aks.manifests.ConvertedDocument;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ManifestFile;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import io.jenkins.plugins.eks2aks.manifests.ManifestWriter;
import io.jenkins.plugins.eks2aks.manifests.OutputFormat;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The conversion benchmark ({@code bench/convert/run.sh}); a program, not a test, so {@code mvn verify} never
 * runs it. On a seeded corpus it times, in one JVM and after a warm-up:
 * <ol>
 *   <li>(a) parse and serialize: {@link ManifestReader} and {@link ManifestWriter} with every document forced to
 *       re-serialize, no rules;</li>
 *   <li>(b) the full conversion with reports: {@link ManifestConversion} (files format);</li>
 *   <li>(c) for information, the same with the Kustomize overlay and the Velero ConfigMaps.</li>
 * </ol>
 * It prints documents per second for each, the ratio b/a, the process CPU time and the peak heap (sampled
 * every millisecond).
 * Options: {@code --docs N} (10000), {@code --seed S} (42), {@code --warmup N} (3), {@code --runs N} (5),
 * {@code --keep DIR} (write the corpus and the last outputs there instead of a temporary directory). The phases
 * take turns run after run, and the per-run ratios are printed too, so that other load on the machine weighs on
 * each phase alike.
 */
public final class ConvertBenchmark {

    private static final EventSink QUIET = EventSink.NONE;

    private ConvertBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int docs = intArg(args, "--docs", 10_000);
        long seed = intArg(args, "--seed", 42);
        int warmup = intArg(args, "--warmup", 3);
        int runs = intArg(args, "--runs", 5);
        String keep = stringArg(args, "--keep");
        Path work = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("eks2aks-bench-");
        Path corpus = work.resolve("corpus");
        delete(corpus);
        int files = BenchCorpus.write(corpus, docs, seed);
        MigrationMapping mapping = MigrationMapping.defaults().withAcr("contoso.azurecr.io");

        Runnable parseAndSerialize = () -> {
            ManifestSet set = new ManifestReader().read(corpus);
            new ManifestWriter().write(everyDocumentReserialized(set), fresh(work.resolve("out-a")));
        };
        Runnable convert = () -> new ManifestConversion(QUIET).run(
                new ConversionRequest(corpus, fresh(work.resolve("out-b")), mapping, false, OutputFormat.FILES, false));
        Runnable convertAllOutputs = () -> new ManifestConversion(QUIET).run(
                new ConversionRequest(corpus, fresh(work.resolve("out-c")), mapping, false, OutputFormat.KUSTOMIZE, true));

        ConversionSummary summary = new ManifestConversion(QUIET).run(
                new ConversionRequest(corpus, work.resolve("out-b"), mapping, true, OutputFormat.FILES, false));
        System.out.printf(Locale.ROOT, "corpus: %d documents (%d objects) in %d files, seed %d, at %s%n",
                summary.documents(), summary.objects(), files, seed, corpus);
        System.out.printf(Locale.ROOT, "changes: %d %s; %d documents changed; %d conflicts%n", summary.changes(),
                summary.changesByMode(), summary.changedDocuments(), summary.conflicts());
        System.out.printf(Locale.ROOT, "JVM: %s, %d CPUs, max heap %d MiB; warm-up %d, timed runs %d (median)%n",
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, warmup, runs);

        for (int i = 0; i < warmup; i++) {
            parseAndSerialize.run();
            convert.run();
            convertAllOutputs.run();
        }
        // The phases take turns, run after run, so that other load on the machine weighs on each alike.
        List<Measure> as = new ArrayList<>();
        List<Measure> bs = new ArrayList<>();
        List<Measure> cs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            as.add(measure(parseAndSerialize, work.resolve("out-a")));
            bs.add(measure(convert, work.resolve("out-b")));
            cs.add(measure(convertAllOutputs, work.resolve("out-c")));
        }
        Measure a = Measure.median(as);
        Measure b = Measure.median(bs);
        Measure c = Measure.median(cs);
        double[] ratios = new double[runs];
        for (int i = 0; i < runs; i++) {
            ratios[i] = (double) bs.get(i).nanos() / as.get(i).nanos();
        }
        Arrays.sort(ratios);

        int n = summary.documents();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-52s %10s %12s %10s %14s%n", "phase", "median ms", "docs/s", "CPU ms", "peak heap MiB");
        a.print("(a) parse + serialize, no rules", n);
        b.print("(b) full conversion + reports (files)", n);
        c.print("(c) conversion + reports + overlay + Velero (info)", n);
        double ratio = (double) b.nanos() / a.nanos();
        System.out.printf(Locale.ROOT, "%nratio b/a = %.2f (goal <= 1.5); median of the per-run ratios %.2f (%.2f to %.2f); "
                + "(b) = %.0f docs/s (goal >= 5000)%n", ratio, ratios[runs / 2], ratios[0], ratios[runs - 1],
                n / (b.nanos() / 1e9));
        System.out.printf(Locale.ROOT, "CPU time ratio b/a = %.2f (all threads of the JVM, GC included: less sensitive to "
                + "other load on the machine, but (b) renders its reports on two threads)%n",
                (double) b.cpuNanos() / a.cpuNanos());
        if (keep == null) {
            delete(work);
        }
    }

    /** The input with every document marked converted to itself, so the writer re-serializes all of them. */
    private static ConversionResult everyDocumentReserialized(ManifestSet set) {
        List<ConvertedDocument> documents = new ArrayList<>();
        for (ManifestFile file : set.files()) {
            for (ManifestDocument document : file.documents()) {
                documents.add(new ConvertedDocument(document, document.content(), false));
            }
        }
        return new ConversionResult(set, documents, List.of(), List.of(), documents.size());
    }

    /** One timed run: wall-clock and process CPU time, peak heap; or the medians of several. */
    private record Measure(long nanos, long cpuNanos, long peakHeapBytes) {

        static Measure median(List<Measure> runs) {
            long[] wall = runs.stream().mapToLong(Measure::nanos).sorted().toArray();
            long[] cpu = runs.stream().mapToLong(Measure::cpuNanos).sorted().toArray();
            long peak = runs.stream().mapToLong(Measure::peakHeapBytes).max().orElse(0);
            return new Measure(wall[wall.length / 2], cpu[cpu.length / 2], peak);
        }

        void print(String phase, int documents) {
            System.out.printf(Locale.ROOT, "%-52s %10.0f %12.0f %10.0f %14.0f%n", phase, nanos / 1e6,
                    documents / (nanos / 1e9), cpuNanos / 1e6, peakHeapBytes / 1048576.0);
        }
    }

    private static Measure measure(Runnable phase, Path output) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        delete(output);
        System.gc();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong max = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        phase.run();
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuStart;
        running.set(false);
        sampler.join();
        return new Measure(wall, cpu, max.get());
    }

    private static Path fresh(Path dir) {
        delete(dir);
        return dir;
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String stringArg(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
