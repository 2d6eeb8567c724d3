package io.jenkins.plugins.eks2aks.migrate;

import com.azure.storage.blob.BlobContainerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.zjsonpatch.JsonPatch;
import io.jenkins.plugins.eks2aks.velero.model.Backup;
import io.jenkins.plugins.eks2aks.velero.model.BackupProgress;
import io.jenkins.plugins.eks2aks.velero.model.BackupStatus;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocation;
import io.jenkins.plugins.eks2aks.velero.model.BackupStorageLocationStatus;
import io.jenkins.plugins.eks2aks.velero.model.Restore;
import io.jenkins.plugins.eks2aks.velero.model.RestoreProgress;
import io.jenkins.plugins.eks2aks.velero.model.RestoreStatus;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Plays Velero on the two mock clusters the way the real one carries a namespace: on EKS a Backup writes the objects
 * of its namespaces (and each claim's volume data, as the node agent's kopia repository) into the S3 bucket; on AKS a
 * read-only location shows the backups of the copy, and a Restore reads the objects from the blob container, applies
 * the change-storage-class and change-image-name ConfigMaps and the resource modifiers, creates what does not exist,
 * and plays the controllers (claims Bound, workloads rolled out). The bucket and the container are only joined by
 * eks2aks' own sync-storage.
 */
final class TestVelero implements AutoCloseable {

    static final List<String> KINDS = List.of("ServiceAccount", "ConfigMap", "Service", "PersistentVolumeClaim", "Deployment", "StatefulSet");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-velero");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    final List<String> backupsMade = new CopyOnWriteArrayList<>();
    final List<String> restoresMade = new CopyOnWriteArrayList<>();
    /** While false, a Backup stays InProgress: a test kills the run while it waits. */
    volatile boolean finishBackups = true;
    /** While false, a Restore is left without a phase: a test kills the run while it waits. */
    volatile boolean finishRestores = true;

    private KubernetesClient eks;
    private S3Client s3;
    private String bucket;
    private Map<String, byte[]> volumes = Map.of();
    private KubernetesClient aks;
    private BlobContainerClient container;

    TestVelero source(KubernetesClient eks, S3Client s3, String bucket, Map<String, byte[]> volumes) {
        this.eks = eks;
        this.s3 = s3;
        this.bucket = bucket;
        this.volumes = volumes;
        return this;
    }

    TestVelero target(KubernetesClient aks, BlobContainerClient container) {
        this.aks = aks;
        this.container = container;
        return this;
    }

    TestVelero start() {
        executor.scheduleWithFixedDelay(this::reconcile, 0, 25, TimeUnit.MILLISECONDS);
        return this;
    }

    private void reconcile() {
        try {
            if (eks != null) {
                for (Backup b : eks.resources(Backup.class).inNamespace("velero").list().getItems()) {
                    String phase = b.getStatus() == null ? null : b.getStatus().getPhase();
                    if (phase == null || (phase.equals("InProgress") && finishBackups)) {
                        backup(b);
                    }
                }
            }
            if (aks != null) {
                for (BackupStorageLocation l : aks.resources(BackupStorageLocation.class).inNamespace("velero").list().getItems()) {
                    if ("ReadOnly".equals(l.getSpec().getAccessMode())) {
                        if (l.getStatus() == null) {
                            BackupStorageLocationStatus s = new BackupStorageLocationStatus();
                            s.setPhase("Available");
                            s.setLastValidationTime(Instant.now().toString());
                            l.setStatus(s);
                            aks.resource(l).updateStatus();
                        }
                        syncBackups(l.getMetadata().getName());
                    }
                }
                for (Restore r : aks.resources(Restore.class).inNamespace("velero").list().getItems()) {
                    if (r.getStatus() == null && finishRestores && seen.add("restore/" + r.getMetadata().getName())) {
                        restore(r);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!executor.isShutdown()) {
                e.printStackTrace();
            }
        }
    }

    private void backup(Backup b) {
        String name = b.getMetadata().getName();
        if (seen.add("backup/" + name)) {
            backupsMade.add(name);
            status(b, "InProgress");
        }
        if (!finishBackups) {
            return;
        }
        ArrayNode items = JSON.createArrayNode();
        for (String ns : b.getSpec().getIncludedNamespaces()) {
            for (GenericKubernetesResource o : objects(eks, ns)) {
                ObjectNode node = JSON.valueToTree(o);
                ObjectNode meta = (ObjectNode) node.get("metadata");
                meta.remove(List.of("resourceVersion", "uid", "creationTimestamp", "generation", "managedFields"));
                node.remove("status");
                items.add(node);
                if (o.getKind().equals("PersistentVolumeClaim")) {
                    put("kopia/" + ns + "/kopia.repository", ("{\"uniqueID\":\"" + ns + "\"}").getBytes());
                    put("kopia/" + ns + "/" + o.getMetadata().getName() + ".pack", volumes.getOrDefault(o.getMetadata().getName(), new byte[0]));
                }
            }
        }
        put("backups/" + name + "/" + name + ".tar.gz", gzip(items.toString().getBytes()));
        put("backups/" + name + "/velero-backup.json", JSON.valueToTree(b).toString().getBytes());
        status(b, "Completed");
    }

    private void status(Backup b, String phase) {
        eks.resources(Backup.class).inNamespace("velero").withName(b.getMetadata().getName()).edit(x -> {
            BackupStatus s = x.getStatus() == null ? new BackupStatus() : x.getStatus();
            s.setPhase(phase);
            if (s.getStartTimestamp() == null) {
                s.setStartTimestamp(Instant.now().toString());
            }
            if (phase.equals("Completed")) {
                BackupProgress p = new BackupProgress();
                p.setTotalItems(1);
                p.setItemsBackedUp(1);
                s.setProgress(p);
                s.setCompletionTimestamp(Instant.now().toString());
            }
            x.setStatus(s);
            return x;
        });
    }

    /** The real Velero lists the location's bucket; here: the container's backups, with their spec from EKS. */
    private void syncBackups(String location) {
        for (var blob : container.listBlobs()) {
            String path = blob.getName();
            if (!path.startsWith("backups/") || !path.endsWith("/velero-backup.json")) {
                continue;
            }
            String name = path.substring("backups/".length(), path.length() - "/velero-backup.json".length());
            if (aks.resources(Backup.class).inNamespace("velero").withName(name).get() != null) {
                continue;
            }
            Backup copy;
            try {
                copy = JSON.readValue(container.getBlobClient(path).downloadContent().toBytes(), Backup.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            copy.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("velero")
                    .withLabels(Map.of("velero.io/storage-location", location)).build());
            BackupStatus s = new BackupStatus();
            s.setPhase("Completed");
            copy.setStatus(s);
            aks.resource(copy).create();
        }
    }

    private void restore(Restore r) {
        String name = r.getMetadata().getName();
        restoresMade.add(name);
        String backup = r.getSpec().getBackupName();
        JsonNode items;
        try {
            items = JSON.readTree(gunzip(container.getBlobClient("backups/" + backup + "/" + backup + ".tar.gz").downloadContent().toBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ConfigMap> maps = aks.configMaps().inNamespace("velero").list().getItems();
        Map<String, String> classes = data(maps, "velero.io/change-storage-class");
        Map<String, String> images = data(maps, "velero.io/change-image-name");
        JsonNode rules = modifiers(r, maps);
        int restored = 0;
        for (JsonNode item : items) {
            ObjectNode o = (ObjectNode) item.deepCopy();
            String ns = o.path("metadata").path("namespace").asText();
            if (r.getSpec().getIncludedNamespaces() != null && !r.getSpec().getIncludedNamespaces().isEmpty()
                    && !r.getSpec().getIncludedNamespaces().contains(ns)) {
                continue;
            }
            changeStorageClass(o, classes);
            String text = o.toString();
            for (String change : images.values()) {
                String[] parts = change.split(",");
                text = text.replace("\"" + parts[0] + "/", "\"" + parts[1] + "/");
            }
            JsonNode changed = modify(read(text), rules);
            GenericKubernetesResource resource = JSON.convertValue(changed, GenericKubernetesResource.class);
            if (aks.namespaces().withName(ns).get() == null) {
                aks.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
            }
            if (aks.genericKubernetesResources(resource.getApiVersion(), resource.getKind()).inNamespace(ns)
                    .withName(resource.getMetadata().getName()).get() == null) {
                aks.genericKubernetesResources(resource.getApiVersion(), resource.getKind()).inNamespace(ns).resource(resource).create();
                settle(resource);
                restored++;
            }
        }
        int total = restored;
        aks.resources(Restore.class).inNamespace("velero").withName(name).edit(x -> {
            RestoreStatus s = new RestoreStatus();
            s.setPhase("Completed");
            s.setStartTimestamp(Instant.now().toString());
            s.setCompletionTimestamp(Instant.now().toString());
            RestoreProgress p = new RestoreProgress();
            p.setTotalItems(total);
            p.setItemsRestored(total);
            s.setProgress(p);
            x.setStatus(s);
            return x;
        });
    }

    /** What AKS's controllers would do next: claims Bound, workloads rolled out. */
    private void settle(GenericKubernetesResource r) {
        String ns = r.getMetadata().getNamespace();
        String n = r.getMetadata().getName();
        switch (r.getKind()) {
            case "PersistentVolumeClaim" -> aks.persistentVolumeClaims().inNamespace(ns).withName(n).editStatus(p -> {
                p.setStatus(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder().withPhase("Bound").build());
                return p;
            });
            case "Deployment" -> aks.apps().deployments().inNamespace(ns).withName(n).editStatus(d -> {
                int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
                d.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().withReplicas(want).withUpdatedReplicas(want)
                        .withAvailableReplicas(want).withReadyReplicas(want).withObservedGeneration(d.getMetadata().getGeneration()).build());
                return d;
            });
            case "StatefulSet" -> aks.apps().statefulSets().inNamespace(ns).withName(n).editStatus(s -> {
                int want = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
                s.setStatus(new io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder().withReplicas(want).withUpdatedReplicas(want)
                        .withReadyReplicas(want).withAvailableReplicas(want).withObservedGeneration(s.getMetadata().getGeneration()).build());
                return s;
            });
            default -> {
            }
        }
    }

    private static void changeStorageClass(ObjectNode o, Map<String, String> classes) {
        List<JsonNode> specs = new ArrayList<>();
        if (o.path("kind").asText().equals("PersistentVolumeClaim")) {
            specs.add(o.path("spec"));
        }
        o.path("spec").path("volumeClaimTemplates").forEach(t -> specs.add(t.path("spec")));
        for (JsonNode spec : specs) {
            String from = spec.path("storageClassName").asText(null);
            if (from != null && classes.containsKey(from)) {
                ((ObjectNode) spec).put("storageClassName", classes.get(from));
            }
        }
    }

    /** Velero's resource modifiers: JSON patches on the objects the conditions select; a value is JSON if it reads as JSON. */
    private static JsonNode modify(JsonNode o, JsonNode rules) {
        JsonNode out = o;
        for (JsonNode rule : rules.path("resourceModifierRules")) {
            JsonNode c = rule.path("conditions");
            String group = o.path("apiVersion").asText().contains("/") ? o.path("apiVersion").asText().split("/")[0] : "";
            String resource = o.path("kind").asText().toLowerCase() + "s" + (group.isEmpty() ? "" : "." + group);
            boolean matches = c.path("groupResource").asText().equals(resource)
                    && o.path("metadata").path("name").asText().matches(c.path("resourceNameRegex").asText(".*"))
                    && (c.path("namespaces").isEmpty() || c.path("namespaces").toString().contains("\"" + o.path("metadata").path("namespace").asText() + "\""));
            if (!matches) {
                continue;
            }
            ArrayNode patch = JSON.createArrayNode();
            for (JsonNode p : rule.path("patches")) {
                ObjectNode op = patch.addObject().put("op", p.path("operation").asText()).put("path", p.path("path").asText());
                if (p.has("value")) {
                    op.set("value", jsonOrText(p.path("value").asText()));
                }
            }
            out = JsonPatch.apply(patch, out);
        }
        return out;
    }

    private static JsonNode jsonOrText(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return TextNode.valueOf(value);
        }
    }

    private JsonNode modifiers(Restore r, List<ConfigMap> maps) {
        if (r.getSpec().getResourceModifier() == null) {
            return JSON.createObjectNode();
        }
        String name = r.getSpec().getResourceModifier().getName();
        for (ConfigMap m : maps) {
            if (m.getMetadata().getName().equals(name)) {
                try {
                    return new YAMLMapper().readTree(m.getData().values().iterator().next());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("the Restore names resource modifiers " + name + " that do not exist");
    }

    private static Map<String, String> data(List<ConfigMap> maps, String label) {
        return maps.stream().filter(m -> m.getMetadata().getLabels() != null && m.getMetadata().getLabels().containsKey(label))
                .findFirst().map(ConfigMap::getData).orElse(Map.of());
    }

    static List<GenericKubernetesResource> objects(KubernetesClient client, String ns) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        out.addAll(client.genericKubernetesResources("v1", "ServiceAccount").inNamespace(ns).list().getItems());
        out.addAll(client.genericKubernetesResources("v1", "ConfigMap").inNamespace(ns).list().getItems());
        out.addAll(client.genericKubernetesResources("v1", "Service").inNamespace(ns).list().getItems());
        out.addAll(client.genericKubernetesResources("v1", "PersistentVolumeClaim").inNamespace(ns).list().getItems());
        out.addAll(client.genericKubernetesResources("apps/v1", "Deployment").inNamespace(ns).list().getItems());
        out.addAll(client.genericKubernetesResources("apps/v1", "StatefulSet").inNamespace(ns).list().getItems());
        return out;
    }

    private void put(String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
