package io.jenkins.plugins.eks2aks.testservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DockerRegistryBasicAuthTest {
    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.basicAuth();

    @Test
    void requestWithoutCredentialsIsRejectedWithABasicChallenge() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(REGISTRY.get().baseUrl() + "/v2/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                response.headers().map().toString());
    }

    @Test
    void wrongPasswordCannotPush() {
        DockerRegistry registry = REGISTRY.get();
        RegistryTestClient client = new RegistryTestClient(registry.baseUrl(), registry.username(), "not-the-password");

        IOException refused = assertThrows(IOException.class,
                () -> client.pushBlob("team/app", "x".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("answered 401"), refused.getMessage());
    }

    @Test
    void blobPushedWithCredentialsCanBePulledBack() throws Exception {
        DockerRegistry registry = REGISTRY.get();
        byte[] content = "layer bytes for the basic-auth registry".getBytes(StandardCharsets.UTF_8);
        RegistryTestClient client = new RegistryTestClient(registry.baseUrl(), registry.username(), registry.password());

        String digest = client.pushBlob("team/basic", content);
        HttpResponse<byte[]> pulled = client.getBlob("team/basic", digest);

        assertEquals(200, pulled.statusCode());
        assertArrayEquals(content, pulled.body());
    }
}
