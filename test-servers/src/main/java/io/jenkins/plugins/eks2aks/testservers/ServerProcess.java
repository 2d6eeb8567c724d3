package io.jenkins.plugins.eks2aks.testservers;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child server process whose output goes to a log file, that can wait until the server answers, and that is
 * always killed: by {@link #close()} (destroy, then destroyForcibly) and, should the test JVM exit without closing it,
 * by a shutdown hook, so no server outlives the build.
 */
public final class ServerProcess implements AutoCloseable {
    /** A check that the server is ready; an exception counts as "not yet". */
    @FunctionalInterface
    public interface ReadinessProbe {
        boolean isReady() throws Exception;
    }

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process process : RUNNING) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }, "eks2aks-test-servers-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;

    private ServerProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} with stdout and stderr appended to {@code logFile} and stdin from /dev/null (so a
     * server never blocks on, or reacts to, the test JVM's input).
     */
    public static ServerProcess start(String name, List<String> command, Path logFile, Map<String, String> environment)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        RUNNING.add(process);
        return new ServerProcess(name, process, logFile);
    }

    /**
     * Polls {@code probe} until it says ready. Fails fast, with the log's tail, if the process exits first or the
     * timeout passes.
     */
    public void awaitReady(Duration timeout, Duration pollInterval, ReadinessProbe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastProbeFailure = null;
        while (true) {
            if (!process.isAlive()) {
                throw new ServerStartException(name + " exited with code " + process.exitValue()
                        + " before it was ready." + logTailForMessage());
            }
            try {
                if (probe.isReady()) {
                    return;
                }
                lastProbeFailure = null;
            } catch (Exception e) {
                lastProbeFailure = e;
            }
            if (System.nanoTime() > deadline) {
                throw new ServerStartException(name + " was not ready after " + timeout.toSeconds() + " s"
                        + (lastProbeFailure == null ? "" : " (last check: " + lastProbeFailure + ")") + "."
                        + logTailForMessage(), lastProbeFailure);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerStartException("Interrupted while waiting for " + name, e);
            }
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last {@code maxLines} lines of the log (reads at most the last 16 KiB). */
    public String logTail(int maxLines) {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 16 * 1024);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    String logTailForMessage() {
        return "\n--- last lines of " + logFile + " ---\n" + logTail(40) + "\n--- end of log ---";
    }

    /** Asks the process (and anything it started) to stop, then kills it if it has not stopped within 10 s. */
    @Override
    public void close() {
        try {
            List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
            process.destroy();
            descendants.forEach(ProcessHandle::destroy);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + logFile + ")";
    }
}
