package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

/**
 * What every rule may consult besides the object it converts: the migration's decisions, the index of the input,
 * and how the front end spells the options a decision may name. All are immutable.
 */
public record RuleContext(MigrationMapping mapping, InputIndex index, AcrOptionNames acrOptions) {

    /** Decisions that name the mapping file's keys only (a plan's conversion, tests). */
    public RuleContext(MigrationMapping mapping, InputIndex index) {
        this(mapping, index, AcrOptionNames.MAPPING_FILE_ONLY);
    }

    /** Defaults and an empty index, for tests of one rule on one object. */
    public static RuleContext defaults() {
        return new RuleContext(MigrationMapping.defaults(), InputIndex.empty(), AcrOptionNames.MAPPING_FILE_ONLY);
    }
}
