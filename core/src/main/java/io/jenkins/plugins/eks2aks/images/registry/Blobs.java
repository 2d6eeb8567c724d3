package io.jenkins.plugins.eks2aks.images.registry;

import java.io.InputStream;
import java.net.URI;
import java.util.OptionalLong;
import java.util.Set;

/** {@code /v2/<name>/blobs/<digest>}: HEAD to skip what is there, GET to stream what is not. */
public final class Blobs {

    private final RegistryHttp http;

    Blobs(RegistryHttp http) {
        this.http = http;
    }

    /** The blob's size when {@code repository} has it, empty when it does not (404). */
    public OptionalLong size(String repository, String digest, boolean push, Runnable onRetry) throws InterruptedException {
        RegistryCall call = RegistryCall.of("HEAD", path(repository, digest), Set.of(RegistryCall.scope(repository, push)), onRetry);
        RegistryResponse response = http.send(call);
        if (response.status() != 200 && response.status() != 404) {
            throw http.error(call, response);
        }
        response.close();
        if (response.status() == 404) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(response.longHeader("Content-Length").orElse(-1));
    }

    /**
     * Opens the blob for streaming. A redirect to storage (ECR's S3, ACR's blob storage) is followed without the
     * registry's credentials, which belong to the registry only. The caller closes the stream.
     */
    public InputStream open(String repository, String digest, Runnable onRetry) throws InterruptedException {
        RegistryCall call = RegistryCall.of("GET", path(repository, digest), Set.of(RegistryCall.scope(repository, false)), onRetry);
        RegistryResponse response = http.send(call);
        for (int hops = 0; isRedirect(response.status()) && hops < 5; hops++) {
            RegistryResponse redirect = response;
            URI target = redirect.uri().resolve(redirect.header("Location")
                    .orElseThrow(() -> new RegistryException(http.describe(call) + " redirected without a Location", 502)));
            redirect.close();
            response = http.getExternal(target, call);
        }
        if (response.status() != 200) {
            throw http.error(call, response);
        }
        return response.body();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String path(String repository, String digest) {
        return "/v2/" + repository + "/blobs/" + digest;
    }
}
