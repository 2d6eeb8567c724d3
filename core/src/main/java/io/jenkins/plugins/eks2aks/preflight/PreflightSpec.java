package io.jenkins.plugins.eks2aks.preflight;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What to check, validated, with its defaults: made by {@link PreflightOptions#request}, run by
 * {@link PreflightRunner}. Holds no client and no secret.
 *
 * @param target           how the reports name the target, with paths as the user gave them
 * @param subscriptionName how the front end names the subscription option, for the message when there is none
 */
public record PreflightSpec(String resourceGroup, String cluster, String subscription, Path kubeconfig, String context,
                            Path inventory, String sourceVersion, String ingress, String acr, String veleroNamespace,
                            Path output, boolean force, Duration timeout, String target, String subscriptionName) {
}
