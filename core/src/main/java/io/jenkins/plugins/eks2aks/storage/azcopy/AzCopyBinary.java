package io.jenkins.plugins.eks2aks.storage.azcopy;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AzCopy executable: the one the user named, or {@code azcopy} on the PATH; refused when it is older than the
 * version whose JSON output and flags this engine reads.
 *
 * @param path    the executable
 * @param version its version, e.g. {@code 10.32.2}
 */
public record AzCopyBinary(Path path, String version) {

    /** {@code --output-type json} with Dryrun lines, {@code --overwrite=ifSourceNewer} and S3 sources: 10.20 and later. */
    public static final String MINIMUM = "10.20.0";

    private static final Pattern VERSION = Pattern.compile("azcopy version (\\d+)\\.(\\d+)\\.(\\d+)");

    /**
     * @param given  the binary the user named, or null
     * @param option how the edge names that option, for messages
     * @param env    the environment whose PATH is searched
     */
    public static AzCopyBinary locate(String given, String option, Map<String, String> env) throws InterruptedException {
        Path path = given != null ? Path.of(given) : onPath(env.get("PATH"));
        if (path == null) {
            throw new MigrationException("AzCopy is not on the PATH: install it (https://aka.ms/downloadazcopy-v10-linux), give "
                    + option + " PATH, or use the java engine");
        }
        if (!Files.isExecutable(path)) {
            throw new MigrationException("AzCopy '" + path + "' (" + option + ") does not exist or is not executable");
        }
        String output;
        try {
            Process p = new ProcessBuilder(List.of(path.toString(), "--version")).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot run AzCopy '" + path + "': " + e.getMessage(), e);
        }
        Matcher m = VERSION.matcher(output);
        if (!m.find()) {
            throw new MigrationException("'" + path + "' is not AzCopy: '" + path + " --version' printed '"
                    + output.strip().lines().findFirst().orElse("") + "'");
        }
        String version = m.group(1) + "." + m.group(2) + "." + m.group(3);
        if (compare(version, MINIMUM) < 0) {
            throw new MigrationException("AzCopy " + version + " at '" + path + "' is too old: " + MINIMUM
                    + " or newer is needed (https://aka.ms/downloadazcopy-v10-linux)");
        }
        return new AzCopyBinary(path, version);
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static Path onPath(String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "azcopy"))) {
                return Path.of(dir, "azcopy");
            }
        }
        return null;
    }
}
