package io.jenkins.plugins.eks2aks.manifests.rules.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;

import java.util.List;
import java.util.Set;

/**
 * OWNED: in a live export, objects a controller created (Pods of a ReplicaSet, ReplicaSets of a Deployment,
 * Jobs of a CronJob, EndpointSlices of a Service) and objects the API server makes itself are not migrated:
 * applying their owners recreates them on AKS, and applying them too would duplicate or fight the controller.
 */
public final class ControllerOwnedRule implements ConversionRule {

    public static final String ID = "OWNED";

    private static final Set<String> GENERATED_KINDS = Set.of("Event", "Endpoints", "EndpointSlice", "Lease", "Node",
            "ComponentStatus", "ControllerRevision");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return true;
    }

    @Override
    public List<Change> apply(KubeObject object) {
        for (JsonNode owner : object.at("/metadata/ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return List.of(Changes.of(object, ID).exclude("created by its controller " + owner.path("kind").asText()
                        + " " + owner.path("name").asText() + ", which recreates it on AKS"));
            }
        }
        if (GENERATED_KINDS.contains(object.kind()) && object.at("/metadata/uid").isTextual()) {
            return List.of(Changes.of(object, ID).exclude(object.kind() + " objects are kept by the control plane and "
                    + "controllers; AKS makes its own"));
        }
        if (isApiServerMade(object)) {
            return List.of(Changes.of(object, ID).exclude("made by the Kubernetes API server itself; AKS has its own"));
        }
        return List.of();
    }

    private static boolean isApiServerMade(KubeObject object) {
        String name = object.ref().name();
        return switch (object.kind()) {
            case "Service" -> "kubernetes".equals(name) && "default".equals(object.ref().namespace());
            case "ConfigMap" -> "kube-root-ca.crt".equals(name);
            case "Secret" -> "kubernetes.io/service-account-token".equals(object.at("/type").asText());
            case "ServiceAccount" -> "default".equals(name) && object.at("/metadata/uid").isTextual();
            default -> false;
        };
    }
}
