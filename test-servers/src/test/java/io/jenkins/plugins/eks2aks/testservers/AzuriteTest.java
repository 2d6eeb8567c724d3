package io.jenkins.plugins.eks2aks.testservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AzuriteExtension.class)
class AzuriteTest {

    @Test
    void uploadedBlobDownloadsWithTheSameBytes(Azurite azurite) {
        BlobServiceClient service = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient();
        byte[] content = new byte[1_500_000];
        new Random(7).nextBytes(content);

        BlobContainerClient container = service.createBlobContainer("round-trip");
        BlobClient blob = container.getBlobClient("dir/object.bin");
        blob.upload(BinaryData.fromBytes(content));
        byte[] downloaded = container.getBlobClient("dir/object.bin").downloadContent().toBytes();

        assertArrayEquals(content, downloaded);
        assertEquals(content.length, blob.getProperties().getBlobSize());
        assertTrue(blob.getBlobUrl().startsWith(azurite.containerUrl("round-trip") + "/"), blob.getBlobUrl());
    }
}
