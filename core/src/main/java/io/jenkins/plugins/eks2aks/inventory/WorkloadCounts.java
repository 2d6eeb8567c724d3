package io.jenkins.plugins.eks2aks.inventory;

import java.util.Map;
import java.util.TreeMap;

/** How many objects of each kind each namespace holds; cluster-scoped objects count under {@code (cluster)}. */
public final class WorkloadCounts {

    public static final String CLUSTER_SCOPED = "(cluster)";

    private final Map<String, Map<String, Integer>> byKind = new TreeMap<>();
    private int total;

    void add(ClusterObject o) {
        String namespace = o.ref().namespace() == null ? CLUSTER_SCOPED : o.ref().namespace();
        byKind.computeIfAbsent(o.kind(), k -> new TreeMap<>()).merge(namespace, 1, Integer::sum);
        total++;
    }

    /** kind → namespace → count, both sorted. */
    public Map<String, Map<String, Integer>> byKindAndNamespace() {
        return byKind;
    }

    public int total() {
        return total;
    }

    public int ofKind(String kind) {
        return byKind.getOrDefault(kind, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }
}
