package io.jenkins.plugins.eks2aks.images.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v2/<name>/blobs/uploads/}: cross-repository mounts, and uploads in one request (monolithic) or in
 * chunks. The bytes stream from the source; nothing is buffered beyond one chunk.
 */
public final class BlobUploads {

    private final RegistryHttp http;

    BlobUploads(RegistryHttp http) {
        this.http = http;
    }

    /**
     * Asks the registry to link {@code digest} from {@code fromRepository} into {@code repository} without sending it.
     *
     * @return empty when it mounted (201); otherwise the upload session the registry opened instead (202), to be used
     *         for a normal upload
     */
    public Optional<String> mount(String repository, String digest, String fromRepository, Runnable onRetry) throws InterruptedException {
        String path = "/v2/" + repository + "/blobs/uploads/?mount=" + encode(digest) + "&from=" + encode(fromRepository);
        RegistryCall call = RegistryCall.of("POST", path,
                Set.of(RegistryCall.scope(repository, true), RegistryCall.scope(fromRepository, false)), onRetry);
        RegistryResponse response = http.send(call);
        if (response.status() != 201 && response.status() != 202) {
            throw http.error(call, response);
        }
        response.close();
        return response.status() == 201 ? Optional.empty() : Optional.of(location(call, response));
    }

    /** Opens an upload session; returns its location. */
    public String start(String repository, Runnable onRetry) throws InterruptedException {
        RegistryCall call = RegistryCall.of("POST", "/v2/" + repository + "/blobs/uploads/",
                Set.of(RegistryCall.scope(repository, true)), onRetry);
        RegistryResponse response = http.send(call);
        if (response.status() != 202) {
            throw http.error(call, response);
        }
        response.close();
        return location(call, response);
    }

    /** Sends the whole blob in the request that closes the session. Not repeated here: the stream is read once. */
    public void putMonolithic(String repository, String location, String digest, long size, InputStream content,
                              Runnable onRetry) throws InterruptedException {
        RegistryCall call = RegistryCall.of("PUT", withDigest(location, digest), Set.of(RegistryCall.scope(repository, true)), onRetry)
                .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                .withBody(() -> RequestBody.of(content, size), false);
        RegistryResponse response = http.send(call);
        if (response.status() != 201) {
            throw http.error(call, response);
        }
        response.close();
    }

    /**
     * Sends the blob as PATCH requests of at most {@code chunkSize} bytes, then closes the session with the digest.
     * The stream is read to its end before the closing PUT, so a {@link VerifyingInputStream} rejects a corrupt blob
     * before the registry commits it.
     */
    public void putChunked(String repository, String location, String digest, InputStream content, int chunkSize,
                           Runnable onRetry) throws InterruptedException, IOException {
        Set<String> scopes = Set.of(RegistryCall.scope(repository, true));
        String current = location;
        long offset = 0;
        byte[] buffer = new byte[chunkSize];
        while (true) {
            int n = content.readNBytes(buffer, 0, chunkSize);
            if (n == 0) {
                break;
            }
            byte[] chunk = n == chunkSize ? buffer : java.util.Arrays.copyOf(buffer, n);
            RegistryCall call = RegistryCall.of("PATCH", current, scopes, onRetry)
                    .withHeaders(Map.of("Content-Type", "application/octet-stream",
                            "Content-Range", offset + "-" + (offset + n - 1)))
                    // A PATCH that failed midway may have been partly applied: the whole blob is retried, not the chunk.
                    .withBody(() -> RequestBody.of(chunk), false);
            RegistryResponse response = http.send(call);
            if (response.status() != 202) {
                throw http.error(call, response);
            }
            response.close();
            current = location(call, response);
            offset += n;
            if (n < chunkSize) {
                break;
            }
        }
        if (content.read() != -1) {
            throw new IOException("blob " + digest + " kept streaming after its last chunk");
        }
        RegistryCall close = RegistryCall.of("PUT", withDigest(current, digest), scopes, onRetry);
        RegistryResponse response = http.send(close);
        if (response.status() != 201) {
            throw http.error(close, response);
        }
        response.close();
    }

    private String location(RegistryCall call, RegistryResponse response) {
        String location = response.header("Location")
                .orElseThrow(() -> new RegistryException(http.describe(call) + " answered without a Location", response.status()));
        URI uri = http.resolve(location);
        // Keep it as path and query: RegistryHttp resolves it against the registry again for each request.
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String withDigest(String location, String digest) {
        return location + (location.contains("?") ? "&" : "?") + "digest=" + encode(digest);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
