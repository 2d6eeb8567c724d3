package io.jenkins.plugins.eks2aks.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.eks2aks.clusters.KubernetesClients;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.inventory.DumpObjects;
import io.jenkins.plugins.eks2aks.inventory.EksInventory;
import io.jenkins.plugins.eks2aks.inventory.InventoryRequest;
import io.jenkins.plugins.eks2aks.inventory.InventorySummary;
import io.jenkins.plugins.eks2aks.inventory.LiveObjects;
import io.jenkins.plugins.eks2aks.standins.MockCluster;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inventory's scale benchmark (issue 4, "Scale"): {@code serve N DIR} starts the mock API server with N objects
 * (a realistic mix: Deployments with their ReplicaSets and Pods, Services, ConfigMaps, IRSA service accounts, PVCs,
 * HPAs, PDBs over 50 namespaces) and writes DIR/kubeconfig; {@code inventory DIR} runs a live inventory against it
 * through that kubeconfig, in its own JVM, and prints the wall time and the peak heap. {@code dump N FILE} writes the same
 * objects as one {@code kubectl get -A -o yaml} List and {@code inventory-dump FILE} inventories it. Not a test:
 * bench/inventory/run.sh.
 */
public final class InventoryBenchmark {

    private InventoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length == 2 && args[0].equals("inventory")) {
            inventory(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("dump")) {
            dump(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length == 2 && args[0].equals("inventory-dump")) {
            inventoryOfDump(Path.of(args[1]));
        } else {
            System.err.println("usage: InventoryBenchmark serve N DIR | inventory DIR | dump N FILE | inventory-dump FILE");
            System.exit(64);
        }
    }

    private static void serve(int objects, Path dir) throws Exception {
        long start = System.nanoTime();
        MockCluster cluster = new MockCluster();
        cluster.dispatcher().discovery(MockCluster.EKS_GROUPS);
        int stored = 0;
        for (int ns = 0; ns < 50; ns++) {
            cluster.dispatcher().store("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team-" + ns + "\"}}");
            stored++;
        }
        cluster.dispatcher().store("/apis/storage.k8s.io/v1/storageclasses", "{\"apiVersion\":\"storage.k8s.io/v1\",\"kind\":\"StorageClass\",\"metadata\":{\"name\":\"gp3\"},"
                + "\"provisioner\":\"ebs.csi.aws.com\",\"parameters\":{\"type\":\"gp3\"}}");
        stored++;
        for (int unit = 0; stored < objects; unit++) {
            for (String[] object : BenchObjects.unit(unit)) {
                if (stored++ < objects) {
                    cluster.dispatcher().store(object[0], object[1]);
                }
            }
        }
        Files.createDirectories(dir);
        cluster.writeKubeconfig(dir.resolve("kubeconfig"), "bench");
        System.out.printf("server: %d objects stored in %.1f s%n", stored, (System.nanoTime() - start) / 1e9);
        Files.writeString(dir.resolve("ready"), Integer.toString(stored));
        Thread.currentThread().join(); // serves until the script ends this process
    }

    /**
     * Writes the same N objects as {@code serve} as one {@code kubectl get -A -o yaml} List: each item as a JSON flow
     * mapping (JSON is YAML), so a dump of hundreds of thousands of objects is written in seconds.
     */
    private static void dump(int objects, Path file) throws Exception {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("apiVersion: v1\nitems:\n");
            int stored = 0;
            for (int ns = 0; ns < 50; ns++, stored++) {
                out.write("- {\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team-" + ns + "\"}}\n");
            }
            out.write("- {\"apiVersion\":\"storage.k8s.io/v1\",\"kind\":\"StorageClass\",\"metadata\":{\"name\":\"gp3\"},"
                    + "\"provisioner\":\"ebs.csi.aws.com\",\"parameters\":{\"type\":\"gp3\"}}\n");
            stored++;
            for (int unit = 0; stored < objects; unit++) {
                for (String[] object : BenchObjects.unit(unit)) {
                    if (stored++ < objects) {
                        out.write("- " + object[1] + "\n");
                    }
                }
            }
            out.write("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
        }
        System.out.printf("dump: %d objects, %d MB%n", objects, Files.size(file) >> 20);
    }

    private static void inventoryOfDump(Path file) throws Exception {
        measure(() -> new EksInventory(EventSink.NONE, Clock.systemUTC()).run(new InventoryRequest(new DumpObjects(file), null, "1.29", null,
                file.resolveSibling(file.getFileName() + ".out"))));
    }

    private static void inventory(Path dir) throws Exception {
        measure(() -> {
            try (KubernetesClient client = KubernetesClients.fromKubeconfig(dir.resolve("kubeconfig"), null, Duration.ofSeconds(120))) {
                return new EksInventory(EventSink.NONE, Clock.systemUTC()).run(new InventoryRequest(
                        new LiveObjects(client, "bench", 500, EventSink.NONE), null, "1.29", null, dir.resolve("out")));
            }
        });
    }

    private static void measure(Callable<InventorySummary> run) throws Exception {
        AtomicLong sampled = new AtomicLong();
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                sampled.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        InventorySummary summary = run.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        // CPU time does not stretch when other processes share the machine, wall time does.
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        System.out.printf("inventory: %d objects in %.1f s (%.0f objects/s), %.1f s CPU; peak heap used %d MB (sampled), %d MB (sum of pool peaks, "
                        + "an upper bound); max heap %d MB; peak RSS %s; %d findings, %d images, %d claims%n",
                summary.objects(), seconds, summary.objects() / seconds, cpu, sampled.get() >> 20, poolPeaks >> 20,
                Runtime.getRuntime().maxMemory() >> 20, peakRss(), summary.findings(), summary.images(), summary.persistentVolumeClaims());
    }

    /** The process's peak resident set (VmHWM), heap and everything else; "n/a" where /proc is not there. */
    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MB";
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux
        }
        return "n/a";
    }
}
