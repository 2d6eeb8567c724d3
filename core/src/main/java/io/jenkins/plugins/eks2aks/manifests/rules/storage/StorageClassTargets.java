package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides the AKS class of every EKS StorageClass: an explicit {@code storageClasses} entry first; otherwise the
 * input's StorageClass decides by its provisioner (EBS type, EFS protocol); otherwise the class names gp2/gp3 take
 * their defaults; anything else is left alone.
 */
final class StorageClassTargets {

    static final String KEY = "storageClasses";

    private final MigrationMapping mapping;
    private final InputIndex index;

    StorageClassTargets(MigrationMapping mapping, InputIndex index) {
        this.mapping = mapping;
        this.index = index;
    }

    /**
     * The decision for the class a claim in {@code file} names; uses the input's StorageClass of that name when
     * there is one. When the input defines the name several times differently (examples often each define their
     * own {@code ebs-sc}), the claim follows the nearest definition: in its own file, else in its folder, else in
     * the closest parent folder; two equally near ones are a decision.
     */
    ClassTarget forClaim(String name, String file) {
        List<InputIndex.Definition> definitions = index.storageClassDefinitions(name);
        int ways = index.storageClassVariants(name);
        if (ways <= 1) {
            return of(name, definitions.isEmpty() ? null : definitions.get(0).storageClass());
        }
        int best = definitions.stream().mapToInt(d -> nearness(d.file(), file)).max().orElse(0);
        List<InputIndex.Definition> nearest = definitions.stream().filter(d -> nearness(d.file(), file) == best).toList();
        boolean tie = nearest.stream().anyMatch(d -> !InputIndex.sameClass(d.storageClass(), nearest.get(0).storageClass()));
        String all = "StorageClass " + name + " is defined " + ways + " ways in the input ("
                + String.join(", ", index.storageClassFiles(name)) + ")";
        String mapped = mapping.storageClasses().get(name);
        if (tie && mapped != null && !mapped.equals(name)) {
            return of(name, (JsonNode) null).withNote(all + "; " + KEY + "." + name + " sends every claim to " + mapped);
        }
        if (tie) {
            return undecided(name, null, "SC1", all + " and none is nearer to " + file + " than another: on AKS the "
                    + "claim gets whichever is applied first (StorageClass parameters cannot change); give the definitions "
                    + "different names, or set " + KEY + "." + name + " to one AKS class for all (catalog SC1)");
        }
        return of(name, nearest.get(0).storageClass()).withNote(all + "; this one follows the definition in "
                + nearest.get(0).file());
    }

    /** The reason note for a StorageClass defined several ways, or empty. */
    String duplicateNote(String name, String file) {
        int ways = index.storageClassVariants(name);
        return ways <= 1 ? "" : "StorageClass " + name + " is defined " + ways + " ways in the input ("
                + String.join(", ", index.storageClassFiles(name)) + "); this is the definition in " + file
                + ", which the claims nearest to it follow";
    }

    /** How many leading path segments two files share, counting the file name itself: higher is nearer. */
    private static int nearness(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        int n = 0;
        while (n < Math.min(x.length, y.length) && x[n].equals(y[n])) {
            n++;
        }
        return n;
    }

    /** The decision for StorageClass {@code name}, given its object (null when the input does not have it). */
    ClassTarget of(String name, JsonNode storageClass) {
        if (name == null) {
            return ClassTarget.untouched(null); // a class without a name: nothing can name it
        }
        String mapped = mapping.storageClasses().get(name);
        AwsVolumeFamily family = storageClass == null ? null
                : AwsVolumeFamily.of(storageClass.path("provisioner").asText(null)).orElse(null);
        if (family == null) {
            // Not AWS storage, or a class the input does not define (gp2/gp3 defaults live in the mapping).
            if (mapped != null && !mapped.equals(name)) {
                return replaced(name, null, mapped, isDefault(name, mapped) ? "SC2" : "SC1", KEY + "." + name + " is "
                        + mapped + (isDefault(name, mapped) ? " (the default for EBS " + name + ")" : ""), null);
            }
            if (storageClass == null && mapped == null && !AksStorageClasses.isBuiltIn(name)) {
                // Its claims would stay Pending on AKS: nobody there creates a class of that name.
                return undecided(name, null, "SC1", "StorageClass " + name + " is not in the input, not an AKS built-in "
                        + "class and not mapped, so its claims would stay Pending on AKS: set " + KEY + "." + name
                        + " to an AKS class (managed-csi-premium for EBS, azurefile-csi-premium for EFS), or to " + name
                        + " if you create that class on AKS yourself (catalog SC1, PV1)");
            }
            return ClassTarget.untouched(name);
        }
        return switch (family) {
            case EBS -> ebs(name, storageClass, mapped);
            case EFS -> efs(name, mapped);
            case OTHER -> other(name, storageClass, mapped);
        };
    }

    private ClassTarget ebs(String name, JsonNode storageClass, String mapped) {
        EbsParameters parameters = new EbsParameters(storageClass);
        String type = parameters.type();
        String rule = tierRule(type, parameters.hasPerformance());
        String caveat = parameters.hasPerformance() ? parameters.describePerformance() + " of " + name + " are not kept: "
                + "the target's performance follows disk size; to keep them map " + KEY + "." + name + ": " + name
                + " and the class is converted in place to PremiumV2_LRS" : null;
        List<String> lost = lostByBuiltIn(storageClass, parameters);
        boolean chosen = mapped != null && !isDefault(name, mapped); // gp2/gp3 → managed-csi-premium is no choice
        if ((type.equals("gp2") || type.equals("gp3")) && !lost.isEmpty() && !chosen) {
            return new ClassTarget(ClassTarget.Outcome.IN_PLACE, name, AwsVolumeFamily.EBS, name, rule, "converted in place "
                    + "to an Azure Disk class of the same name, because the built-in " + AksStorageClasses.DEFAULT_DISK_CLASS
                    + " would not keep its " + String.join(", ", lost) + "; map " + KEY + "." + name + " to an AKS class to "
                    + "use that class instead", null);
        }
        if (mapped != null) {
            return mapped.equals(name)
                    ? new ClassTarget(ClassTarget.Outcome.IN_PLACE, name, AwsVolumeFamily.EBS, name, rule,
                            "the mapping file keeps " + name + " as a custom AKS class", null)
                    : replaced(name, AwsVolumeFamily.EBS, mapped, rule, KEY + "." + name + " is " + mapped
                            + (isDefault(name, mapped) ? " (the default for EBS " + name + ", general-purpose SSD; "
                            + "managed-csi is the cheaper StandardSSD)" : ""), caveat);
        }
        return switch (type) {
            case "gp2", "gp3" -> replaced(name, AwsVolumeFamily.EBS, AksStorageClasses.DEFAULT_DISK_CLASS, rule,
                    "EBS " + type + " (general-purpose SSD) maps to Premium SSD by default; map " + KEY + "." + name
                            + ": managed-csi for the cheaper StandardSSD", caveat);
            case "st1", "sc1", "standard" -> new ClassTarget(ClassTarget.Outcome.IN_PLACE, name, AwsVolumeFamily.EBS,
                    name, rule, "AKS has no HDD class built in, so EBS " + type + " becomes a custom Standard_LRS class", null);
            case "io1", "io2" -> undecided(name, AwsVolumeFamily.EBS, rule, "EBS " + type + " (provisioned IOPS) needs a "
                    + "disk tier: set " + KEY + "." + name + " to managed-csi-premium (Premium SSD), to the name of an Ultra "
                    + "Disk class you create (UltraSSD_LRS needs --enable-ultra-ssd node pools), or to " + name
                    + " itself to convert it in place to PremiumV2_LRS with its IOPS" + (parameters.get("iops").isEmpty()
                    && parameters.get("iopsPerGB").isPresent() ? " (iopsPerGB has no fixed figure, so at Azure's default "
                    + "Premium SSD v2 performance, a baseline of 3000 IOPS and 125 MB/s)" : "") + " (catalog SC4; S3, S5)");
            default -> undecided(name, AwsVolumeFamily.EBS, rule, "EBS volume type '" + type + "' has no Azure disk "
                    + "equivalent: set " + KEY + "." + name + " to an AKS class (catalog SC1; S5)");
        };
    }

    /**
     * What an EBS class has that the built-in Premium SSD class (Delete, not the default, ext4, platform keys, no
     * tags or mount options) would silently lose if it replaced it.
     */
    static List<String> lostByBuiltIn(JsonNode storageClass, EbsParameters parameters) {
        List<String> lost = new ArrayList<>();
        String reclaim = storageClass.path("reclaimPolicy").asText("Delete");
        if (!reclaim.equals("Delete")) {
            lost.add("reclaimPolicy " + reclaim);
        }
        if (DefaultClassAnnotation.isDefault(storageClass)) {
            lost.add("default-class annotation");
        }
        String fsType = storageClass.path("parameters").path("csi.storage.k8s.io/fstype").asText(
                parameters.get("fsType").map(EbsParameters.Parameter::value).orElse("ext4"));
        if (!fsType.equalsIgnoreCase("ext4")) {
            lost.add("file-system type " + fsType);
        }
        parameters.get("kmsKeyId").ifPresent(p -> lost.add("KMS key (kmsKeyId)"));
        if (parameters.all().stream().anyMatch(p -> p.key().toLowerCase(Locale.ROOT).startsWith("tagspecification_"))) {
            lost.add("volume tags");
        }
        if (storageClass.path("mountOptions").size() > 0) {
            lost.add("mount options");
        }
        return lost;
    }

    private ClassTarget efs(String name, String mapped) {
        if (mapped != null && !mapped.equals(name)) {
            return replaced(name, AwsVolumeFamily.EFS, mapped, "SC12", KEY + "." + name + " is " + mapped, null);
        }
        if (mapped != null || mapping.efsNfs()) {
            return new ClassTarget(ClassTarget.Outcome.IN_PLACE, name, AwsVolumeFamily.EFS, name, "SC12",
                    "converted in place to an Azure Files " + (mapping.efsNfs() ? "NFS" : "SMB") + " class", null);
        }
        return replaced(name, AwsVolumeFamily.EFS, AksStorageClasses.DEFAULT_FILE_CLASS, "SC12",
                "EFS (NFS, ReadWriteMany) maps to Azure Files Premium over SMB, as efsProtocol: smb asks",
                "SMB does not keep NFS semantics (POSIX owners and modes, hard links); remove efsProtocol: smb to convert "
                        + name + " in place to an Azure Files NFS class");
    }

    private ClassTarget other(String name, JsonNode storageClass, String mapped) {
        if (mapped != null && !mapped.equals(name)) {
            return replaced(name, AwsVolumeFamily.OTHER, mapped, "SC13", KEY + "." + name + " is " + mapped, null);
        }
        return undecided(name, AwsVolumeFamily.OTHER, "SC13", storageClass.path("provisioner").asText() + " has no verified "
                + "AKS equivalent: move the data, then set " + KEY + "." + name + " to an AKS class (Azure Managed Lustre "
                + "for FSx for Lustre, azureblob-fuse-premium for Mountpoint for S3) (catalog SC13)");
    }

    private ClassTarget replaced(String name, AwsVolumeFamily family, String target, String rule, String why, String caveat) {
        if (AksStorageClasses.LEGACY_CLASSES.contains(target)) {
            return undecided(name, family, rule, target + " is a legacy in-tree class that AKS ≥ 1.26 no longer serves "
                    + "volumes for: set " + KEY + "." + name + " to a CSI class such as managed-csi-premium (catalog §2.1; S2)");
        }
        int minimum = AksStorageClasses.minimumMinor(target);
        if (minimum > mapping.targetMinor()) {
            return undecided(name, family, rule, target + " exists only on AKS ≥ 1." + minimum + " and the target is "
                    + mapping.targetAksVersion() + ": raise targetAksVersion, or set " + KEY + "." + name + " to " + name
                    + " to convert it in place (catalog §2.1; S2)");
        }
        String kind = AksStorageClasses.isBuiltIn(target) ? "the AKS built-in class " : "the AKS class ";
        return new ClassTarget(ClassTarget.Outcome.REPLACED, name, family, target, rule,
                why + "; " + kind + target + " replaces it", caveat);
    }

    /** Whether {@code mapped} is the built-in default for class {@code name} rather than a choice in the file. */
    private static boolean isDefault(String name, String mapped) {
        return ("gp2".equals(name) || "gp3".equals(name)) && AksStorageClasses.DEFAULT_DISK_CLASS.equals(mapped);
    }

    private static ClassTarget undecided(String name, AwsVolumeFamily family, String rule, String decision) {
        return new ClassTarget(ClassTarget.Outcome.UNDECIDED, name, family, null, rule, decision, null);
    }

    private static String tierRule(String type, boolean performance) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "gp2", "gp3" -> performance ? "SC3" : "SC2";
            case "io1", "io2" -> "SC4";
            case "st1", "sc1", "standard" -> "SC5";
            default -> "SC1";
        };
    }
}
