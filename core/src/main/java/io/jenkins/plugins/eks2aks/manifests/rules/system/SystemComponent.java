package io.jenkins.plugins.eks2aks.manifests.rules.system;

import io.jenkins.plugins.eks2aks.manifests.ClusterScoped;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One EKS system component from the catalog's seed table (§7.1): how to recognise its objects and the
 * Azure equivalent to enable instead of migrating them.
 *
 * @param id         the exclusion's rule id
 * @param what       what the component is, e.g. "Amazon VPC CNI"
 * @param azure      the AKS equivalent to enable
 * @param kinds      kinds it applies to; empty means any kind
 * @param namespaces namespaces it lives in; empty means any namespace (or cluster-scoped)
 * @param names      object names, as a regular expression
 */
record SystemComponent(String id, String what, String azure, Set<String> kinds, Set<String> namespaces, Pattern names) {

    static SystemComponent of(String id, String what, String azure, List<String> kinds, List<String> namespaces,
                              String namesRegex) {
        return new SystemComponent(id, what, azure, Set.copyOf(kinds), Set.copyOf(namespaces), Pattern.compile(namesRegex));
    }

    boolean matches(KubeObject object) {
        String name = object.ref().name();
        String namespace = ClusterScoped.namespaceOf(object);
        return (kinds.isEmpty() || kinds.contains(object.kind()))
                && (namespaces.isEmpty() || namespace != null && namespaces.contains(namespace))
                && name != null && names.matcher(name).matches();
    }

    String reason() {
        return what + " (EKS system component) is not migrated; on AKS: " + azure + " (catalog §7.1, S1)";
    }
}
