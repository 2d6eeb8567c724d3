package io.jenkins.plugins.eks2aks.testservers;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A running Azurite blob service (the Azure Storage emulator) on 127.0.0.1, with its data in a temp directory.
 *
 * <p>URLs are path-style: {@code http://127.0.0.1:PORT/devstoreaccount1/CONTAINER/BLOB}. The account is Azurite's
 * well-known development account. Known limits (see the project's test-servers reference): no server-side copy from
 * a foreign URL (Put Blob From URL, Put Block From URL, Copy Blob from another host).
 */
public final class Azurite implements AutoCloseable {
    /** The well-known development storage account Azurite always serves. */
    public static final String ACCOUNT_NAME = "devstoreaccount1";
    /** The well-known development storage account key (public, documented by Microsoft). */
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private final int port;
    private final Path workDir;
    private ServerProcess process;

    private Azurite(int port, Path workDir) {
        this.port = port;
        this.workDir = workDir;
    }

    /** Starts Azurite's blob service on a free loopback port and waits until it answers HTTP. */
    public static Azurite start() throws Exception {
        Path azuriteBlob = TestServerInstall.azuriteBlob();
        Azurite azurite = new Azurite(FreePort.pick(), TempDirectories.create("azurite"));
        try {
            azurite.launch(azuriteBlob);
            return azurite;
        } catch (Throwable t) {
            azurite.close();
            throw t;
        }
    }

    private void launch(Path azuriteBlob) throws Exception {
        Path data = Files.createDirectories(workDir.resolve("data"));
        // --skipApiVersionCheck: the Java SDK may speak a newer service version than this Azurite knows.
        // --loose: ignore headers Azurite does not implement instead of failing the request.
        // --disableTelemetry: Azurite otherwise tries to send usage data, and this machine has no internet.
        process = ServerProcess.start("azurite-blob", List.of(azuriteBlob.toString(),
                        "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(port),
                        "--location", data.toString(),
                        "--skipApiVersionCheck", "--loose", "--disableTelemetry"),
                workDir.resolve("azurite.log"), Map.of());
        URI listContainers = URI.create(blobEndpoint() + "?comp=list");
        // Unauthenticated, so the answer is an error; but an answer with Azurite's Server header means it serves.
        process.awaitReady(Duration.ofSeconds(60), Duration.ofMillis(50), () -> {
            HttpResponse<Void> response = HttpProbe.get(listContainers);
            return response.headers().firstValue("Server").orElse("").startsWith("Azurite");
        });
    }

    public String accountName() {
        return ACCOUNT_NAME;
    }

    public String accountKey() {
        return ACCOUNT_KEY;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT/devstoreaccount1}: the account's blob service URL, path-style. */
    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT_NAME;
    }

    /** {@code http://127.0.0.1:PORT/devstoreaccount1/CONTAINER} (append {@code ?SAS} for tools like AzCopy). */
    public String containerUrl(String container) {
        return blobEndpoint() + "/" + container;
    }

    /** A connection string for the Azure SDKs ({@code BlobServiceClientBuilder.connectionString}). */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT_NAME + ";AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=" + blobEndpoint() + ";";
    }

    /** Where Azurite keeps its metadata and blob data. */
    public Path dataDirectory() {
        return workDir.resolve("data");
    }

    public Path logFile() {
        return workDir.resolve("azurite.log");
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
        return "azurite-blob at " + blobEndpoint();
    }
}
