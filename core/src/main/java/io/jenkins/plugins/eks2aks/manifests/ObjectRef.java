package io.jenkins.plugins.eks2aks.manifests;

/**
 * Names a Kubernetes object the way people do: {@code Deployment shop/web}.
 *
 * @param namespace null for cluster-scoped objects and for namespaced objects written without one
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    @Override
    public String toString() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + (name == null ? "<unnamed>" : name);
    }
}
