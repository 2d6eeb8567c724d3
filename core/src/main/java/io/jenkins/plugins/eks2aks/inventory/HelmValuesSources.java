package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.HelmValuesFrom;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HelmRelease {@code valuesFrom} references of the cluster and the ConfigMaps they may name, gathered while the
 * objects stream past: a HelmRelease may come before or after its ConfigMap, so they are matched once all are seen.
 * Only ConfigMaps are kept (their data); a Secret is never kept nor read.
 */
final class HelmValuesSources {

    /**
     * One reference, with the ConfigMap it names when the cluster has it.
     *
     * @param helmRelease the HelmRelease
     * @param reference   the reference
     * @param configMap   the ConfigMap in the HelmRelease's namespace; null for a Secret or a ConfigMap not seen
     */
    record Source(ObjectRef helmRelease, HelmValuesFrom.Reference reference, ClusterObject configMap) {
    }

    private final List<Map.Entry<ObjectRef, HelmValuesFrom.Reference>> references = new ArrayList<>();
    private final Map<String, ClusterObject> configMaps = new HashMap<>();

    void add(ClusterObject o) {
        if ("ConfigMap".equals(o.kind()) && o.ref().apiVersion().equals("v1") && o.at("/data").size() > 0) {
            configMaps.put(key(o.ref().namespace(), o.ref().name()), o);
        }
        HelmValuesFrom.of(o.asKubeObject(), o.ref().namespace()).forEach(r -> references.add(Map.entry(o.ref(), r)));
    }

    /** Every reference seen, in input order. */
    List<Source> sources() {
        List<Source> out = new ArrayList<>();
        for (Map.Entry<ObjectRef, HelmValuesFrom.Reference> e : references) {
            HelmValuesFrom.Reference ref = e.getValue();
            ClusterObject configMap = ref.kind().equals("ConfigMap") ? configMaps.get(key(e.getKey().namespace(), ref.name())) : null;
            out.add(new Source(e.getKey(), ref, configMap));
        }
        return out;
    }

    private static String key(String namespace, String name) {
        return (namespace == null ? "default" : namespace) + "/" + name;
    }
}
