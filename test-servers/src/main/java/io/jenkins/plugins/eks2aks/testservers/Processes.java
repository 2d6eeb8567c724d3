package io.jenkins.plugins.eks2aks.testservers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short helper command (htpasswd, openssl) and fails with its output if it does not succeed. */
final class Processes {
    private Processes() {}

    static void runChecked(List<String> command, Path workDir) throws IOException, InterruptedException {
        Path output = Files.createTempFile(workDir, "command-", ".log");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("Timed out: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IOException("Command failed with exit code " + process.exitValue() + ": "
                    + String.join(" ", command) + "\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
    }
}
