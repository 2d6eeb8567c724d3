package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

/**
 * What every rule may consult besides the object it converts: the migration's decisions, the index of the input,
 * and how the front end names the options and commands a decision may send the user to. All are immutable.
 */
public record RuleContext(MigrationMapping mapping, InputIndex index, FrontEndNames frontEnd) {

    /** Tests: the command line's commands, and no ACR option (decisions name the mapping file's keys only). */
    public RuleContext(MigrationMapping mapping, InputIndex index) {
        this(mapping, index, FrontEndNames.CLI.withAcrOptions(null, null));
    }

    /** Defaults and an empty index, for tests of one rule on one object. */
    public static RuleContext defaults() {
        return new RuleContext(MigrationMapping.defaults(), InputIndex.empty());
    }

    /** Defaults and an empty index, in the words of {@code frontEnd}: the inventory's deep scan of one object. */
    public static RuleContext defaults(FrontEndNames frontEnd) {
        return new RuleContext(MigrationMapping.defaults(), InputIndex.empty(), frontEnd);
    }
}
