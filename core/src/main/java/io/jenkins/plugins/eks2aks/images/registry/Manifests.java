package io.jenkins.plugins.eks2aks.images.registry;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /v2/<name>/manifests/<reference>}: GET, HEAD and PUT, byte-for-byte. */
public final class Manifests {

    private final RegistryHttp http;

    Manifests(RegistryHttp http) {
        this.http = http;
    }

    /**
     * The manifest {@code reference} (a tag or a digest) names, checked against its digest: the one asked for, else
     * the {@code Docker-Content-Digest} the registry states.
     *
     * @return empty when the registry does not know it (404)
     * @throws RegistryException on any other error, or when the content does not match its digest
     */
    public Optional<ManifestContent> get(String repository, String reference, Runnable onRetry) throws InterruptedException {
        RegistryCall call = RegistryCall.of("GET", path(repository, reference), Set.of(RegistryCall.scope(repository, false)), onRetry)
                .withHeaders(Map.of("Accept", MediaTypes.ACCEPT));
        RegistryResponse response = http.send(call);
        if (response.status() == 404) {
            response.close();
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw http.error(call, response);
        }
        byte[] bytes = read(call, response);
        String actual = Digests.sha256(bytes);
        String expected = Digests.isSha256(reference) ? reference
                : response.header("Docker-Content-Digest").orElse(actual);
        if (!actual.equals(expected)) {
            throw new RegistryException("manifest " + http.host() + "/" + repository + "@" + expected
                    + " does not match its digest: its content hashes to " + actual, 200);
        }
        String contentType = response.header("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
        String mediaType = contentType.startsWith("application/vnd.") ? contentType : ManifestContent.declaredMediaType(bytes);
        return Optional.of(new ManifestContent(mediaType == null ? MediaTypes.DOCKER_MANIFEST : mediaType, actual, bytes));
    }

    /** The digest {@code reference} resolves to, without downloading the manifest; empty when it does not exist. */
    public Optional<String> digest(String repository, String reference, boolean push, Runnable onRetry) throws InterruptedException {
        RegistryCall call = RegistryCall.of("HEAD", path(repository, reference), Set.of(RegistryCall.scope(repository, push)), onRetry)
                .withHeaders(Map.of("Accept", MediaTypes.ACCEPT));
        RegistryResponse response = http.send(call);
        if (response.status() != 200 && response.status() != 404) {
            throw http.error(call, response);
        }
        response.close();
        if (response.status() == 404) {
            return Optional.empty();
        }
        Optional<String> stated = response.header("Docker-Content-Digest");
        if (stated.isPresent()) {
            return stated;
        }
        return get(repository, reference, onRetry).map(ManifestContent::digest);
    }

    /**
     * Stores {@code manifest} under {@code reference} (its digest, or a tag) and checks that the registry computed the
     * same digest.
     *
     * @return whether the registry indexed the manifest's {@code subject} itself (OCI 1.1 {@code OCI-Subject} header)
     */
    public boolean put(String repository, String reference, ManifestContent manifest, Runnable onRetry) throws InterruptedException {
        RegistryCall call = RegistryCall.of("PUT", path(repository, reference), Set.of(RegistryCall.scope(repository, true)), onRetry)
                .withHeaders(Map.of("Content-Type", manifest.mediaType()))
                .withBody(() -> RequestBody.of(manifest.bytes()), true);
        RegistryResponse response = http.send(call);
        if (response.status() != 201 && response.status() != 200) {
            throw http.error(call, response);
        }
        response.close();
        String stored = response.header("Docker-Content-Digest").orElse(manifest.digest());
        if (!stored.equals(manifest.digest())) {
            throw new RegistryException("PUT " + http.host() + "/" + repository + ":" + reference + " stored digest " + stored
                    + " for manifest " + manifest.digest(), response.status());
        }
        return response.header("OCI-Subject").isPresent();
    }

    private byte[] read(RegistryCall call, RegistryResponse response) {
        try (response) {
            return response.bytes();
        } catch (IOException e) {
            throw new RegistryException(http.describe(call) + " failed while reading the manifest: " + RegistryHttp.oneLine(e), 0, e);
        }
    }

    private static String path(String repository, String reference) {
        return "/v2/" + repository + "/manifests/" + reference;
    }
}
