package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.KustomizationImages;

import java.util.List;
import java.util.function.Consumer;

/** Where the cluster's objects come from: a live API server or a dump. Objects are handed over one at a time. */
public interface ObjectSource {

    /** How reports name the source, e.g. {@code cluster dump examples/eks-sample/cluster-dump}. */
    String describe();

    /** Calls {@code visitor} once for every object; a live source holds at most one page of objects at a time. */
    void forEach(Consumer<ClusterObject> visitor);

    /** The API group versions the server serves ({@code apps/v1}, {@code v1}…); empty when unknown (dumps). */
    List<String> servedApiVersions();

    /** ECR images set by kustomizations ({@code images:}) of a dump that is a manifest tree; none for a cluster. */
    default List<KustomizationImages.Image> kustomizationImages() {
        return List.of();
    }

    /** The API server's Kubernetes version ({@code v1.29.8-eks-…}), or null when the source does not know it. */
    default String serverVersion() {
        return null;
    }
}
