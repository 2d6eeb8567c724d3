package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.Pointers;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which objects the deep scan reads, and which parts of them it leaves to other rules. Built-in kinds (no API
 * group, or a {@code *.k8s.io} group) have kind-specific rules; so do Karpenter, External Secrets and the AWS API
 * groups (left out or converted by their own rules); Velero's objects are the migration's own machinery. Inside a
 * custom resource, a pod template is the pod rules' (images, identity, scheduling, claims), and the metadata and
 * status are the server's, except the object's own annotations.
 */
final class CustomResources {

    private static final List<String> SKIPPED_GROUP_SUFFIXES = List.of(".k8s.io", ".x-k8s.io", ".k8s.aws", ".amazonaws.com");
    private static final Set<String> SKIPPED_GROUPS = Set.of("karpenter.sh", "external-secrets.io", "velero.io",
            "generators.external-secrets.io");
    /** A live export's record of the last applied object: another rule removes it, and it is a copy, not a setting. */
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private CustomResources() {
    }

    /** Whether the deep scan reads {@code object}: a custom resource no kind-specific rule handles. */
    static boolean scanned(KubeObject object) {
        String apiVersion = object.ref().apiVersion();
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String group = apiVersion.substring(0, slash);
        return group.contains(".") && !SKIPPED_GROUPS.contains(group)
                && SKIPPED_GROUP_SUFFIXES.stream().noneMatch(group::endsWith);
    }

    /** Pointers (relative to the object) whose subtrees other rules convert, or that are no settings. */
    static Set<String> handledElsewhere(KubeObject object) {
        Set<String> out = new HashSet<>(Set.of("/apiVersion", "/kind", "/status", "/metadata/name", "/metadata/namespace",
                "/metadata/labels", "/metadata/managedFields", "/metadata/ownerReferences", "/metadata/finalizers",
                "/metadata/uid", "/metadata/resourceVersion", "/metadata/generation", "/metadata/creationTimestamp",
                "/spec/volumeClaimTemplates", Pointers.child("/metadata/annotations", LAST_APPLIED)));
        PodSpecs.podSpecPointer(object).ifPresent(out::add);
        return out;
    }

    /** A JSON pointer as a dotted path people read: {@code spec.values.service.annotations}, {@code ["a/b"]}, {@code [0]}. */
    static String dotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String raw : pointer.substring(pointer.isEmpty() ? 0 : 1).split("/", -1)) {
            if (pointer.isEmpty()) {
                break;
            }
            String segment = Pointers.unescape(raw);
            if (segment.matches("\\d+")) {
                out.append('[').append(segment).append(']');
            } else if (segment.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                out.append(out.isEmpty() ? "" : ".").append(segment);
            } else {
                out.append("[\"").append(segment).append("\"]");
            }
        }
        return out.toString();
    }
}
