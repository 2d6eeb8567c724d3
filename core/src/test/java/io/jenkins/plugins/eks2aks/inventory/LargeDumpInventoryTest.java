package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ManifestFile;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dump too large to hold ({@code kubectl get -A -o yaml} of an estate: one List of every object) is streamed, and
 * gives the inventory the same objects in small files give.
 */
class LargeDumpInventoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** IRSA service accounts that push the single file past the streaming threshold. */
    private static final int ACCOUNTS = 12_000;

    @TempDir
    Path tmp;

    @Test
    void aLargeListFileGivesTheSameInventoryAsTheSameObjectsInSmallFiles() throws IOException {
        Path small = Files.createDirectories(tmp.resolve("small"));
        Path mixed = Files.createDirectories(tmp.resolve("mixed"));
        Path large = tmp.resolve("everything.yaml");
        try (Writer list = Files.newBufferedWriter(large); Writer padding = Files.newBufferedWriter(small.resolve("accounts.yaml"));
             Writer largePadding = Files.newBufferedWriter(mixed.resolve("accounts.yaml"))) {
            list.write("apiVersion: v1\nitems:\n");
            largePadding.write("apiVersion: v1\nitems:\n");
            for (ManifestFile file : new ManifestReader().read(OfflineInventoryTest.DUMP).files()) {
                Files.writeString(small.resolve(file.path()), file.text());
                Files.writeString(mixed.resolve(file.path()), file.text());
                for (ManifestDocument doc : file.documents()) {
                    JsonNode content = doc.content();
                    for (JsonNode o : content.path("kind").asText().endsWith("List") ? content.path("items") : List.of(content)) {
                        list.write("- " + JSON.writeValueAsString(o) + "\n");
                    }
                }
            }
            for (int i = 0; i < ACCOUNTS; i++) {
                String account = "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"app-" + i + "\",\"namespace\":\"team-"
                        + (i % 20) + "\",\"annotations\":{\"eks.amazonaws.com/role-arn\":\"arn:aws:iam::123456789012:role/app-" + i + "\"}}}";
                list.write("- " + account + "\n");
                largePadding.write("- " + account + "\n");
                padding.write("---\n" + account + "\n");
            }
            list.write("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
            largePadding.write("kind: List\n");
        }
        assertTrue(Files.size(large) > StreamedDumpFile.LARGE, "the file is streamed, not read by the manifest reader");
        assertTrue(Files.size(mixed.resolve("accounts.yaml")) > StreamedDumpFile.LARGE, "in a folder too");

        InventorySummary fromFiles = run(small, tmp.resolve("a"));
        InventorySummary fromList = run(large, tmp.resolve("b"));
        InventorySummary fromMixed = run(mixed, tmp.resolve("c"));
        assertEquals(Files.readString(fromFiles.inventoryJson()).replace(small.toString(), mixed.toString()),
                Files.readString(fromMixed.inventoryJson()), "a folder with a large file: the same bytes");

        assertEquals(fromFiles.objects(), fromList.objects());
        assertTrue(fromList.findings() > ACCOUNTS, "every IRSA account is a finding: " + fromList.findings());
        ObjectNode a = (ObjectNode) JSON.readTree(fromFiles.inventoryJson().toFile());
        ObjectNode b = (ObjectNode) JSON.readTree(fromList.inventoryJson().toFile());
        assertEquals("cluster dump " + large, b.path("source").path("description").asText());
        a.remove("source");
        b.remove("source");
        assertEquals(a, b, "counts, images, findings, API usages and claims");
        assertEquals(Files.readString(fromFiles.imageList()), Files.readString(fromList.imageList()));
        assertEquals(Files.readString(fromFiles.reportMarkdown()).replace(small.toString(), large.toString()),
                Files.readString(fromList.reportMarkdown()));
    }

    @Test
    void aSyntaxErrorInALargeFileNamesItsLineAndNothingIsWritten() throws IOException {
        Path large = tmp.resolve("dump.yaml");
        try (Writer list = Files.newBufferedWriter(large)) {
            list.write("apiVersion: v1\nitems:\n");
            for (int i = 0; i < ACCOUNTS; i++) {
                list.write("- {\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c-" + i + "\",\"namespace\":\"a\"},"
                        + "\"data\":{\"k\":\"" + "v".repeat(100) + "\"}}\n");
            }
            list.write("- {kind: Node, metadata: {name: a}\n  spec: x\nkind: List\n");
        }
        assertTrue(Files.size(large) > StreamedDumpFile.LARGE);

        MigrationException e = assertThrows(MigrationException.class, () -> run(large, tmp.resolve("out")));

        assertTrue(e.getMessage().startsWith("dump.yaml:" + (ACCOUNTS + 4) + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void anItemThatIsNotAKubernetesObjectIsNamedByItsPosition() throws IOException {
        Path large = tmp.resolve("dump.yaml");
        try (Writer list = Files.newBufferedWriter(large)) {
            list.write("apiVersion: v1\nitems:\n");
            for (int i = 0; i < ACCOUNTS; i++) {
                list.write("- {\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c-" + i + "\",\"namespace\":\"a\"},"
                        + "\"data\":{\"k\":\"" + "v".repeat(100) + "\"}}\n");
            }
            list.write("- {metadata: {name: no-kind}}\nkind: List\n");
        }

        MigrationException e = assertThrows(MigrationException.class, () -> run(large, tmp.resolve("out")));

        assertEquals("dump.yaml, document 1 (line 1) item " + (ACCOUNTS + 1)
                + ": missing 'apiVersion'; every document must be a Kubernetes object with apiVersion and kind", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    private static InventorySummary run(Path dump, Path out) {
        return new EksInventory(EventSink.NONE, OfflineInventoryTest.NOV_2026).run(new InventoryRequest(new DumpObjects(dump), null, "1.29",
                null, out));
    }
}
