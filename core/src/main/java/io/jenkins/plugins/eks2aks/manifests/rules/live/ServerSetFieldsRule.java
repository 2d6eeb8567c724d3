package io.jenkins.plugins.eks2aks.manifests.rules.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ClusterScoped;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;

/**
 * STRIP (and PV7): fields the API server sets are removed so that a live export ({@code kubectl get -o yaml})
 * applies cleanly on AKS: status, uid, resourceVersion, generation, creationTimestamp, managedFields, selfLink,
 * the last-applied annotation, allocated Service IPs and node ports, and PVC binding state. Manifests written
 * by hand have none of these and are left untouched.
 */
public final class ServerSetFieldsRule implements ConversionRule {

    private final InputIndex index;

    public ServerSetFieldsRule() {
        this(InputIndex.empty());
    }

    /** {@code index} tells which claims are bound to a static volume of the input, whose volumeName stays. */
    public ServerSetFieldsRule(InputIndex index) {
        this.index = index;
    }

    public static final String ID = "STRIP";
    public static final String PVC_ID = "PV7";

    /** The metadata fields the API server sets, which this rule removes. */
    public static final List<String> METADATA_FIELDS = List.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "managedFields", "selfLink");
    private static final List<String> ANNOTATIONS = List.of("kubectl.kubernetes.io/last-applied-configuration",
            "deployment.kubernetes.io/revision");
    /** The binding annotations of a claim, which this rule removes (PV7). */
    public static final List<String> PVC_ANNOTATIONS = List.of("pv.kubernetes.io/bind-completed",
            "pv.kubernetes.io/bound-by-controller", "volume.beta.kubernetes.io/storage-provisioner",
            "volume.kubernetes.io/storage-provisioner", "volume.kubernetes.io/selected-node");
    private static final String REASON = "set by the EKS API server; AKS sets its own (live export)";

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
        Changes changes = Changes.of(object, ID);
        List<Change> out = new ArrayList<>();
        if (object.object().has("status")) {
            out.add(changes.remove("/status", RuleMode.DROP, "status is " + REASON));
        }
        for (String field : METADATA_FIELDS) {
            if (object.at("/metadata").has(field)) {
                out.add(changes.remove("/metadata/" + field, RuleMode.DROP, "metadata." + field + " is " + REASON));
            }
        }
        if (ClusterScoped.is(object) && !"Namespace".equals(object.kind()) && object.at("/metadata/namespace").isTextual()) {
            out.add(changes.remove("/metadata/namespace", RuleMode.DROP, object.kind() + " is cluster-scoped: the API "
                    + "server ignores metadata.namespace, and it does not belong to namespace " + object.ref().namespace()));
        }
        JsonNode annotations = object.at("/metadata/annotations");
        for (String annotation : ANNOTATIONS) {
            if (annotations.has(annotation)) {
                out.add(changes.removeKey("/metadata/annotations", annotation, RuleMode.DROP, "annotation " + annotation + " is " + REASON));
            }
        }
        switch (object.kind()) {
            case "Service" -> out.addAll(service(object, changes));
            case "PersistentVolumeClaim" -> out.addAll(claim(object, index));
            default -> { }
        }
        return out;
    }

    private static List<Change> service(KubeObject object, Changes changes) {
        List<Change> out = new ArrayList<>();
        JsonNode spec = object.at("/spec");
        String clusterIp = spec.path("clusterIP").asText("");
        if (!clusterIp.isEmpty() && !"None".equals(clusterIp)) {
            out.add(changes.remove("/spec/clusterIP", RuleMode.DROP, "spec.clusterIP was allocated by EKS; AKS allocates one from its service CIDR"));
            if (spec.has("clusterIPs")) {
                out.add(changes.remove("/spec/clusterIPs", RuleMode.DROP, "spec.clusterIPs were allocated by EKS"));
            }
        }
        if ("LoadBalancer".equals(spec.path("type").asText())) {
            JsonNode ports = spec.path("ports");
            for (int i = 0; i < ports.size(); i++) {
                if (ports.get(i).has("nodePort")) {
                    out.add(changes.remove("/spec/ports/" + i + "/nodePort", RuleMode.DROP,
                            "node port allocated for the EKS load balancer; AKS allocates its own"));
                }
            }
            if (spec.has("healthCheckNodePort")) {
                out.add(changes.remove("/spec/healthCheckNodePort", RuleMode.DROP, "health-check node port allocated by EKS"));
            }
        }
        return out;
    }

    private static List<Change> claim(KubeObject object, InputIndex index) {
        Changes changes = Changes.of(object, PVC_ID);
        List<Change> out = new ArrayList<>();
        JsonNode annotations = object.at("/metadata/annotations");
        for (String annotation : PVC_ANNOTATIONS) {
            if (annotations.has(annotation)) {
                out.add(changes.remove(Pointers.child("/metadata/annotations", annotation), RuleMode.AUTO,
                        "binding annotation " + annotation + " names the EKS volume; the claim binds anew on AKS (catalog PV7, S7)"));
            }
        }
        if (object.at("/spec/volumeName").isTextual() && !index.carriesVolume(object.at("/spec/volumeName").asText())) {
            out.add(changes.remove("/spec/volumeName", RuleMode.AUTO,
                    "spec.volumeName names the EKS volume; the claim binds to a new Azure volume (catalog PV7, S7)"));
        }
        return out;
    }
}
