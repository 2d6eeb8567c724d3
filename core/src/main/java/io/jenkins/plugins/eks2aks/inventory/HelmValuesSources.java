package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.HelmValuesFrom;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HelmRelease {@code valuesFrom} references of the cluster and the ConfigMaps they may name, gathered while the
 * objects stream past: a HelmRelease may come before or after its ConfigMap, so they are matched once all are seen.
 * Only ConfigMaps are kept, and of each only its name and data (not its annotations, which may repeat the data in
 * kubectl's last-applied configuration), up to {@link #DEFAULT_BUDGET} characters of data in all: the inventory of a
 * large cluster must still fit in a small heap. A ConfigMap past the budget is remembered by name only, and a
 * reference to it is reported as not read rather than as missing. A Secret is never kept nor read.
 */
final class HelmValuesSources {

    /** Characters of ConfigMap data kept for the match (about 64 MB of strings). */
    static final long DEFAULT_BUDGET = 32L * 1024 * 1024;

    /**
     * One reference, with the ConfigMap it names when the cluster has it.
     *
     * @param helmRelease the HelmRelease
     * @param reference   the reference
     * @param configMap   the ConfigMap in the HelmRelease's namespace; null for a Secret or a ConfigMap not seen or not kept
     * @param notKept     whether the ConfigMap exists but was not kept because the budget was spent
     */
    record Source(ObjectRef helmRelease, HelmValuesFrom.Reference reference, ClusterObject configMap, boolean notKept) {
    }

    private final long budget;
    private long kept;
    private final List<Map.Entry<ObjectRef, HelmValuesFrom.Reference>> references = new ArrayList<>();
    private final Map<String, ClusterObject> configMaps = new HashMap<>();
    private final Set<String> notKept = new HashSet<>();

    HelmValuesSources() {
        this(DEFAULT_BUDGET);
    }

    HelmValuesSources(long budget) {
        this.budget = budget;
    }

    void add(ClusterObject o) {
        if ("ConfigMap".equals(o.kind()) && o.ref().apiVersion().equals("v1") && o.at("/data").size() > 0) {
            keep(o);
        }
        HelmValuesFrom.of(o.asKubeObject(), o.ref().namespace()).forEach(r -> references.add(Map.entry(o.ref(), r)));
    }

    private void keep(ClusterObject o) {
        JsonNode data = o.at("/data");
        long size = 0;
        for (JsonNode value : data) {
            size += value.asText().length();
        }
        String key = key(o.ref().namespace(), o.ref().name());
        if (kept + size > budget) {
            notKept.add(key);
            return;
        }
        kept += size;
        ObjectNode slim = JsonNodeFactory.instance.objectNode();
        slim.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = slim.putObject("metadata").put("name", o.ref().name());
        if (o.ref().namespace() != null) {
            metadata.put("namespace", o.ref().namespace());
        }
        slim.set("data", data);
        configMaps.put(key, new ClusterObject(o.ref(), slim, o.origin()));
    }

    /** Every reference seen, in input order. */
    List<Source> sources() {
        List<Source> out = new ArrayList<>();
        for (Map.Entry<ObjectRef, HelmValuesFrom.Reference> e : references) {
            HelmValuesFrom.Reference ref = e.getValue();
            boolean configMap = ref.kind().equals("ConfigMap");
            String key = key(e.getKey().namespace(), ref.name());
            out.add(new Source(e.getKey(), ref, configMap ? configMaps.get(key) : null, configMap && notKept.contains(key)));
        }
        return out;
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "default" : namespace) + "/" + name;
    }
}
