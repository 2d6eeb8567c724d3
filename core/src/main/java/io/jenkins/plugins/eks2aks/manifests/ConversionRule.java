package io.jenkins.plugins.eks2aks.manifests;

import java.util.List;

/**
 * A conversion rule from the EKS→AKS catalog. It looks at one object and returns the changes it proposes;
 * it never modifies what it is given. The runner collects every rule's changes, reports conflicts, and
 * applies the rest.
 */
public interface ConversionRule {

    /** The rule's id in the catalog, e.g. {@code I1}. */
    String id();

    /** Whether the rule has anything to say about objects of this kind. */
    boolean appliesTo(KubeObject object);

    /** The changes this rule proposes for {@code object}; empty when there is nothing to do. */
    List<Change> apply(KubeObject object);
}
