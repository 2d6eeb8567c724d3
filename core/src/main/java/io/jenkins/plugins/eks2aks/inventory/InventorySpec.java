package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What to inventory, validated, with its defaults: made by {@link InventoryOptions#request}, run by
 * {@link InventoryRunner}. Holds no client and no secret; the runner opens the clients.
 *
 * @param source     which one of cluster, dump or kubeconfig is read
 * @param shownSource how the log names a kubeconfig source, with the path as the user gave it
 * @param regionName how the front end names the region option, for the message when no region is found
 * @param frontEnd   how the front end names the commands and steps the findings send the user to
 */
public record InventorySpec(Source source, String cluster, String region, String profile, Path dump, Path kubeconfig,
                            String context, Path output, boolean force, String sourceVersion, String targetVersion,
                            Duration timeout, String shownSource, String regionName,
                            FrontEndNames frontEnd) {

    /** Where the objects come from. */
    public enum Source { CLUSTER, DUMP, KUBECONFIG }
}
