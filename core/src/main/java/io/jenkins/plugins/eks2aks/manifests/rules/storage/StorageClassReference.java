package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.Optional;

/**
 * PV1: a field naming a StorageClass follows that class to AKS, the same way for a claim and for a class named
 * elsewhere (a custom resource's {@code storageClassName} or {@code storage.class}, a chart's values): renamed
 * when the class is replaced by an AKS class, a decision naming {@code storageClasses.<name>} when that is open.
 */
public final class StorageClassReference {

    private final MigrationMapping mapping;
    private final StorageClassTargets targets;
    private final InputIndex index;

    public StorageClassReference(RuleContext context) {
        this.mapping = context.mapping();
        this.index = context.index();
        this.targets = new StorageClassTargets(context.mapping(), context.index());
    }

    /** Whether the input defines StorageClass {@code name} or the mapping file names it. */
    public boolean knows(String name) {
        return index.storageClass(name).isPresent() || mapping.storageClasses().containsKey(name);
    }

    /**
     * The change for the class name at {@code pointer} of {@code object}; {@code what} names the field in the
     * reason (e.g. {@code claim}). Empty when the class stays as it is.
     */
    public Optional<Change> convert(KubeObject object, String pointer, String what) {
        String className = object.at(pointer).asText("");
        return className.isEmpty() ? Optional.empty()
                : change(object, pointer, what, className, targets.forClaim(className, object.document().file()), ClaimStorageClassRule.ID);
    }

    /** The rename or decision {@code target} asks for, under rule {@code rule} (PV1, or PV2 for EFS ReadWriteMany). */
    static Optional<Change> change(KubeObject object, String pointer, String what, String className, ClassTarget target,
                                   String rule) {
        return switch (target.outcome()) {
            case REPLACED -> {
                String caveat = target.caveat() == null ? "" : ". " + target.caveat();
                yield Optional.of(Changes.of(object, rule).replace(pointer, target.target(),
                        target.caveat() == null ? RuleMode.AUTO : RuleMode.AUTO_WARN, what + " of StorageClass "
                                + className + ": " + target.why() + caveat + " (catalog " + rule + ", " + target.ruleId()
                                + "; S2, S7)"));
            }
            case UNDECIDED -> Optional.of(Changes.of(object, ClaimStorageClassRule.ID).decision(pointer, what
                    + " uses StorageClass " + className + ", whose AKS class is not decided: " + target.why())
                    .withMappingKeys(target.mappingKeys()));
            case IN_PLACE, UNTOUCHED -> Optional.empty();
        };
    }
}
