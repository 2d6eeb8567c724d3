package io.jenkins.plugins.eks2aks.velero;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.KubernetesErrors;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocation;
import io.jenkins.plugins.eks2aks.velero.model.VeleroPhase;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that Velero is installed and usable before eks2aks creates anything: its CRDs served, its deployment
 * available, and (for a backup) the storage location {@code Available} and the node agent present when volumes go
 * through file-system backup. Every missing piece is one line naming it and how to install it.
 */
public final class VeleroInstall {

    static final List<String> CRDS = List.of("backups.velero.io", "restores.velero.io", "backupstoragelocations.velero.io");
    private static final String INSTALL = "install Velero (velero install, or the vmware-tanzu/velero Helm chart)";

    private final KubernetesClient client;
    private final String namespace;

    public VeleroInstall(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** The missing pieces; empty when Velero can run a backup or restore. */
    public List<String> problems(String storageLocation, boolean needNodeAgent) {
        List<String> problems = new ArrayList<>();
        try {
            for (String crd : CRDS) {
                if (client.apiextensions().v1().customResourceDefinitions().withName(crd).get() == null) {
                    problems.add("Velero's CRD " + crd + " is not served: " + INSTALL);
                }
            }
            if (!problems.isEmpty()) {
                return problems;
            }
            if (client.namespaces().withName(namespace).get() == null) {
                problems.add("Velero's namespace '" + namespace + "' does not exist: " + INSTALL + " there, or give its namespace");
                return problems;
            }
            Deployment velero = client.apps().deployments().inNamespace(namespace).withName("velero").get();
            if (velero == null) {
                problems.add("Deployment " + namespace + "/velero is missing" + ": " + INSTALL);
            } else if (velero.getStatus() == null || velero.getStatus().getAvailableReplicas() == null
                    || velero.getStatus().getAvailableReplicas() < 1) {
                problems.add("Deployment " + namespace + "/velero has no available replica: check its pods (kubectl -n " + namespace
                        + " describe deployment velero)");
            }
            if (storageLocation != null) {
                BackupStorageLocation bsl = client.resources(BackupStorageLocation.class).inNamespace(namespace).withName(storageLocation).get();
                if (bsl == null) {
                    problems.add("BackupStorageLocation " + namespace + "/" + storageLocation + " does not exist: create it "
                            + "(velero backup-location create " + storageLocation + " --provider aws --bucket BUCKET) or give another storage location");
                } else if (bsl.getStatus() == null || !VeleroPhase.AVAILABLE.equals(bsl.getStatus().getPhase())) {
                    problems.add("BackupStorageLocation " + namespace + "/" + storageLocation + " is not Available (phase "
                            + (bsl.getStatus() == null ? "none" : bsl.getStatus().getPhase())
                            + (bsl.getStatus() == null || bsl.getStatus().getMessage() == null ? "" : ": " + bsl.getStatus().getMessage())
                            + "): check the bucket and Velero's credentials for it");
                }
            }
            if (needNodeAgent) {
                DaemonSet agent = client.apps().daemonSets().inNamespace(namespace).withName("node-agent").get();
                if (agent == null) {
                    problems.add("DaemonSet " + namespace + "/node-agent is missing: file-system backup needs it "
                            + "(velero install --use-node-agent, or Helm deployNodeAgent=true), or turn file-system backup off");
                }
            }
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.explain(client, "checking Velero's installation", e);
        }
        return problems;
    }

    /** @throws MigrationException listing every missing piece, one per line */
    public void require(String storageLocation, boolean needNodeAgent) {
        List<String> problems = problems(storageLocation, needNodeAgent);
        if (!problems.isEmpty()) {
            throw new MigrationException(String.join(System.lineSeparator(), problems));
        }
    }
}
