package io.jenkins.plugins.eks2aks.testservers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where {@code bin/setup-test-servers} puts each server and tool, and the one place that fails with a useful message
 * when one is missing.
 *
 * <p>Debian packages are looked up on {@code PATH}; npm packages under {@code test-servers/node/node_modules}; the
 * S3Mock jar under {@code .test-servers/s3mock}. The repository root is found by walking up from {@code user.dir}
 * (Maven runs each module's tests in the module directory) to the directory holding {@code bin/setup-test-servers}.
 *
 * <p>Any location can be overridden with a system property {@code eks2aks.testservers.<tool>} (tool names as in
 * {@link #DOCKER_REGISTRY} etc.), for machines that install the servers elsewhere.
 */
public final class TestServerInstall {
    /** The command, relative to the repository root, that installs everything this class looks for. */
    public static final String SETUP_COMMAND = "bin/setup-test-servers";

    public static final String DOCKER_REGISTRY = "docker-registry";
    public static final String HTPASSWD = "htpasswd";
    public static final String OPENSSL = "openssl";
    public static final String AZURITE_BLOB = "azurite-blob";
    public static final String AZCOPY = "azcopy";
    public static final String S3MOCK_JAR = "s3mock";

    /** Kept in step with bin/setup-test-servers and the parent pom's s3mock.version. */
    static final String S3MOCK_VERSION = "4.12.4";

    private static final String OVERRIDE_PREFIX = "eks2aks.testservers.";

    private TestServerInstall() {}

    /** The repository root: the nearest directory at or above {@code user.dir} containing the setup script. */
    public static Path repositoryRoot() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SETUP_COMMAND))) {
                return dir;
            }
        }
        throw new TestServerNotInstalledException("Cannot find the eks2aks repository root: no directory at or above "
                + start + " contains " + SETUP_COMMAND + ". Run the tests from inside the repository, after running "
                + SETUP_COMMAND + " there.");
    }

    public static Path dockerRegistry() {
        return onPath(DOCKER_REGISTRY, "docker-registry", "the OCI distribution registry (Debian package docker-registry)");
    }

    public static Path htpasswd() {
        return onPath(HTPASSWD, "htpasswd", "htpasswd (Debian package apache2-utils)");
    }

    public static Path openssl() {
        return onPath(OPENSSL, "openssl", "openssl (Debian package openssl)");
    }

    public static Path azuriteBlob() {
        return inRepository(AZURITE_BLOB, "test-servers/node/node_modules/.bin/azurite-blob",
                "Azurite, the Azure Blob emulator (npm package azurite)");
    }

    public static Path azcopy() {
        return inRepository(AZCOPY,
                "test-servers/node/node_modules/@azure-tools/azcopy-linux/dist/bin/azcopy_linux_amd64",
                "AzCopy (npm package @azure-tools/azcopy-linux)");
    }

    public static Path s3MockJar() {
        return inRepository(S3MOCK_JAR, ".test-servers/s3mock/s3mock-" + S3MOCK_VERSION + "-exec.jar",
                "the S3 emulator S3Mock (Maven com.adobe.testing:s3mock:" + S3MOCK_VERSION + ":jar:exec)");
    }

    private static Path inRepository(String tool, String relativePath, String description) {
        Path override = override(tool);
        Path path = override != null ? override : repositoryRoot().resolve(relativePath);
        return requireInstalled(path, description);
    }

    private static Path onPath(String tool, String command, String description) {
        Path override = override(tool);
        if (override != null) {
            return requireInstalled(override, description);
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Paths.get(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw notInstalled(description, "'" + command + "' on PATH (" + pathVariable + ")");
    }

    private static Path override(String tool) {
        String value = System.getProperty(OVERRIDE_PREFIX + tool);
        return value == null || value.isBlank() ? null : Paths.get(value).toAbsolutePath();
    }

    private static Path requireInstalled(Path path, String description) {
        if (!Files.isRegularFile(path)) {
            throw notInstalled(description, path.toString());
        }
        return path;
    }

    private static TestServerNotInstalledException notInstalled(String description, String lookedFor) {
        return new TestServerNotInstalledException(description + " is not installed (looked for " + lookedFor
                + "). Run " + SETUP_COMMAND + " from the repository root, then run the tests again.");
    }
}
