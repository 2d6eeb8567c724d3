package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

/**
 * What every rule may consult besides the object it converts: the migration's decisions and the index of the
 * input. Both are immutable.
 */
public record RuleContext(MigrationMapping mapping, InputIndex index) {

    /** Defaults and an empty index, for tests of one rule on one object. */
    public static RuleContext defaults() {
        return new RuleContext(MigrationMapping.defaults(), InputIndex.empty());
    }
}
