package io.jenkins.plugins.eks2aks.kubeconfig;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A kubeconfig made for one cluster.
 *
 * @param yaml      the file's text; it holds credentials, so write it only where the caller deletes it again
 * @param token     the bearer token its user sends, or null when it authenticates otherwise (a client certificate)
 * @param secrets   every secret value in the file (tokens, client keys, passwords), for masking
 * @param expiresAt when its token stops working, or null when the file does not expire on its own
 */
public record Kubeconfig(String yaml, String token, List<String> secrets, Instant expiresAt) {

    public Kubeconfig {
        Objects.requireNonNull(yaml, "yaml");
        secrets = List.copyOf(secrets);
    }

    /**
     * The same file with its users' bearer token set to {@code token} and also naming {@code tokenFile}: client-go
     * (kubectl, velero, helm) reads that file again while it runs and prefers what it read there, so a token renewed
     * in the file keeps a long command working; clients that only know {@code token} (fabric8) use the inline one.
     */
    public String yamlWithTokenFile(String token, String tokenFile) {
        return KubeconfigYaml.withTokenFile(yaml, token, tokenFile);
    }

    @Override
    public String toString() {
        return "Kubeconfig[" + secrets.size() + " secrets" + (expiresAt == null ? "" : ", expires " + expiresAt) + "]";
    }
}
