package io.jenkins.plugins.eks2aks.testservers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith({AzuriteExtension.class, AzCopyExtension.class})
class AzCopyTest {

    @Test
    void copiesEveryFileOfALocalFolderIntoAnAzuriteContainer(Azurite azurite, AzCopy azCopy, @TempDir Path source)
            throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        Random random = new Random(11);
        for (String name : new String[] {"a.txt", "nested/b.bin", "nested/deeper/c.bin", "empty.dat"}) {
            byte[] content = new byte[name.startsWith("empty") ? 0 : 1 + random.nextInt(200_000)];
            random.nextBytes(content);
            Path file = source.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            expected.put(name, (long) content.length);
        }
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .buildClient().createBlobContainer("azcopy-target");
        String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission().setReadPermission(true).setAddPermission(true).setCreatePermission(true)
                        .setWritePermission(true).setListPermission(true)));

        // "source/*" copies the folder's contents, so blob names are relative to it.
        AzCopy.Result result = azCopy.run("copy", source + "/*", container.getBlobContainerUrl() + "?" + sas,
                "--recursive", "--from-to", "LocalBlob", "--output-type", "json");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().contains("\"MessageType\":\"EndOfJob\""), result::toString);
        Map<String, Long> actual = new TreeMap<>();
        for (BlobItem item : container.listBlobs()) {
            actual.put(item.getName(), item.getProperties().getContentLength());
        }
        assertEquals(expected, actual, result::toString);
    }
}
