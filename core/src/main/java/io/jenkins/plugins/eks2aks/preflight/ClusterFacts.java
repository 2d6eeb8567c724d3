package io.jenkins.plugins.eks2aks.preflight;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the target's Kubernetes API shows.
 *
 * @param serverVersion      e.g. {@code v1.33.2}
 * @param storageClasses     name → provisioner
 * @param ingressClasses     name → controller
 * @param csiDrivers         installed CSI drivers
 * @param crds               custom resource definition names
 * @param deployments        {@code namespace/name} → ready replicas
 * @param daemonSets         {@code namespace/name} → pods ready
 * @param backupLocations    Velero BackupStorageLocation name → {@code status.phase} (empty string when unset)
 */
public record ClusterFacts(String serverVersion, Map<String, String> storageClasses, Map<String, String> ingressClasses,
                           Set<String> csiDrivers, Set<String> crds, Map<String, Integer> deployments,
                           Map<String, Integer> daemonSets, Map<String, String> backupLocations, List<String> notes) {
}
