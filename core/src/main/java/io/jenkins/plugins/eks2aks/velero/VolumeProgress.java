package io.jenkins.plugins.eks2aks.velero;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.Map;
import java.util.TreeMap;

/**
 * The file-system volume transfers of a backup or restore ({@code PodVolumeBackup}/{@code PodVolumeRestore}, labelled
 * with the backup's or restore's name), counted by phase for the progress log: {@code volumes 2/3 Completed}.
 */
public final class VolumeProgress {

    private final KubernetesClient client;
    private final String namespace;
    private final ResourceDefinitionContext kind;
    private final String label;

    private VolumeProgress(KubernetesClient client, String namespace, String kind, String label) {
        this.client = client;
        this.namespace = namespace;
        this.kind = new ResourceDefinitionContext.Builder().withGroup("velero.io").withVersion("v1").withKind(kind)
                .withPlural(kind.toLowerCase(java.util.Locale.ROOT) + "s").withNamespaced(true).build();
        this.label = label;
    }

    public static VolumeProgress ofBackup(KubernetesClient client, String namespace) {
        return new VolumeProgress(client, namespace, "PodVolumeBackup", "velero.io/backup-name");
    }

    public static VolumeProgress ofRestore(KubernetesClient client, String namespace) {
        return new VolumeProgress(client, namespace, "PodVolumeRestore", "velero.io/restore-name");
    }

    /** {@code volumes 2/3 Completed}, or empty when there are none (or they cannot be listed: progress is best effort). */
    public String describe(String name) {
        Map<String, Integer> phases = new TreeMap<>();
        int total = 0;
        try {
            for (GenericKubernetesResource r : client.genericKubernetesResources(kind).inNamespace(namespace).withLabel(label, name).list().getItems()) {
                Object status = r.getAdditionalProperties().get("status");
                Object phase = status instanceof Map<?, ?> m ? m.get("phase") : null;
                phases.merge(phase == null ? "New" : phase.toString(), 1, Integer::sum);
                total++;
            }
        } catch (KubernetesClientException e) {
            return "";
        }
        if (total == 0) {
            return "";
        }
        return ", volumes " + phases.getOrDefault("Completed", 0) + "/" + total + " Completed"
                + (phases.getOrDefault("Failed", 0) > 0 ? ", " + phases.get("Failed") + " Failed" : "");
    }
}
