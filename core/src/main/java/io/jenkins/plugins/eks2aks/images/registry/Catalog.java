package io.jenkins.plugins.eks2aks.images.registry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v2/_catalog} and {@code /v2/<name>/tags/list}: what a registry holds, page by page. Registries cap a page
 * (docker-registry at 100 by default, others at 1000), so every listing follows the {@code Link: <…>; rel="next"}
 * header until there is none.
 */
public final class Catalog {

    private static final int DEFAULT_PAGE = 1000;
    // A registry that keeps sending "next" forever must not keep the run forever.
    private static final int MAX_PAGES = 10_000;

    private final RegistryHttp http;
    private final int page;

    Catalog(RegistryHttp http) {
        this(http, DEFAULT_PAGE);
    }

    Catalog(RegistryHttp http, int page) {
        this.http = http;
        this.page = page;
    }

    /** Every repository name in the registry, sorted (scope {@code registry:catalog:*}). */
    public List<String> repositories(Runnable onRetry) throws InterruptedException {
        return list("/v2/_catalog?n=" + page, Set.of("registry:catalog:*"), "repositories", onRetry)
                .orElseThrow(() -> new RegistryException(http.host() + " does not list its repositories (/v2/_catalog answered 404); "
                        + "name the repositories instead of a prefix", 404));
    }

    /** The tags of {@code repository}, sorted; empty when the repository does not exist. */
    public Optional<List<String>> tags(String repository, Runnable onRetry) throws InterruptedException {
        return list("/v2/" + repository + "/tags/list?n=" + page, Set.of(RegistryCall.scope(repository, false)), "tags", onRetry);
    }

    private Optional<List<String>> list(String firstPage, Set<String> scopes, String field, Runnable onRetry) throws InterruptedException {
        List<String> all = new ArrayList<>();
        String next = firstPage;
        for (int n = 0; next != null && n < MAX_PAGES; n++) {
            RegistryCall call = RegistryCall.of("GET", next, scopes, onRetry);
            RegistryResponse response = http.send(call);
            if (response.status() == 404) {
                response.close();
                return Optional.empty();
            }
            if (response.status() != 200) {
                throw http.error(call, response);
            }
            Map<String, Object> body;
            try (response) {
                body = JsonValues.object(response.bytes());
            } catch (IOException e) {
                throw new RegistryException(http.describe(call) + " answered something that is not a JSON listing: "
                        + RegistryHttp.oneLine(e), 200, e);
            }
            all.addAll(JsonValues.strings(body, field));
            next = Links.next(response.header("Link").orElse(null));
        }
        // The spec promises lexical order, registries do not all keep it (docker-registry 2.8 pages tags backwards).
        return Optional.of(all.stream().distinct().sorted().toList());
    }

}
