package io.jenkins.plugins.eks2aks.testservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DockerRegistryExtension.class)
class DockerRegistryAnonymousTest {

    @Test
    void pushedBlobCanBePulledBackByDigest(DockerRegistry registry) throws Exception {
        byte[] content = new byte[300_000];
        new Random(42).nextBytes(content);
        RegistryTestClient client = new RegistryTestClient(registry.baseUrl(), null, null);

        String digest = client.pushBlob("team/app", content);
        HttpResponse<byte[]> pulled = client.getBlob("team/app", digest);

        assertEquals(RegistryTestClient.sha256Digest(content), digest);
        assertEquals(200, pulled.statusCode());
        assertArrayEquals(content, pulled.body());
    }

    @Test
    void blobNeverPushedIsNotFound(DockerRegistry registry) throws Exception {
        RegistryTestClient client = new RegistryTestClient(registry.baseUrl(), null, null);

        HttpResponse<byte[]> pulled = client.getBlob("team/app", RegistryTestClient.sha256Digest(new byte[] {1, 2, 3}));

        assertEquals(404, pulled.statusCode());
    }
}
