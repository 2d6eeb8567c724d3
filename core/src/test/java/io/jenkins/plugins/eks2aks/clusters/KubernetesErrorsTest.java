package io.jenkins.plugins.eks2aks.clusters;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubernetesErrorsTest {

    private static KubernetesClient client() {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("https://eks.example:443")
                .withRequestTimeout(30_000).build()).build();
    }

    @Test
    void anInterruptedCallIsReportedAsAnInterruptAndKeepsTheFlag() {
        try (KubernetesClient client = client()) {
            // What fabric8 throws when the thread waiting for a response is interrupted (it sets the flag again first).
            Thread.currentThread().interrupt();
            KubernetesClientException e = new KubernetesClientException("An error has occurred.", new InterruptedException());
            String message = KubernetesErrors.explain(client, "watching Backup eks2aks-migration", e).getMessage();
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            assertEquals("Interrupted while watching Backup eks2aks-migration (Kubernetes API server https://eks.example:443/)", message);
        }
    }

    @Test
    void aSocketTimeoutIsStillATimeout() {
        try (KubernetesClient client = client()) {
            KubernetesClientException e = new KubernetesClientException("timeout", new SocketTimeoutException("Read timed out"));
            String message = KubernetesErrors.explain(client, "reading Backup b", e).getMessage();
            assertFalse(Thread.currentThread().isInterrupted());
            assertEquals("The Kubernetes API server https://eks.example:443/ did not answer in time while reading Backup b (30 s)", message);
        }
    }
}
