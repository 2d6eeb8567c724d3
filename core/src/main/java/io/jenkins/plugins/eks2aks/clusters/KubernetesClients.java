package io.jenkins.plugins.eks2aks.clusters;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds fabric8 clients that never read the user's {@code ~/.kube/config} or service-account files on their own:
 * for EKS from DescribeCluster (endpoint, the cluster CA as the only trusted root, the EKS bearer token), or from
 * a kubeconfig file the user names. Connection failures are not retried, so an unreachable API server is reported
 * within the timeout, naming the endpoint.
 */
public final class KubernetesClients {

    private KubernetesClients() {
    }

    /**
     * A client for an EKS cluster's API server.
     *
     * @param endpoint             DescribeCluster's {@code endpoint}
     * @param certificateAuthority DescribeCluster's {@code certificateAuthority.data}: the base64 PEM of the cluster CA
     * @param tokens               the bearer tokens (see {@link EksTokenSource})
     */
    public static KubernetesClient forEks(String endpoint, String certificateAuthority, OAuthTokenProvider tokens,
                                          Duration timeout) {
        Config config = Config.empty();
        config.setMasterUrl(endpoint);
        config.setCaCertData(certificateAuthority);
        config.setOauthTokenProvider(tokens);
        return build(config, timeout);
    }

    /** A client for {@code context} (null: the current context) of the kubeconfig file at {@code kubeconfig}. */
    public static KubernetesClient fromKubeconfig(Path kubeconfig, String context, Duration timeout) {
        String text;
        try {
            text = Files.readString(kubeconfig);
        } catch (IOException e) {
            throw new MigrationException("Cannot read kubeconfig '" + kubeconfig + "': " + e.getMessage(), e);
        }
        Config config;
        try {
            config = Config.fromKubeconfig(context, text, kubeconfig.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            throw new MigrationException("Kubeconfig '" + kubeconfig + "'" + (context == null ? "" : " context '" + context + "'")
                    + " is not usable: " + e.getMessage(), e);
        }
        return build(config, timeout);
    }

    /**
     * A client for {@code text}, a kubeconfig fetched rather than read from a file ({@code origin} names it in
     * messages); with {@code tokens}, the bearer tokens it sends instead of the kubeconfig user's credentials.
     */
    public static KubernetesClient fromKubeconfigText(String text, String origin, OAuthTokenProvider tokens, Duration timeout) {
        Config config;
        try {
            config = Config.fromKubeconfig(null, text, null);
        } catch (RuntimeException e) {
            throw new MigrationException("The kubeconfig of " + origin + " is not usable: " + e.getMessage(), e);
        }
        if (tokens != null) {
            config.setOauthTokenProvider(tokens);
        }
        return build(config, timeout);
    }

    private static KubernetesClient build(Config config, Duration timeout) {
        config.setConnectionTimeout((int) timeout.toMillis());
        config.setRequestTimeout((int) timeout.toMillis());
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
