package io.jenkins.plugins.eks2aks.manifests.rules.storage;

/**
 * What becomes of one EKS StorageClass on AKS, decided once and used alike for the class itself, its claims,
 * StatefulSet claim templates and its persistent volumes.
 *
 * @param outcome the decision
 * @param name    the EKS class name
 * @param family  the AWS storage behind it; null when the input does not have the class
 * @param target  the AKS class claims use: another class when replaced, the same name when converted in place
 * @param ruleId  the catalog rule that decided (SC2 for gp2/gp3, SC4 for io1/io2, SC12 for EFS, …)
 * @param why     one line: why, with its source; for {@link Outcome#UNDECIDED} the decision and its mapping key
 * @param caveat  what the move does not keep (claims are then rewritten with a warning), or null
 */
record ClassTarget(Outcome outcome, String name, AwsVolumeFamily family, String target, String ruleId, String why,
                   String caveat) {

    enum Outcome {
        /** Left out; an AKS class ({@link #target}) replaces it and claims are rewritten to it. */
        REPLACED,
        /** Converted into a custom AKS class of the same name; claims keep naming it. */
        IN_PLACE,
        /** A person has to choose the AKS class; nothing is changed until the mapping file says. */
        UNDECIDED,
        /** Not AWS storage and not mapped: none of our business. */
        UNTOUCHED
    }

    /** The mapping-file key that makes an {@link Outcome#UNDECIDED} decision, which its reason names. */
    java.util.List<String> mappingKeys() {
        return outcome == Outcome.UNDECIDED ? java.util.List.of(StorageClassTargets.KEY + "." + name) : java.util.List.of();
    }

    /** The same decision with {@code note} added to its reason. */
    ClassTarget withNote(String note) {
        return new ClassTarget(outcome, name, family, target, ruleId, why.isEmpty() ? note : why + "; " + note, caveat);
    }

    static ClassTarget untouched(String name) {
        return new ClassTarget(Outcome.UNTOUCHED, name, null, name, null, "", null);
    }

    /** Whether claims of this class end up on Azure Disk, which is ReadWriteOnce (catalog PV3). */
    boolean isDisk() {
        return switch (outcome) {
            case IN_PLACE -> family == AwsVolumeFamily.EBS;
            case REPLACED -> AksStorageClasses.isDisk(target);
            default -> false;
        };
    }
}
