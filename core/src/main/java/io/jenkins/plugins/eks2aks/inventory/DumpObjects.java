package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ManifestFile;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A cluster dump: {@code kubectl get … -A -o yaml} output (lists, multi-document YAML or JSON), one file or a
 * directory of them. Read with the manifest reader, so a file that is not Kubernetes YAML fails with its file,
 * line and column before anything is written. Nothing is held beyond the file being read: a single small file is
 * read (and checked) when the dump is opened, a folder one file at a time each time the objects are visited, and a
 * file larger than {@link StreamedDumpFile#LARGE} as a stream, one object at a time.
 */
public final class DumpObjects implements ObjectSource {

    private final Path path;
    /** A single small file, read and checked when the dump is opened; null otherwise. */
    private final ManifestFile file;

    public DumpObjects(Path path) {
        this.path = path;
        if (Files.isDirectory(path) || isLarge(path)) {
            this.file = null;
            return;
        }
        this.file = new ManifestReader().read(path).files().get(0);
        if (file.documents().isEmpty()) {
            throw empty();
        }
    }

    @Override
    public String describe() {
        return "cluster dump " + path;
    }

    @Override
    public void forEach(Consumer<ClusterObject> visitor) {
        if (file != null) {
            visit(file, visitor);
            return;
        }
        long[] documents = {0};
        if (!Files.isDirectory(path)) {
            documents[0] = new StreamedDumpFile(path, path.getFileName().toString()).forEach(visitor);
        } else {
            new ManifestReader().readEach(path, f -> {
                documents[0] += f.documents().size();
                visit(f, visitor);
            }, new ArrayList<>(), new ArrayList<>(), (f, relative) -> {
                if (!isLarge(f)) {
                    return false;
                }
                documents[0] += new StreamedDumpFile(f, relative).forEach(visitor);
                return true;
            });
        }
        if (documents[0] == 0) {
            throw empty();
        }
    }

    private static void visit(ManifestFile file, Consumer<ClusterObject> visitor) {
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

    /** A file too large to hold: {@code kubectl get -A -o yaml} of an estate is hundreds of megabytes. */
    private static boolean isLarge(Path path) {
        try {
            return Files.isRegularFile(path) && Files.size(path) > StreamedDumpFile.LARGE;
        } catch (IOException e) {
            return false; // the manifest reader reports what is wrong with it
        }
    }

    private MigrationException empty() {
        return new MigrationException("Cluster dump '" + path + "' holds no Kubernetes objects "
                + "(expected the output of kubectl get -A -o yaml)");
    }

    @Override
    public List<String> servedApiVersions() {
        return List.of();
    }
}
