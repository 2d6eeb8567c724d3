package io.jenkins.plugins.eks2aks.images.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** A response with its body still streaming. Closing it drains a small remainder so the connection can be reused. */
public final class RegistryResponse implements Closeable {

    private static final int DRAIN_LIMIT = 64 * 1024;

    private final URI uri;
    private final int status;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final InputStream body;

    public RegistryResponse(URI uri, int status, Map<String, List<String>> headers, InputStream body) {
        this.uri = uri;
        this.status = status;
        headers.forEach((name, values) -> {
            if (name != null) {
                this.headers.put(name, values);
            }
        });
        this.body = body == null ? InputStream.nullInputStream() : body;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    public OptionalLong longHeader(String name) {
        try {
            return header(name).map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The body, for streaming; closing the response closes it. */
    public InputStream body() {
        return body;
    }

    /** Reads the whole body (manifests, token answers, error documents). */
    public byte[] bytes() throws IOException {
        return body.readAllBytes();
    }

    @Override
    public void close() {
        try (body) {
            body.readNBytes(DRAIN_LIMIT);
        } catch (IOException ignored) {
            // The connection is dropped instead of reused; nothing else to do.
        }
    }
}
