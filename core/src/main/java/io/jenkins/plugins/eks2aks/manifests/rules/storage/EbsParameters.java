package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an EBS StorageClass. The EBS CSI driver reads them case-insensitively, except
 * {@code csi.storage.k8s.io/fstype} (S5), so this looks them up the same way.
 */
final class EbsParameters {

    /** A parameter as written: its key (original case) and value. */
    record Parameter(String key, String value) {
    }

    private final boolean inTree;
    private final Map<String, Parameter> byLowerCase = new LinkedHashMap<>();

    EbsParameters(JsonNode storageClass) {
        inTree = "kubernetes.io/aws-ebs".equals(storageClass.path("provisioner").asText());
        storageClass.path("parameters").fields().forEachRemaining(e ->
                byLowerCase.put(e.getKey().toLowerCase(Locale.ROOT), new Parameter(e.getKey(), e.getValue().asText())));
    }

    Optional<Parameter> get(String name) {
        return Optional.ofNullable(byLowerCase.get(name.toLowerCase(Locale.ROOT)));
    }

    List<Parameter> all() {
        return new ArrayList<>(byLowerCase.values());
    }

    /** The volume type; absent means gp3 for the CSI driver and gp2 for the in-tree plugin (S5, S15). */
    String type() {
        return get("type").map(p -> p.value().toLowerCase(Locale.ROOT)).orElse(inTree ? "gp2" : "gp3");
    }

    boolean hasPerformance() {
        return get("iops").isPresent() || get("throughput").isPresent() || get("iopsPerGB").isPresent();
    }

    /** e.g. {@code iops 4000 and throughput 250 MiB/s}. */
    String describePerformance() {
        List<String> parts = new ArrayList<>();
        get("iops").ifPresent(p -> parts.add("iops " + p.value()));
        get("iopsPerGB").ifPresent(p -> parts.add("iopsPerGB " + p.value()));
        get("throughput").ifPresent(p -> parts.add("throughput " + p.value() + " MiB/s"));
        return String.join(" and ", parts);
    }
}
