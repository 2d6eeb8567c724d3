package io.jenkins.plugins.eks2aks.manifests;

/** How a change is made: by the tool alone, by the tool with a warning, or by a person. */
public enum RuleMode {
    /** Applied; the result is equivalent on AKS. */
    AUTO,
    /** Applied, but a person should check the result. */
    AUTO_WARN,
    /** Not applied: a decision is needed; the reason says which. */
    HUMAN,
    /** A field or object removed because AKS has no use for it. */
    DROP,
    /** An object left out of the migration, with the Azure equivalent to enable instead. */
    EXCLUDE;

    /** Whether a change of this mode is applied to the output. */
    public boolean applies() {
        return this != HUMAN;
    }
}
