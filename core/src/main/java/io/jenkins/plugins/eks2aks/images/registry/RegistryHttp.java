package io.jenkins.plugins.eks2aks.images.registry;

import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transport to one registry: authentication ({@link RegistryAuth}), and retries with backoff on connection
 * failures, 5xx and 429 (honouring {@code Retry-After}). Redirects are not followed here: a blob GET that is
 * redirected to storage (ECR, ACR) must not carry the registry's Authorization header, see {@link Blobs}.
 */
public final class RegistryHttp {


    private final String host;
    private final String baseUrl;
    private final HttpTransport http;
    private final RegistryAuth auth;
    private final RetryPolicy retry;
    private final Clock clock;

    RegistryHttp(String host, boolean plainHttp, HttpTransport http, CredentialsProvider credentials, RetryPolicy retry, Clock clock) {
        this(host, null, plainHttp, http, credentials, retry, clock);
    }

    /** @param endpoint where the host's cloud says to reach it (scheme and authority), or null for the host itself */
    RegistryHttp(String host, URI endpoint, boolean plainHttp, HttpTransport http, CredentialsProvider credentials, RetryPolicy retry,
                 Clock clock) {
        this.host = host;
        this.baseUrl = endpoint != null ? endpoint.getScheme() + "://" + endpoint.getRawAuthority() : (plainHttp ? "http://" : "https://") + host;
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
     * whatever its status, for the endpoint to interpret (and close); a connection that keeps failing becomes a
     * {@link RegistryException} with status 0.
     */
    public RegistryResponse send(RegistryCall call) throws InterruptedException {
        int attempt = 0;
        int authRounds = 0;
        while (true) {
            attempt++;
            if (Thread.interrupted()) {
                throw new InterruptedException(describe(call) + " cancelled");
            }
            String authorization = null;
            RegistryResponse response;
            try {
                authorization = auth.authorization(call.scopes()).orElse(null);
                response = http.send(call.method(), resolve(call.path()), headers(call, authorization),
                        call.body() == null ? null : call.body().get());
            } catch (IOException e) {
                if (cancelled(e)) {
                    throw interrupted(call, e);
                }
                if (e.getCause() instanceof VerifyingInputStream.BlobVerificationException mismatch) {
                    throw new RegistryException(mismatch.getMessage(), 0, mismatch);
                }
                if (e instanceof VerifyingInputStream.BlobVerificationException) {
                    throw new RegistryException(e.getMessage(), 0, e);
                }
                if (call.replayable() && attempt < retry.maxAttempts()) {
                    pause(retry.backoff(attempt), call);
                    continue;
                }
                throw new RegistryException(describe(call) + " failed: " + oneLine(e), 0, e);
            }
            int status = response.status();
            if (status == 401 && authRounds < 2) {
                authRounds++;
                attempt--;
                String challenge = response.header("WWW-Authenticate").orElse(null);
                response.close();
                try {
                    if (auth.onChallenge(challenge, call.scopes(), authorization)) {
                        if (!call.replayable() && call.body() != null) {
                            // The body stream is gone; the caller repeats the transfer, now with valid credentials.
                            throw new RegistryException(describe(call) + " was refused: credentials expired mid-upload", 0);
                        }
                        continue;
                    }
                } catch (IOException e) {
                    if (cancelled(e)) {
                        throw interrupted(call, e);
                    }
                    throw new RegistryException(host + ": token request failed: " + oneLine(e), 0, e);
                }
                return response; // drained and closed: the endpoint reports the 401 by its status
            }
            if ((status == 429 || (status >= 500 && status != 501)) && call.replayable() && attempt < retry.maxAttempts()) {
                Duration wait = retry.retryAfter(response.header("Retry-After").orElse(null),
                        ZonedDateTime.now(clock)).orElse(retry.backoff(attempt));
                response.close();
                pause(wait, call);
                continue;
            }
            return response;
        }
    }

    /** A cancelled transfer, as opposed to a read that timed out (also an InterruptedIOException). */
    private static boolean cancelled(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException);
    }

    private static InterruptedException interrupted(RegistryCall call, IOException e) {
        InterruptedException interrupted = new InterruptedException(call.method() + " cancelled");
        interrupted.initCause(e);
        return interrupted;
    }

    private static Map<String, String> headers(RegistryCall call, String authorization) {
        if (authorization == null) {
            return call.headers();
        }
        Map<String, String> all = new HashMap<>(call.headers());
        all.put("Authorization", authorization);
        return all;
    }

    private static void pause(Duration wait, RegistryCall call) throws InterruptedException {
        call.onRetry().run();
        Thread.sleep(wait.toMillis());
    }

    /**
     * A one-line error for an unexpected answer: request, status, and the registry's error code and message from its
     * JSON error body when there is one. Headers are never included (they may hold credentials).
     */
    RegistryException error(RegistryCall call, RegistryResponse response) {
        String detail = "";
        try (response) {
            String text = new String(response.body().readNBytes(8192), StandardCharsets.UTF_8);
            if (text.startsWith("{")) {
                List<Map<String, Object>> errors = JsonValues.objects(JsonValues.object(text.getBytes(StandardCharsets.UTF_8)), "errors");
                if (!errors.isEmpty()) {
                    detail = ": " + JsonValues.text(errors.get(0), "code", "") + " " + JsonValues.text(errors.get(0), "message", "");
                }
            }
        } catch (IOException ignored) {
            // The status alone still says what happened.
        }
        String hint = response.status() == 401 ? " (wrong or missing credentials for " + host + ")"
                : response.status() == 403 ? " (the credentials for " + host + " lack permission)" : "";
        return new RegistryException(describe(call) + " answered HTTP " + response.status() + detail + hint, response.status());
    }

    String describe(RegistryCall call) {
        String path = call.path();
        int query = path.indexOf('?');
        // Upload locations carry opaque state in their query; it says nothing to a reader.
        return call.method() + " " + host + (query < 0 ? path : path.substring(0, query));
    }

    /** Sends a plain GET to a URL outside the registry (a storage redirect), with retries but no credentials. */
    RegistryResponse getExternal(URI uri, RegistryCall call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                RegistryResponse response = http.send("GET", uri, Map.of(), null);
                int status = response.status();
                if ((status == 429 || status >= 500) && attempt < retry.maxAttempts()) {
                    response.close();
                    pause(retry.backoff(attempt), call);
                    continue;
                }
                return response;
            } catch (IOException e) {
                if (cancelled(e)) {
                    throw interrupted(call, e);
                }
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
