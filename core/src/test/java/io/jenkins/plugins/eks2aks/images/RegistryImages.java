package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;

import java.io.IOException;
import java.util.Optional;

/** Images pushed to and read from a test registry, for tests outside this package (the migration's). */
public final class RegistryImages {

    private RegistryImages() {
    }

    /** Pushes a one-layer image and returns its manifest digest; distinct seeds give distinct layers. */
    public static String push(DockerRegistry registry, String repository, String tag, int layerBytes, long seed)
            throws IOException, InterruptedException {
        return new TestImages(RegistryApi.of(registry)).image(repository, tag, true, "linux/amd64", TestImages.layer(layerBytes, seed)).digest();
    }

    /** The digest {@code repository:reference} has in {@code registry}, or empty when it is not there. */
    public static Optional<String> digest(DockerRegistry registry, String repository, String reference)
            throws IOException, InterruptedException {
        return RegistryApi.of(registry).digest(repository, reference);
    }
}
