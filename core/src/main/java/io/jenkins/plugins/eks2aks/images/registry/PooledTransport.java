package io.jenkins.plugins.eks2aks.images.registry;

import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.AbstractHttpEntity;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Apache HttpClient with a connection pool of its own, sized to the run's parallelism per registry: the JDK's
 * {@code HttpURLConnection} keeps at most {@code http.maxConnections} (default 5) idle connections per host for the
 * whole JVM, so with more transfers than that in flight every request beyond the fifth opened a new connection, and
 * raising the limit would change it for everything else in the JVM (a Jenkins controller or agent). Used for every
 * method, PATCH included. No redirects, no authentication, no retries here: {@link RegistryHttp} does those.
 */
public final class PooledTransport implements HttpTransport, AutoCloseable {

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;

    /**
     * @param connectionsPerHost how many connections to one registry are kept open for reuse (the run's parallelism)
     * @param readTimeout        how long a read may wait for the next byte before the request counts as failed
     */
    public PooledTransport(int connectionsPerHost, Duration connectTimeout, Duration readTimeout) {
        pool = new PoolingHttpClientConnectionManager();
        // Blob transfers and the image checks around them both run `connectionsPerHost` at a time.
        pool.setDefaultMaxPerRoute(Math.max(1, connectionsPerHost) * 2);
        pool.setMaxTotal(Math.max(1, connectionsPerHost) * 8);
        pool.setValidateAfterInactivity(2000);
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setSocketTimeout((int) readTimeout.toMillis())
                .setConnectionRequestTimeout((int) readTimeout.toMillis())
                .setRedirectsEnabled(false)
                .setAuthenticationEnabled(false)
                .setContentCompressionEnabled(false)
                .setExpectContinueEnabled(false)
                .build();
        client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(config)
                // The same proxies as HttpURLConnection would use: the JVM's default selector.
                .setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()))
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableRedirectHandling()
                .build();
    }

    /** The settings every registry conversation uses: 30 s to connect, 5 minutes for the next byte. */
    public static PooledTransport forRegistries(int parallel) {
        return new PooledTransport(parallel, Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    @Override
    public RegistryResponse send(String method, URI uri, Map<String, String> headers, RequestBody body) throws IOException {
        RequestBuilder request = RequestBuilder.create(method).setUri(uri);
        headers.forEach(request::setHeader);
        if (body != null) {
            request.setEntity(entity(body));
        } else if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
            request.setEntity(new ByteArrayEntity(new byte[0])); // registries expect Content-Length: 0
        }
        CloseableHttpResponse response = client.execute(request.build());
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header h : response.getAllHeaders()) {
            fields.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        HttpEntity entity = response.getEntity();
        InputStream in = entity == null ? null : new ReleasingStream(entity.getContent(), response);
        if (in == null) {
            response.close(); // no body: the connection goes back to the pool now
        }
        return new RegistryResponse(uri, response.getStatusLine().getStatusCode(), fields, in);
    }

    private static HttpEntity entity(RequestBody body) {
        if (body.bytes() != null) {
            return new ByteArrayEntity(body.bytes());
        }
        return new AbstractHttpEntity() {
            @Override
            public boolean isRepeatable() {
                return false;
            }

            @Override
            public long getContentLength() {
                return body.length();
            }

            @Override
            public InputStream getContent() {
                throw new UnsupportedOperationException("a streamed blob is written, not read");
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                body.writeTo(out);
            }

            @Override
            public boolean isStreaming() {
                return true;
            }
        };
    }

    /**
     * Closing the body of a response read to its end returns the connection to the pool; closing it earlier drops
     * the connection (RegistryResponse drains a small remainder first), instead of reading a large blob to its end.
     */
    private static final class ReleasingStream extends java.io.FilterInputStream {
        private final CloseableHttpResponse response;
        private boolean eof;

        ReleasingStream(InputStream in, CloseableHttpResponse response) {
            super(in);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            eof |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            eof |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            try {
                if (eof) {
                    super.close(); // fully read: the connection is reused
                }
            } finally {
                response.close(); // not read to the end: the connection is closed, not drained
            }
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
