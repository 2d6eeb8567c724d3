package io.jenkins.plugins.eks2aks.images.registry;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One request to a registry, described so that {@link RegistryHttp} can authenticate it and send it again.
 *
 * @param method     HTTP method
 * @param path       path and query below the registry root, e.g. {@code /v2/team/app/manifests/1.0}
 * @param scopes     the token scopes it needs, e.g. {@code repository:team/app:pull}
 * @param headers    extra headers (Accept, Content-Type, Content-Range)
 * @param body       makes a fresh body for each attempt; null for none
 * @param replayable whether a failed attempt may be repeated with a new body from {@code body}: false for a stream
 *                   that can be read only once (the caller then retries the whole transfer)
 * @param onRetry    told of each repeat, for the report's retry counts
 */
public record RegistryCall(String method, String path, Set<String> scopes, Map<String, String> headers,
                           Supplier<RequestBody> body, boolean replayable, Runnable onRetry) {

    public static RegistryCall of(String method, String path, Set<String> scopes, Runnable onRetry) {
        return new RegistryCall(method, path, scopes, Map.of(), null, true, onRetry);
    }

    public RegistryCall withHeaders(Map<String, String> more) {
        return new RegistryCall(method, path, scopes, more, body, replayable, onRetry);
    }

    public RegistryCall withBody(Supplier<RequestBody> newBody, boolean canReplay) {
        return new RegistryCall(method, path, scopes, headers, newBody, canReplay, onRetry);
    }

    /** {@code repository:NAME:pull} or {@code repository:NAME:pull,push}. */
    public static String scope(String repository, boolean push) {
        return "repository:" + repository + (push ? ":pull,push" : ":pull");
    }
}
