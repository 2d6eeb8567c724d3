package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.manifests.KustomizationImages;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ManifestFile;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A cluster dump: {@code kubectl get … -A -o yaml} output (lists, multi-document YAML or JSON), one file or a
 * directory of them. Read with the manifest reader, so a file that is not Kubernetes YAML fails with its file,
 * line and column before anything is written.
 */
public final class DumpObjects implements ObjectSource {

    private final Path path;
    private final ManifestSet manifests;

    public DumpObjects(Path path) {
        this.path = path;
        this.manifests = new ManifestReader().read(path);
        if (manifests.documentCount() == 0) {
            throw new MigrationException("Cluster dump '" + path + "' holds no Kubernetes objects "
                    + "(expected the output of kubectl get -A -o yaml)");
        }
    }

    @Override
    public String describe() {
        return "cluster dump " + path;
    }

    @Override
    public void forEach(Consumer<ClusterObject> visitor) {
        for (ManifestFile file : manifests.files()) {
            for (ManifestDocument document : file.documents()) {
                JsonNode content = document.content();
                JsonNode items = content.path("items");
                if (content.path("kind").asText().endsWith("List") && items.isArray()) {
                    for (int i = 0; i < items.size(); i++) {
                        visitor.accept(ClusterObject.of((ObjectNode) items.get(i), document.location() + " item " + (i + 1)));
                    }
                } else {
                    visitor.accept(ClusterObject.of((ObjectNode) content, document.location()));
                }
            }
        }
    }

    @Override
    public List<KustomizationImages.Image> kustomizationImages() {
        return KustomizationImages.ecrImages(manifests);
    }

    @Override
    public List<String> servedApiVersions() {
        return List.of();
    }
}
