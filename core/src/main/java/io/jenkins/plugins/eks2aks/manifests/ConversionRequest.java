package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.images.RegistryMap;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a conversion needs, resolved once at the edge (CLI flags or step parameters).
 *
 * @param input      a manifest file or a directory of manifests
 * @param output     the directory to write: {@code manifests/} and {@code report/} inside it
 * @param registries where ECR images go
 * @param dryRun     convert and report, write nothing
 */
public record ConversionRequest(Path input, Path output, RegistryMap registries, boolean dryRun) {

    public ConversionRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(registries, "registries");
    }
}
