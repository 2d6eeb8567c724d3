package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ManifestFile;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A cluster dump: {@code kubectl get … -A -o yaml} output (lists, multi-document YAML or JSON), one file or a
 * directory of them. Read with the manifest reader, so a file that is not Kubernetes YAML fails with its file,
 * line and column before anything is written. A single file larger than {@link StreamedDumpFile#LARGE} is streamed
 * instead: one object in memory at a time.
 */
public final class DumpObjects implements ObjectSource {

    private final Path path;
    /** A small dump, read and checked whole before anything else happens; null for a large file. */
    private final ManifestSet manifests;
    /** A large file, read as a stream each time the objects are visited; null for a small dump. */
    private final StreamedDumpFile streamed;

    public DumpObjects(Path path) {
        this.path = path;
        if (isLargeFile(path)) {
            this.manifests = null;
            this.streamed = new StreamedDumpFile(path);
            return;
        }
        this.streamed = null;
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
        if (streamed != null) {
            if (streamed.forEach(visitor) == 0) {
                throw new MigrationException("Cluster dump '" + path + "' holds no Kubernetes objects "
                        + "(expected the output of kubectl get -A -o yaml)");
            }
            return;
        }
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

    /** A single file too large to hold: {@code kubectl get -A -o yaml} of an estate is hundreds of megabytes. */
    private static boolean isLargeFile(Path path) {
        try {
            return Files.isRegularFile(path) && Files.size(path) > StreamedDumpFile.LARGE;
        } catch (IOException e) {
            return false; // the manifest reader reports what is wrong with it
        }
    }

    @Override
    public List<String> servedApiVersions() {
        return List.of();
    }
}
