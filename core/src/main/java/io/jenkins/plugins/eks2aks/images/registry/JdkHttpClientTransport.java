package io.jenkins.plugins.eks2aks.images.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * {@code java.net.http.HttpClient}, for the one method {@link UrlConnectionTransport} cannot send: PATCH, the chunk
 * requests of a chunked upload (ACR refuses a single upload request much above 20 MB). HTTP/1.1 on purpose: parallel
 * transfers then use parallel connections instead of sharing one HTTP/2 connection's window.
 */
final class JdkHttpClientTransport implements HttpTransport {

    private final HttpClient http;
    private final Duration requestTimeout;

    JdkHttpClientTransport(Duration connectTimeout, Duration requestTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        // The same proxies as HttpURLConnection, which uses the default selector without being told.
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.http = builder.build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public RegistryResponse send(String method, URI uri, Map<String, String> headers, RequestBody body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout);
        headers.forEach(request::header);
        request.method(method, publisher(body));
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new RegistryResponse(uri, response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(method + " " + uri.getPath() + " interrupted");
        }
    }

    private static HttpRequest.BodyPublisher publisher(RequestBody body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (body.bytes() == null) {
            // Only upload chunks come here, and those are in memory; a stream would have to be buffered whole.
            throw new IllegalArgumentException("a PATCH body must be a chunk in memory");
        }
        return HttpRequest.BodyPublishers.ofByteArray(body.bytes());
    }
}
