package io.jenkins.plugins.eks2aks.testservers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A running Adobe S3Mock (a faithful S3 emulator: XML API, multipart ETags, presigned URLs, ranges) as a child JVM,
 * with its store in a temp directory.
 *
 * <p>Clients use {@link #endpoint()} as endpoint override with path-style access, region {@link #region()} and the
 * dummy credentials below (S3Mock checks no signatures). S3Mock always opens an HTTPS port too; it gets a free
 * loopback port and is not used. Note that S3Mock's plain-HTTP connector binds all interfaces, not just loopback.
 */
public final class S3Emulator implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "eks2aks-test-access-key";
    public static final String SECRET_ACCESS_KEY = "eks2aks-test-secret-key";

    private final int port;
    private final int httpsPort;
    private final Path workDir;
    private ServerProcess process;

    private S3Emulator(int port, int httpsPort, Path workDir) {
        this.port = port;
        this.httpsPort = httpsPort;
        this.workDir = workDir;
    }

    /** Starts S3Mock with the given buckets already created and waits until it lists buckets. */
    public static S3Emulator start(String... initialBuckets) throws Exception {
        Path jar = TestServerInstall.s3MockJar();
        int port = FreePort.pick();
        int httpsPort;
        do {
            httpsPort = FreePort.pick();
        } while (httpsPort == port);
        S3Emulator s3 = new S3Emulator(port, httpsPort, TempDirectories.create("s3mock"));
        try {
            s3.launch(jar, initialBuckets);
            return s3;
        } catch (Throwable t) {
            s3.close();
            throw t;
        }
    }

    private void launch(Path jar, String... initialBuckets) throws Exception {
        Path store = Files.createDirectories(workDir.resolve("store"));
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived test server: the C1 compiler and serial GC start faster and use less memory.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx512m",
                "-jar", jar.toString(),
                "--server.address=127.0.0.1",
                "--server.port=" + httpsPort,
                "--com.adobe.testing.s3mock.httpPort=" + port,
                "--com.adobe.testing.s3mock.store.root=" + store,
                "--spring.main.banner-mode=off"));
        if (initialBuckets.length > 0) {
            command.add("--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", initialBuckets));
        }
        process = ServerProcess.start("S3Mock", command, workDir.resolve("s3mock.log"), Map.of());
        URI listBuckets = URI.create(endpoint() + "/");
        process.awaitReady(Duration.ofSeconds(120), Duration.ofMillis(200),
                () -> HttpProbe.get(listBuckets).statusCode() == 200);
    }

    /** {@code http://127.0.0.1:PORT}: the endpoint override for S3 clients (use path-style access). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The HTTPS port S3Mock insists on opening (self-signed certificate); tests use {@link #endpoint()}. */
    public int httpsPort() {
        return httpsPort;
    }

    public String region() {
        return REGION;
    }

    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }

    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    /** Where S3Mock keeps buckets and objects. */
    public Path storeDirectory() {
        return workDir.resolve("store");
    }

    public Path logFile() {
        return workDir.resolve("s3mock.log");
    }

    @Override
    public void close() {
        try {
            if (process != null) {
                process.close();
            }
        } finally {
            TempDirectories.deleteQuietly(workDir);
        }
    }

    @Override
    public String toString() {
        return "S3Mock at " + endpoint();
    }
}
