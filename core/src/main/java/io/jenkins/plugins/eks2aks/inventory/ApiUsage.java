package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

/**
 * A removed or deprecated API version that an object is still written with.
 *
 * @param object          the object
 * @param apiVersion      the old API version
 * @param source          where it shows: {@code served}, {@code last-applied-configuration} (the manifests in git),
 *                        {@code managedFields (manager)} (a client still writing it), or {@code EKS upgrade insight}
 * @param removedIn       the first release that no longer serves it, or {@code deprecated}
 * @param replacement     what to use instead
 * @param removedByTarget whether the target AKS version rejects it
 */
public record ApiUsage(ObjectRef object, String apiVersion, String source, String removedIn, String replacement,
                       boolean removedByTarget) {
}
