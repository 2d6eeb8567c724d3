package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;

import java.util.ArrayList;
import java.util.List;

/**
 * SC1–SC14: a StorageClass on AWS storage (EBS, EFS, FSx, S3) is either replaced by an AKS class (and left out,
 * its claims rewritten by {@link ClaimStorageClassRule}), converted in place into a custom AKS class of the same
 * name, or left for a decision that names its {@code storageClasses} key. {@link StorageClassTargets} decides.
 */
public final class AwsStorageClassRule implements ConversionRule {

    public static final String ID = "SC1";

    private final StorageClassTargets targets;
    private final EbsToAzureDisk ebs;
    private final EfsToAzureFiles efs;

    public AwsStorageClassRule(RuleContext context) {
        this.targets = new StorageClassTargets(context.mapping(), context.index());
        this.ebs = new EbsToAzureDisk(context.mapping());
        this.efs = new EfsToAzureFiles(context.mapping());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "StorageClass".equals(object.kind()) && AwsVolumeFamily.of(object.at("/provisioner").asText(null)).isPresent();
    }

    @Override
    public List<Change> apply(KubeObject storageClass) {
        String note = targets.duplicateNote(storageClass.ref().name(), storageClass.document().file());
        ClassTarget target = targets.of(storageClass.ref().name(), storageClass.object());
        if (!note.isEmpty()) {
            target = target.withNote(note);
        }
        List<Change> changes = switch (target.outcome()) {
            case REPLACED -> List.of(Changes.of(storageClass, target.ruleId()).exclude(target.why()
                    + "; claims and StatefulSet templates naming it are rewritten to " + target.target()
                    + (target.caveat() == null ? "" : ". " + target.caveat())
                    + " (catalog " + target.ruleId() + ", PV1; S2, S3, S4)"));
            case UNDECIDED -> List.of(Changes.of(storageClass, target.ruleId()).decision(
                    storageClass.at("/parameters/type").isMissingNode() ? "/provisioner" : "/parameters/type", target.why())
                    .withMappingKeys(target.mappingKeys()));
            case IN_PLACE -> target.family() == AwsVolumeFamily.EFS ? efs.convert(storageClass) : ebs.convert(storageClass);
            case UNTOUCHED -> List.of();
        };
        if (note.isEmpty() || target.outcome() != ClassTarget.Outcome.IN_PLACE || changes.isEmpty()) {
            return changes;
        }
        // Converted in place: the first change carries the note, so the report says which definition this is.
        List<Change> noted = new ArrayList<>(changes);
        Change first = noted.get(0);
        noted.set(0, first.withReason(first.reason() + "; " + note));
        return noted;
    }
}
