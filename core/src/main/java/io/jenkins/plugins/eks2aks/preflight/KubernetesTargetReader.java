package io.jenkins.plugins.eks2aks.preflight;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.eks2aks.clusters.KubernetesErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads, from the target's Kubernetes API, the objects the checks look at. Read-only. */
public final class KubernetesTargetReader {

    private static final ResourceDefinitionContext BSL = new ResourceDefinitionContext.Builder().withGroup("velero.io")
            .withVersion("v1").withKind("BackupStorageLocation").withPlural("backupstoragelocations").withNamespaced(true).build();

    private final KubernetesClient client;

    public KubernetesTargetReader(KubernetesClient client) {
        this.client = client;
    }

    public ClusterFacts read(String veleroNamespace) {
        try {
            List<String> notes = new ArrayList<>();
            String version = client.getKubernetesVersion() == null ? null : client.getKubernetesVersion().getGitVersion();
            Map<String, String> storageClasses = new TreeMap<>();
            client.storage().v1().storageClasses().list().getItems()
                    .forEach(sc -> storageClasses.put(sc.getMetadata().getName(), sc.getProvisioner()));
            Map<String, String> ingressClasses = new TreeMap<>();
            client.network().v1().ingressClasses().list().getItems()
                    .forEach(ic -> ingressClasses.put(ic.getMetadata().getName(), ic.getSpec() == null ? "" : ic.getSpec().getController()));
            Set<String> drivers = new TreeSet<>();
            client.storage().v1().csiDrivers().list().getItems().forEach(d -> drivers.add(d.getMetadata().getName()));
            Set<String> crds = new TreeSet<>();
            client.apiextensions().v1().customResourceDefinitions().list().getItems().forEach(c -> crds.add(c.getMetadata().getName()));
            Map<String, Integer> deployments = new TreeMap<>();
            for (String ns : List.of(veleroNamespace, "kube-system", "app-routing-system", "azure-alb-system")) {
                client.apps().deployments().inNamespace(ns).list().getItems().forEach(d -> deployments.put(ns + "/" + d.getMetadata().getName(),
                        d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas()));
            }
            Map<String, Integer> daemonSets = new TreeMap<>();
            client.apps().daemonSets().inNamespace(veleroNamespace).list().getItems().forEach(d -> daemonSets.put(
                    veleroNamespace + "/" + d.getMetadata().getName(),
                    d.getStatus() == null || d.getStatus().getNumberReady() == null ? 0 : d.getStatus().getNumberReady()));
            Map<String, String> locations = new TreeMap<>();
            if (crds.contains("backupstoragelocations.velero.io")) {
                for (GenericKubernetesResource bsl : client.genericKubernetesResources(BSL).inNamespace(veleroNamespace).list().getItems()) {
                    Object status = bsl.getAdditionalProperties().get("status");
                    Object phase = status instanceof Map<?, ?> m ? m.get("phase") : null;
                    locations.put(bsl.getMetadata().getName(), phase == null ? "" : phase.toString());
                }
            }
            return new ClusterFacts(version, storageClasses, ingressClasses, drivers, crds, deployments, daemonSets, locations, notes);
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.explain(client, "reading the target cluster", e);
        }
    }
}
