package io.jenkins.plugins.eks2aks.manifests.output;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.rules.live.ServerSetFieldsRule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Velero removes itself on restore, before the resource modifiers run ({@code pkg/restore/restore.go}:
 * {@code resetMetadata}, {@code resetStatus}, {@code resetVolumeBindingInfo}, the Service and PVC restore item
 * actions): a modifier removing such a field again would fail the object's whole rule. Mostly the fields
 * {@link ServerSetFieldsRule} removes, taken from it; the differences are Velero's.
 */
final class VeleroResets {

    /** resetMetadata also clears these; it keeps managedFields, which the rule removes. */
    private static final List<String> METADATA_ALSO = List.of("generateName", "deletionTimestamp",
            "deletionGracePeriodSeconds", "ownerReferences");
    private static final Set<String> METADATA = metadata();
    /** resetVolumeBindingInfo clears these on every volume and claim; the PVC action the rest of the rule's PVC list. */
    private static final Set<String> BINDING_ANNOTATIONS = Set.of("pv.kubernetes.io/bind-completed",
            "pv.kubernetes.io/bound-by-controller");
    private static final Pattern NODE_PORT = Pattern.compile("/spec/ports/\\d+/nodePort");

    private VeleroResets() {
    }

    private static Set<String> metadata() {
        Set<String> fields = new HashSet<>(ServerSetFieldsRule.METADATA_FIELDS);
        fields.remove("managedFields");
        fields.addAll(METADATA_ALSO);
        return Set.copyOf(fields);
    }

    /** Whether Velero removes the field {@code c} removes from an object of {@code kind} itself on restore. */
    static boolean veleroDoesItself(String kind, Change c) {
        if (!"remove".equals(c.op())) {
            return false;
        }
        String path = c.path();
        if (path.equals("/status")) {
            return true;
        }
        if (path.startsWith("/metadata/") && METADATA.contains(path.substring("/metadata/".length()))) {
            return true;
        }
        String annotation = path.startsWith("/metadata/annotations/")
                ? path.substring("/metadata/annotations/".length()).replace("~1", "/").replace("~0", "~") : null;
        if (annotation != null && BINDING_ANNOTATIONS.contains(annotation)) {
            return true;
        }
        switch (kind) {
            case "Service":
                // Velero keeps the cluster IP of a headless Service ("None") and resets any other.
                boolean headless = c.before() != null && (c.before().asText().equals("None")
                        || c.before().isArray() && c.before().toString().contains("\"None\""));
                return (path.equals("/spec/clusterIP") || path.equals("/spec/clusterIPs")) && !headless
                        || path.equals("/spec/healthCheckNodePort") || NODE_PORT.matcher(path).matches();
            case "PersistentVolumeClaim":
                // Velero drops volumeName when it provisions the volume anew and keeps it when it restores the PV.
                return path.equals("/spec/volumeName")
                        || annotation != null && ServerSetFieldsRule.PVC_ANNOTATIONS.contains(annotation);
            case "PersistentVolume":
                return path.equals("/spec/claimRef/uid") || path.equals("/spec/claimRef/resourceVersion");
            default:
                return false;
        }
    }
}
