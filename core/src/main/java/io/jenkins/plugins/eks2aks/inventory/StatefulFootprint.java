package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The data Velero's file-system backup will have to move: every PersistentVolumeClaim with its class, size,
 * access modes and backing volume, and the workloads that mount it (StatefulSet claim templates included).
 * Objects arrive in any order, so the pieces are joined at the end.
 */
public final class StatefulFootprint {

    /**
     * A claim and its users.
     *
     * @param namespace    its namespace
     * @param name         its name
     * @param storageClass the storage class, or empty
     * @param provisioner  the class's provisioner, when the class was seen
     * @param size         the requested size, e.g. {@code 20Gi}
     * @param accessModes  e.g. {@code [ReadWriteOnce]}
     * @param volume       the bound volume and what backs it, e.g. {@code pvc-… (EBS vol-…)}, or empty
     * @param mountedBy    the workloads that mount it, sorted
     */
    public record Claim(String namespace, String name, String storageClass, String provisioner, String size,
                        List<String> accessModes, String volume, List<String> mountedBy) {
    }

    /** What a claim's report line needs from its spec: a claim is kept as this, not as the object it came in. */
    private record Spec(String storageClass, String size, List<String> accessModes, String volumeName) {
    }

    private final Map<String, Spec> claims = new TreeMap<>();
    /** One copy of the texts that repeat from claim to claim (classes, sizes, access modes). */
    private final Map<Object, Object> shared = new HashMap<>();
    private final Map<String, String> provisioners = new HashMap<>();
    private final Map<String, String> volumes = new HashMap<>();
    private final Map<String, SortedSet<String>> mounts = new HashMap<>();
    /** namespace/prefix ({@code <template>-<statefulset>-}) → the StatefulSet. */
    private final Map<String, String> templatePrefixes = new TreeMap<>();
    private final Map<String, Spec> templates = new TreeMap<>();

    void add(ClusterObject o) {
        String ns = o.ref().namespace();
        switch (o.kind()) {
            case "PersistentVolumeClaim" -> claims.put(ns + "/" + o.ref().name(), spec(o.object().path("spec")));
            case "StorageClass" -> provisioners.put(o.ref().name(), o.object().path("provisioner").asText());
            case "PersistentVolume" -> volumes.put(o.ref().name(), backing(o.object().path("spec")));
            default -> { }
        }
        if (o.isOwnedByController()) {
            return;
        }
        PodSpecs.podSpecPointer(o.asKubeObject()).ifPresent(spec -> {
            for (JsonNode volume : o.at(spec + "/volumes")) {
                String claim = volume.path("persistentVolumeClaim").path("claimName").asText("");
                if (!claim.isEmpty()) {
                    mounts.computeIfAbsent(ns + "/" + claim, k -> new TreeSet<>()).add(o.ref().toString());
                }
            }
        });
        if ("StatefulSet".equals(o.kind())) {
            for (JsonNode template : o.at("/spec/volumeClaimTemplates")) {
                String prefix = template.path("metadata").path("name").asText() + "-" + o.ref().name() + "-";
                templatePrefixes.put(ns + "/" + prefix, o.ref().toString());
                templates.put(ns + "/" + prefix, spec(template.path("spec")));
            }
        }
    }

    /** The claims, sorted by namespace and name; StatefulSet templates without a bound claim are listed as templates. */
    public List<Claim> claims() {
        List<Claim> out = new ArrayList<>();
        Map<String, Boolean> templateUsed = new HashMap<>();
        claims.forEach((key, spec) -> {
            SortedSet<String> users = new TreeSet<>(mounts.getOrDefault(key, new TreeSet<>()));
            templatePrefixes.forEach((prefix, sts) -> {
                if (key.startsWith(prefix)) {
                    users.add(sts);
                    templateUsed.put(prefix, true);
                }
            });
            String volumeName = spec.volumeName();
            String volume = volumeName.isEmpty() ? "" : volumeName + (volumes.containsKey(volumeName) ? " (" + volumes.get(volumeName) + ")" : "");
            out.add(claim(key, spec, volume, List.copyOf(users)));
        });
        templates.forEach((prefix, template) -> {
            if (!templateUsed.containsKey(prefix)) {
                out.add(claim(prefix + "<ordinal>", template, "(claim template, not bound yet)",
                        List.of(templatePrefixes.get(prefix))));
            }
        });
        return out;
    }

    private Claim claim(String key, Spec spec, String volume, List<String> users) {
        int slash = key.indexOf('/');
        return new Claim(key.substring(0, slash), key.substring(slash + 1), spec.storageClass(),
                provisioners.getOrDefault(spec.storageClass(), ""), spec.size(), new ArrayList<>(spec.accessModes()), volume, users);
    }

    private Spec spec(JsonNode spec) {
        List<String> modes = new ArrayList<>();
        spec.path("accessModes").forEach(m -> modes.add(m.asText()));
        return new Spec(shared(spec.path("storageClassName").asText("")), shared(spec.path("resources").path("requests").path("storage").asText("")),
                shared(List.copyOf(modes)), spec.path("volumeName").asText(""));
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        return (T) shared.computeIfAbsent(value, k -> k);
    }

    private static String backing(JsonNode spec) {
        if (spec.has("awsElasticBlockStore")) {
            return "EBS " + spec.path("awsElasticBlockStore").path("volumeID").asText();
        }
        String driver = spec.path("csi").path("driver").asText("");
        String handle = spec.path("csi").path("volumeHandle").asText("");
        return switch (driver) {
            case "ebs.csi.aws.com", "ebs.csi.eks.amazonaws.com" -> "EBS " + handle;
            case "efs.csi.aws.com" -> "EFS " + handle;
            case "" -> "local or in-tree volume";
            default -> driver + " " + handle;
        };
    }
}
