package io.jenkins.plugins.eks2aks.manifests.output;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.util.List;

/**
 * One {@code patches:} entry of the overlay and the file it names: the RFC 6902 operations of a changed object,
 * or a {@code $patch: delete} of an excluded one.
 *
 * @param file      relative to the overlay ({@code patches/deployment-shop-web.yaml})
 * @param ref       the object as the base has it: the patch targets this group, version, kind, namespace and name
 * @param location  where the object is in the input
 * @param exclusion why the object is left out, for a delete; null for operations
 * @param ops       the operations written, empty for a delete
 */
record OverlayPatch(String file, ObjectRef ref, String location, Change exclusion, List<PatchOps.Op> ops) {

    OverlayPatch {
        ops = List.copyOf(ops);
    }

    boolean delete() {
        return exclusion != null;
    }

    int operations() {
        return ops.size();
    }
}
