package io.jenkins.plugins.eks2aks.images.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The JDK's {@link HttpURLConnection}: blocking, keep-alive pooled, and the cheapest way the JDK has to stream a
 * blob from one socket to another (measured against {@code java.net.http.HttpClient}, which took twice the CPU and
 * twice the time on the image benchmark, plus a quarter second to start). It cannot send PATCH, the method of
 * chunked uploads, so those requests go to {@link JdkHttpClientTransport}, made on first use.
 *
 * <p>Redirects are not followed and no {@link Authenticator} is consulted (a JVM-wide default one, such as a
 * Jenkins proxy authenticator, must not answer a registry's 401): {@link RegistryHttp} handles both.
 */
public final class UrlConnectionTransport implements HttpTransport {

    private static final Authenticator NONE = new Authenticator() {
    };

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private volatile HttpTransport patch;

    /**
     * The settings every registry conversation uses: 30 s to connect; a read that waits 5 minutes for the next byte
     * is a dead connection, retried like a reset.
     */
    public static UrlConnectionTransport forRegistries() {
        return new UrlConnectionTransport(Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /**
     * @param readTimeout how long a read may wait for the next byte before the request counts as failed
     */
    public UrlConnectionTransport(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public RegistryResponse send(String method, URI uri, Map<String, String> headers, RequestBody body) throws IOException {
        if ("PATCH".equals(method)) {
            return patchTransport().send(method, uri, headers, body);
        }
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setAuthenticator(NONE);
        connection.setUseCaches(false);
        connection.setConnectTimeout((int) connectTimeout.toMillis());
        connection.setReadTimeout((int) readTimeout.toMillis());
        connection.setRequestMethod(method);
        headers.forEach(connection::setRequestProperty);
        try {
            if (body != null || "POST".equals(method) || "PUT".equals(method)) {
                connection.setDoOutput(true);
                if (body != null && body.bytes() == null) {
                    // A blob: straight to the socket. Bytes in memory (manifests, empty POSTs) are buffered by the
                    // connection instead, which states Content-Length, including the 0 registries expect.
                    if (body.length() >= 0) {
                        connection.setFixedLengthStreamingMode(body.length());
                    } else {
                        connection.setChunkedStreamingMode(64 * 1024);
                    }
                }
                try (OutputStream out = connection.getOutputStream()) {
                    if (body != null) {
                        body.writeTo(out);
                    }
                }
            }
            // A 401 to a streamed body comes back as a status here too (the JDK does not retry streamed requests).
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new RegistryResponse(uri, status, connection.getHeaderFields(), in);
        } catch (IOException | RuntimeException e) {
            connection.disconnect();
            throw e;
        }
    }

    private HttpTransport patchTransport() {
        HttpTransport t = patch;
        if (t == null) {
            synchronized (this) {
                if (patch == null) {
                    patch = new JdkHttpClientTransport(connectTimeout, readTimeout);
                }
                t = patch;
            }
        }
        return t;
    }
}
