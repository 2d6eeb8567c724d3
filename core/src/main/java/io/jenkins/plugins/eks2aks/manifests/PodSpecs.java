package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the pod spec inside any pod-bearing object, so that every rule about pods covers Pod, Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob and custom resources with a pod
 * template alike.
 */
public final class PodSpecs {

    /** The container lists of a pod spec, in the order Kubernetes documents them. */
    public static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    private PodSpecs() {
    }

    /** JSON pointer of the object's pod spec, relative to the object; empty when it has none. */
    public static Optional<String> podSpecPointer(KubeObject object) {
        if ("Pod".equals(object.kind()) && object.ref().apiVersion().equals("v1")) {
            return Optional.of("/spec");
        }
        for (String pointer : List.of("/spec/jobTemplate/spec/template/spec", "/spec/template/spec")) {
            JsonNode spec = object.at(pointer);
            if (spec.isObject() && spec.path("containers").isArray()) {
                return Optional.of(pointer);
            }
        }
        return Optional.empty();
    }

    /** Every container of the object's pod spec, with its JSON pointer relative to the object. */
    public static List<ContainerAt> containers(KubeObject object) {
        List<ContainerAt> out = new ArrayList<>();
        podSpecPointer(object).ifPresent(spec -> {
            for (String list : CONTAINER_LISTS) {
                JsonNode containers = object.at(spec + "/" + list);
                for (int i = 0; i < containers.size(); i++) {
                    out.add(new ContainerAt(spec + "/" + list + "/" + i, list, containers.get(i)));
                }
            }
        });
        return out;
    }

    /**
     * A container and where it is.
     *
     * @param pointer JSON pointer of the container, relative to the object
     * @param list    {@code containers}, {@code initContainers} or {@code ephemeralContainers}
     */
    public record ContainerAt(String pointer, String list, JsonNode container) {

        public String name() {
            return container.path("name").asText("");
        }
    }
}
