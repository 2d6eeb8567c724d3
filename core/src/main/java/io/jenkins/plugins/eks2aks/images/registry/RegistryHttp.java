package io.jenkins.plugins.eks2aks.images.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The transport to one registry: authentication ({@link RegistryAuth}), and retries with backoff on connection
 * failures, 5xx and 429 (honouring {@code Retry-After}). Redirects are not followed here: a blob GET that is
 * redirected to storage (ECR, ACR) must not carry the registry's Authorization header, see {@link Blobs}.
 */
public final class RegistryHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(30);

    private final String host;
    private final String baseUrl;
    private final HttpClient http;
    private final RegistryAuth auth;
    private final RetryPolicy retry;
    private final Clock clock;

    RegistryHttp(String host, boolean plainHttp, HttpClient http, CredentialsProvider credentials, RetryPolicy retry, Clock clock) {
        this.host = host;
        this.baseUrl = (plainHttp ? "http://" : "https://") + host;
        this.http = http;
        this.auth = new RegistryAuth(host, credentials, http, clock);
        this.retry = retry;
        this.clock = clock;
    }

    public String host() {
        return host;
    }

    /** An absolute URI for a path, or a Location header the registry sent (absolute or relative). */
    URI resolve(String pathOrLocation) {
        return URI.create(baseUrl + "/").resolve(pathOrLocation);
    }

    /**
     * Sends {@code call}, answering auth challenges and repeating transient failures. Returns the last response,
     * whatever its status, for the endpoint to interpret; a connection that keeps failing becomes a
     * {@link RegistryException} with status 0.
     */
    public <T> HttpResponse<T> send(RegistryCall call, HttpResponse.BodyHandler<T> handler) throws InterruptedException {
        int attempt = 0;
        int authRounds = 0;
        while (true) {
            attempt++;
            String authorization = null;
            HttpResponse<T> response;
            try {
                authorization = auth.authorization(call.scopes()).orElse(null);
                response = http.send(request(call, authorization), handler);
            } catch (IOException e) {
                if (call.replayable() && attempt < retry.maxAttempts()) {
                    pause(retry.backoff(attempt), call);
                    continue;
                }
                throw new RegistryException(describe(call) + " failed: " + oneLine(e), 0, e);
            }
            int status = response.statusCode();
            if (status == 401 && authRounds < 2) {
                authRounds++;
                attempt--;
                String challenge = response.headers().firstValue("WWW-Authenticate").orElse(null);
                discard(response);
                try {
                    if (auth.onChallenge(challenge, call.scopes(), authorization)) {
                        if (!call.replayable() && call.body() != null) {
                            // The body stream is gone; the caller repeats the transfer, now with valid credentials.
                            throw new RegistryException(describe(call) + " was refused: credentials expired mid-upload", 0);
                        }
                        continue;
                    }
                } catch (IOException e) {
                    throw new RegistryException(host + ": token request failed: " + oneLine(e), 0, e);
                }
                return response;
            }
            if ((status == 429 || (status >= 500 && status != 501)) && call.replayable() && attempt < retry.maxAttempts()) {
                Duration wait = retry.retryAfter(response.headers().firstValue("Retry-After").orElse(null),
                        ZonedDateTime.now(clock)).orElse(retry.backoff(attempt));
                discard(response);
                pause(wait, call);
                continue;
            }
            return response;
        }
    }

    private HttpRequest request(RegistryCall call, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(call.path())).timeout(REQUEST_TIMEOUT);
        call.headers().forEach(b::header);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        b.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : call.body().get());
        return b.build();
    }

    private static void pause(Duration wait, RegistryCall call) throws InterruptedException {
        call.onRetry().run();
        Thread.sleep(wait.toMillis());
    }

    /** Reads and closes a streamed body we do not need, so the connection goes back to the pool. */
    static void discard(HttpResponse<?> response) {
        if (response.body() instanceof InputStream in) {
            try (in) {
                in.readNBytes(64 * 1024);
            } catch (IOException ignored) {
                // The connection is dropped instead of reused; nothing else to do.
            }
        }
    }

    /**
     * A one-line error for an unexpected answer: request, status, and the registry's error code and message from its
     * JSON error body when there is one. Headers are never included (they may hold credentials).
     */
    RegistryException error(RegistryCall call, HttpResponse<?> response) {
        String detail = "";
        Object body = response.body();
        String text = null;
        try {
            if (body instanceof InputStream in) {
                try (in) {
                    text = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
                }
            } else if (body instanceof byte[] bytes) {
                text = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.UTF_8);
            } else if (body instanceof String s) {
                text = s;
            }
            if (text != null && text.startsWith("{")) {
                JsonNode first = JSON.readTree(text).path("errors").path(0);
                if (!first.isMissingNode()) {
                    detail = ": " + first.path("code").asText() + " " + first.path("message").asText();
                }
            }
        } catch (IOException ignored) {
            // The status alone still says what happened.
        }
        String hint = response.statusCode() == 401 ? " (wrong or missing credentials for " + host + ")"
                : response.statusCode() == 403 ? " (the credentials for " + host + " lack permission)" : "";
        return new RegistryException(describe(call) + " answered HTTP " + response.statusCode() + detail + hint,
                response.statusCode());
    }

    String describe(RegistryCall call) {
        String path = call.path();
        int query = path.indexOf('?');
        // Upload locations carry opaque state in their query; it says nothing to a reader.
        return call.method() + " " + host + (query < 0 ? path : path.substring(0, query));
    }

    /** Sends a plain GET to a URL outside the registry (a storage redirect), with retries but no credentials. */
    HttpResponse<InputStream> getExternal(URI uri, RegistryCall call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if ((status == 429 || status >= 500) && attempt < retry.maxAttempts()) {
                    discard(response);
                    pause(retry.backoff(attempt), call);
                    continue;
                }
                return response;
            } catch (IOException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw new RegistryException("GET " + uri.getHost() + uri.getPath() + " failed: " + oneLine(e), 0, e);
                }
                pause(retry.backoff(attempt), call);
            }
        }
    }

    static String oneLine(Throwable e) {
        String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        return message.replaceAll("\\s+", " ");
    }
}
