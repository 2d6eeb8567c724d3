package io.jenkins.plugins.eks2aks.testservers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AzCopy command-line tool (installed from npm by {@code bin/setup-test-servers}), run with its logs and job
 * plans in a temp directory instead of {@code ~/.azcopy}.
 *
 * <p>Against Azurite it needs a SAS URL and an explicit direction, e.g.
 * {@code run("copy", dir, azurite.containerUrl("c") + "?" + sas, "--recursive", "--from-to", "LocalBlob")}.
 * AzCopy 10.32 accepts only real AWS host names as an S3 source, so S3-to-Blob copies cannot run against an emulator.
 */
public final class AzCopy implements AutoCloseable {
    /** Exit code and output of one AzCopy run. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** stdout then stderr, for assertion messages. */
        public String output() {
            return stdout + (stderr.isEmpty() ? "" : "\n--- stderr ---\n" + stderr);
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exitCode + "\n" + output();
        }
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Path binary;
    private final Path workDir;
    private final AtomicInteger runs = new AtomicInteger();

    private AzCopy(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /** Locates the installed binary (failing with the setup command if absent) and makes its scratch folders. */
    public static AzCopy create() throws IOException {
        Path binary = TestServerInstall.azcopy();
        if (!Files.isExecutable(binary)) {
            throw new TestServerNotInstalledException(binary + " is not executable. Run " + TestServerInstall.SETUP_COMMAND
                    + " from the repository root, then run the tests again.");
        }
        AzCopy azCopy = new AzCopy(binary, TempDirectories.create("azcopy"));
        Files.createDirectories(azCopy.logDirectory());
        Files.createDirectories(azCopy.jobPlanDirectory());
        return azCopy;
    }

    public Path binary() {
        return binary;
    }

    /** {@code AZCOPY_LOG_LOCATION} for every run. */
    public Path logDirectory() {
        return workDir.resolve("logs");
    }

    /** {@code AZCOPY_JOB_PLAN_LOCATION} for every run. */
    public Path jobPlanDirectory() {
        return workDir.resolve("plans");
    }

    /** Runs {@code azcopy ARGS...} with a 5-minute timeout. */
    public Result run(String... args) throws IOException, InterruptedException {
        return run(DEFAULT_TIMEOUT, Arrays.asList(args));
    }

    /** Runs {@code azcopy ARGS...}; a run that exceeds {@code timeout} is killed and fails. */
    public Result run(Duration timeout, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        int run = runs.incrementAndGet();
        Path stdout = workDir.resolve("run-" + run + ".out");
        Path stderr = workDir.resolve("run-" + run + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(Map.of(
                "AZCOPY_LOG_LOCATION", logDirectory().toString(),
                "AZCOPY_JOB_PLAN_LOCATION", jobPlanDirectory().toString(),
                // Keep the machine's syslog free of test noise.
                "AZCOPY_DISABLE_SYSLOG", "true"));
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IOException("azcopy did not finish within " + timeout.toSeconds() + " s: "
                        + String.join(" ", command) + "\n" + Files.readString(stdout, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        return new Result(List.copyOf(command), process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** Deletes the logs and job plans. */
    @Override
    public void close() {
        TempDirectories.deleteQuietly(workDir);
    }

    @Override
    public String toString() {
        return "azcopy " + binary;
    }
}
