package io.jenkins.plugins.eks2aks.images.registry;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v2/<name>/referrers/<digest>} (OCI distribution 1.1), with the referrers tag schema as fallback for
 * registries without that API: an index tagged {@code sha256-<hex>} lists what refers to the manifest.
 */
public final class Referrers {

    // Statuses by which a registry says it has no referrers API: the client then reads the tag schema.
    private static final Set<Integer> NO_API = Set.of(400, 404, 405, 501);
    private static final int MAX_PAGES = 1000;

    private final RegistryHttp http;
    private final Manifests manifests;
    // Set once the registry has shown it has no referrers API at all (not a per-repository "unknown" answer):
    // every later listing reads the tag schema directly, which halves the requests of a warm run's referrer check.
    private volatile boolean noApi;

    Referrers(RegistryHttp http, Manifests manifests) {
        this.http = http;
        this.manifests = manifests;
    }

    /**
     * The index of manifests referring to {@code digest}: every page the referrers API serves, else the tag-schema
     * index. Only an answer that says the API is not there (404, 400, 405, 501, or something that is not an index)
     * falls back to the tag schema; a refusal or a server error is an error, not "no referrers".
     *
     * @return empty when nothing refers to it
     */
    public Optional<Listing> list(String repository, String digest, Runnable onRetry) throws InterruptedException {
        if (noApi) {
            return tagSchema(repository, digest, onRetry);
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        byte[] firstPage = null;
        String next = "/v2/" + repository + "/referrers/" + digest;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            RegistryCall call = RegistryCall.of("GET", next, Set.of(RegistryCall.scope(repository, false)), onRetry)
                    .withHeaders(Map.of("Accept", MediaTypes.OCI_INDEX));
            RegistryResponse response = http.send(call);
            boolean index = response.status() == 200 && response.header("Content-Type").orElse("").startsWith(MediaTypes.OCI_INDEX);
            if (!index) {
                if (page == 0 && NO_API.contains(response.status()) || page == 0 && response.status() == 200) {
                    noApi |= routeUnknown(response);
                    response.close();
                    return tagSchema(repository, digest, onRetry);
                }
                throw http.error(call, response);
            }
            try (response) {
                byte[] body = response.bytes();
                firstPage = firstPage == null ? body : firstPage;
                entries.addAll(JsonValues.objects(JsonValues.object(body), "manifests"));
            } catch (IOException e) {
                throw new RegistryException(http.describe(call) + " failed while reading the referrers: " + RegistryHttp.oneLine(e), 0, e);
            }
            next = Links.next(response.header("Link").orElse(null));
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = next == null && page(firstPage) == entries.size() ? firstPage : joined(entries);
        return Optional.of(new Listing(new ManifestContent(MediaTypes.OCI_INDEX, Digests.sha256(bytes), bytes), true));
    }

    /**
     * Whether the answer says the registry lacks the endpoint itself rather than something in one repository: any
     * status but 404, or a 404 that is not a registry error document (docker-registry answers a plain-text
     * "404 page not found" for routes it does not have; a registry with the API may answer NAME_UNKNOWN as JSON).
     */
    private static boolean routeUnknown(RegistryResponse response) {
        if (response.status() != 404) {
            return true;
        }
        return !response.header("Content-Type").orElse("").contains("json");
    }

    private Optional<Listing> tagSchema(String repository, String digest, Runnable onRetry) throws InterruptedException {
        return manifests.get(repository, Digests.referrersTag(digest), onRetry)
                .filter(ManifestContent::isIndex)
                .map(index -> new Listing(index, false));
    }

    private static int page(byte[] index) {
        try {
            return JsonValues.objects(JsonValues.object(index), "manifests").size();
        } catch (IOException e) {
            return -1;
        }
    }

    /** One index of the entries of every page, each entry as the registry listed it. */
    private static byte[] joined(List<Map<String, Object>> entries) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", entries);
        try {
            return JSON.std.asBytes(index);
        } catch (IOException e) {
            throw new IllegalStateException("maps of JSON values always serialize", e);
        }
    }

    /**
     * @param index     the referrers, as an OCI image index
     * @param fromApi   true when the referrers API answered; false when it came from the tag schema (then the index is
     *                  a real manifest that can be copied as it is)
     */
    public record Listing(ManifestContent index, boolean fromApi) {
    }
}
