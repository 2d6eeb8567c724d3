package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Converts an EBS StorageClass in place into an Azure Disk class of the same name (SC1–SC9, SC11): the volume
 * type becomes a disk SKU, provisioned performance becomes PremiumV2 IOPS/MBps, encryption becomes a disk
 * encryption set, tags and file-system type keep their meaning, and EBS-only parameters are dropped, because the
 * Azure Disk CSI driver rejects parameters it does not know. Binding mode, reclaim policy, expansion and mount
 * options are the same fields on AKS and are kept (SC11).
 */
final class EbsToAzureDisk {

    private static final String PARAMETERS = "/parameters";
    /** PremiumV2 limits as the catalog records them (S3). */
    private static final long PREMIUM_V2_MAX_IOPS = 160_000;
    private static final String PREMIUM_V2_CAVEAT = "PremiumV2 disks attach only to VMs in availability zones and exist "
            + "only in some regions";
    private static final Set<String> FILESYSTEM_FORMAT = Set.of("blocksize", "inodesize", "bytesperinode",
            "numberofinodes", "ext4bigalloc", "ext4clustersize");
    /** Parameters the Azure Disk CSI driver understands (lower case; it reads them case-insensitively). */
    private static final Set<String> AZURE_DISK = Set.of("skuname", "storageaccounttype", "kind", "cachingmode", "location",
            "resourcegroup", "subscriptionid", "diskiopsreadwrite", "diskmbpsreadwrite", "logicalsectorsize", "fstype",
            "diskencryptionsetid", "diskencryptiontype", "writeacceleratorenabled", "networkaccesspolicy",
            "publicnetworkaccess", "diskaccessid", "enablebursting", "enableperformanceplus", "tags", "maxshares",
            "zoned", "perfprofile");

    private final MigrationMapping mapping;

    EbsToAzureDisk(MigrationMapping mapping) {
        this.mapping = mapping;
    }

    List<Change> convert(KubeObject storageClass) {
        EbsParameters parameters = new EbsParameters(storageClass.object());
        Set<String> handled = new HashSet<>();
        List<Change> out = new ArrayList<>();
        List<Change> tier = tier(storageClass, parameters, handled);
        if (tier.stream().anyMatch(c -> c.mode() == RuleMode.HUMAN)) {
            return tier; // nothing changes until the disk tier is decided
        }
        out.add(Changes.of(storageClass, "SC1").replace("/provisioner", AksStorageClasses.DISK_DRIVER, RuleMode.AUTO,
                storageClass.at("/provisioner").asText() + " becomes the Azure Disk CSI driver (catalog SC1; S3, S8)"));
        out.addAll(tier);
        out.addAll(encryption(storageClass, parameters, handled));
        out.addAll(fileSystem(storageClass, parameters, handled));
        out.addAll(tags(storageClass, parameters, handled));
        for (EbsParameters.Parameter p : parameters.all()) {
            String key = p.key().toLowerCase(Locale.ROOT);
            if (!handled.contains(key) && !AZURE_DISK.contains(key) && !key.startsWith("csi.storage.k8s.io/")) {
                out.add(Changes.of(storageClass, "SC1").removeKey(PARAMETERS, p.key(), RuleMode.DROP, "EBS parameter "
                        + p.key() + " has no Azure Disk equivalent, and the Azure Disk CSI driver rejects parameters it "
                        + "does not know (catalog SC1; S3, S5)"));
            }
        }
        out.addAll(ZoneTopologies.convert(storageClass, mapping));
        out.addAll(DefaultClassAnnotation.keep(storageClass));
        return out;
    }

    /** SC2–SC5: the EBS volume type becomes a disk SKU. */
    private List<Change> tier(KubeObject storageClass, EbsParameters parameters, Set<String> handled) {
        String name = storageClass.ref().name();
        String type = parameters.type();
        handled.add("type");
        // iopsPerGB has no fixed figure to carry; only a class the mapping file keeps in place converts without one.
        boolean perGbUnsettled = parameters.get("iopsPerGB").isPresent() && !name.equals(mapping.storageClasses().get(name));
        List<Change> out = new ArrayList<>();
        switch (type) {
            case "gp2", "gp3" -> {
                Changes c = Changes.of(storageClass, parameters.hasPerformance() ? "SC3" : "SC2");
                if (perGbUnsettled) {
                    return List.of(perGbFinding(c, parameters, name));
                }
                if (parameters.hasPerformance()) {
                    out.addAll(premiumV2(storageClass, "SC3", parameters, handled, "EBS " + type + " with provisioned "
                            + parameters.describePerformance() + " becomes Premium SSD v2 with the same figures"));
                } else {
                    out.add(sku(c, "Premium_LRS", "EBS " + type + " (general-purpose SSD) becomes Premium "
                            + "SSD; StandardSSD_LRS is the cheaper, slower choice (catalog SC2; S2, S5)"));
                }
            }
            case "io1", "io2" -> {
                Changes c = Changes.of(storageClass, "SC4");
                if (perGbUnsettled) {
                    return List.of(perGbFinding(c, parameters, name));
                }
                long iops = parameters.get("iops").map(p -> parseLong(p.value())).orElse(0L);
                if (iops > PREMIUM_V2_MAX_IOPS) {
                    return List.of(c.decision(pointer(parameters, "iops"), "EBS " + type + " with " + iops + " IOPS is beyond "
                            + "Premium SSD v2 (" + PREMIUM_V2_MAX_IOPS + "): create an Ultra Disk class (UltraSSD_LRS, "
                            + "node pools with --enable-ultra-ssd) and set storageClasses." + name + " to it (catalog SC4; S3, S5)")
                            .withMappingKeys("storageClasses." + name));
                }
                handled.add("blockexpress");
                handled.add("allowautoiopspergbincrease");
                out.addAll(premiumV2(storageClass, "SC4", parameters, handled, "EBS " + type + " (provisioned IOPS) becomes "
                        + "Premium SSD v2 with the same IOPS; Ultra Disk is the alternative above its limits"));
                parameters.get("blockExpress").ifPresent(p -> out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.DROP,
                        "io2 Block Express has no separate Azure setting: Premium SSD v2 takes the IOPS directly (catalog SC4; S5)")));
                parameters.get("allowAutoIOPSPerGBIncrease").ifPresent(p -> out.add(c.removeKey(PARAMETERS, p.key(),
                        RuleMode.DROP, "Premium SSD v2 IOPS are fixed per class, not per GiB (catalog SC4; S5)")));
            }
            case "st1", "sc1", "standard" -> out.add(sku(Changes.of(storageClass, "SC5"), "Standard_LRS",
                    "EBS " + type + " (HDD) becomes Standard HDD; there is no throughput-optimised HDD, so performance "
                            + "differs (catalog SC5; S3)"));
            default -> {
                return List.of(Changes.of(storageClass, "SC1").decision(pointer(parameters, "type"), "EBS volume type '"
                        + type + "' has no Azure disk equivalent: set storageClasses." + name + " to an AKS class "
                        + "(catalog SC1; S5)").withMappingKeys("storageClasses." + name));
            }
        }
        String rule = out.get(0).ruleId(); // the rule that chose the SKU also retires the type
        parameters.get("type").ifPresent(p -> out.add(Changes.of(storageClass, rule)
                .removeKey(PARAMETERS, p.key(), RuleMode.AUTO, "replaced by skuName (catalog " + rule + "; S3)")));
        return out;
    }

    private static Change sku(Changes c, String sku, String reason) {
        return c.put(PARAMETERS, "skuName", sku, RuleMode.AUTO_WARN, reason);
    }

    /** SC3/SC4: skuName PremiumV2_LRS, caching None, DiskIOPSReadWrite/DiskMBpsReadWrite from iops/throughput. */
    private static List<Change> premiumV2(KubeObject storageClass, String rule, EbsParameters parameters,
                                          Set<String> handled, String why) {
        Changes c = Changes.of(storageClass, rule);
        String source = " (catalog " + rule + "; S3, S5)";
        List<Change> out = new ArrayList<>();
        out.add(sku(c, "PremiumV2_LRS", why + "; " + PREMIUM_V2_CAVEAT + source));
        out.add(c.put(PARAMETERS, "cachingMode", "None", RuleMode.AUTO, "Premium SSD v2 supports only caching mode None" + source));
        parameters.get("iops").ifPresent(p -> {
            handled.add("iops");
            out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.AUTO, "becomes DiskIOPSReadWrite" + source));
            out.add(c.put(PARAMETERS, "DiskIOPSReadWrite", p.value(), RuleMode.AUTO, "provisioned IOPS kept" + source));
        });
        parameters.get("iopsPerGB").ifPresent(p -> {
            handled.add("iopspergb");
            out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.AUTO_WARN, "iopsPerGB " + p.value() + " has no Azure "
                    + "equivalent and the Azure Disk CSI driver rejects parameters it does not know; " + (parameters
                    .get("iops").isPresent() ? "the fixed iops is kept as DiskIOPSReadWrite" : "no DiskIOPSReadWrite "
                    + "is written, so disks get Azure's default Premium SSD v2 performance (a baseline of 3000 IOPS and "
                    + "125 MB/s) that does not grow with size: add a fixed DiskIOPSReadWrite to the converted class if "
                    + "that is too little") + source));
        });
        parameters.get("throughput").ifPresent(p -> {
            handled.add("throughput");
            out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.AUTO, "becomes DiskMBpsReadWrite" + source));
            out.add(c.put(PARAMETERS, "DiskMBpsReadWrite", p.value(), RuleMode.AUTO, "provisioned throughput (MiB/s) kept" + source));
        });
        return out;
    }

    private static Change perGbFinding(Changes c, EbsParameters parameters, String name) {
        return c.decision(pointer(parameters, "iopsPerGB"), "iopsPerGB has no Azure equivalent (Premium SSD v2 needs "
                + "a fixed IOPS figure): set storageClasses." + name + " to managed-csi-premium, whose performance grows "
                + "with disk size like iopsPerGB, or to " + name + " itself to convert it in place to Premium SSD v2 at "
                + "Azure's default performance (a baseline of 3000 IOPS and 125 MB/s), or write a fixed iops in the "
                + "source class (catalog SC3; S3, S5)")
                .withMappingKeys("storageClasses." + name);
    }

    /** SC6/SC7: Azure disks are always encrypted; a customer key needs a disk encryption set. */
    private List<Change> encryption(KubeObject storageClass, EbsParameters parameters, Set<String> handled) {
        List<Change> out = new ArrayList<>();
        handled.add("encrypted");
        handled.add("kmskeyid");
        var kms = parameters.get("kmsKeyId");
        if (kms.isPresent()) {
            Changes c = Changes.of(storageClass, "SC7");
            String set = mapping.diskEncryptionSets().get(kms.get().value());
            if (set == null) {
                out.add(c.decision(pointer(parameters, "kmsKeyId"), "disks are encrypted with KMS key " + kms.get().value()
                        + ": create a disk encryption set with a Key Vault key, then set diskEncryptionSets.\""
                        + kms.get().value() + "\" to its resource id /subscriptions/<sub>/resourceGroups/<rg>/providers/"
                        + "Microsoft.Compute/diskEncryptionSets/<name> (catalog SC7; S3)")
                        .withMappingKeys("diskEncryptionSets.\"" + kms.get().value() + "\""));
                return out;
            }
            out.add(c.removeKey(PARAMETERS, kms.get().key(), RuleMode.AUTO, "becomes diskEncryptionSetID (catalog SC7; S3)"));
            out.add(c.put(PARAMETERS, "diskEncryptionSetID", set, RuleMode.AUTO, "customer-managed key: the disk "
                    + "encryption set the mapping file names for " + kms.get().value() + " (catalog SC7; S3)"));
        }
        parameters.get("encrypted").ifPresent(p -> out.add(Changes.of(storageClass, "SC6").removeKey(PARAMETERS, p.key(),
                RuleMode.AUTO, "Azure managed disks are always encrypted at rest (platform-managed keys unless a disk "
                        + "encryption set is given) (catalog SC6)")));
        return out;
    }

    /** SC8: the file-system type keeps its meaning; EBS formatting options have no documented equivalent. */
    private static List<Change> fileSystem(KubeObject storageClass, EbsParameters parameters, Set<String> handled) {
        List<Change> out = new ArrayList<>();
        Changes c = Changes.of(storageClass, "SC8");
        String csiKey = "csi.storage.k8s.io/fstype";
        if (storageClass.at(PARAMETERS).has(csiKey)) {
            handled.add(csiKey);
            String value = storageClass.at(PARAMETERS).path(csiKey).asText();
            out.add(c.removeKey(PARAMETERS, csiKey, RuleMode.AUTO, "becomes fsType (catalog SC8; S3, S5)"));
            out.add(c.put(PARAMETERS, "fsType", value, RuleMode.AUTO, "file-system type " + value + " kept (catalog SC8; S3)"));
        }
        for (EbsParameters.Parameter p : parameters.all()) {
            if (FILESYSTEM_FORMAT.contains(p.key().toLowerCase(Locale.ROOT))) {
                handled.add(p.key().toLowerCase(Locale.ROOT));
                out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.DROP, "EBS formatting option " + p.key()
                        + " has no documented Azure Disk equivalent (catalog SC8; S3, S5)"));
            }
        }
        return out;
    }

    /** SC9: {@code tagSpecification_N: key=value} become one {@code tags: k1=v1,k2=v2}. */
    private static List<Change> tags(KubeObject storageClass, EbsParameters parameters, Set<String> handled) {
        List<Change> out = new ArrayList<>();
        Changes c = Changes.of(storageClass, "SC9");
        List<String> kept = new ArrayList<>();
        for (EbsParameters.Parameter p : parameters.all()) {
            String key = p.key().toLowerCase(Locale.ROOT);
            if (!key.startsWith("tagspecification_")) {
                continue;
            }
            handled.add(key);
            boolean template = p.value().contains("{{");
            boolean unsafe = p.value().contains(",") || !p.value().contains("=");
            if (template || unsafe) {
                out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.DROP, "tag '" + p.value() + "' cannot be written as an "
                        + "Azure tag: " + (template ? "EBS tag templates ({{ .PVCName }}, …) are not expanded by the Azure "
                        + "Disk driver" : "Azure tags are key=value pairs separated by commas") + " (catalog SC9; S3, S5)"));
            } else {
                kept.add(p.value());
                out.add(c.removeKey(PARAMETERS, p.key(), RuleMode.AUTO, "becomes part of tags (catalog SC9; S3)"));
            }
        }
        if (!kept.isEmpty()) {
            out.add(c.put(PARAMETERS, "tags", String.join(",", kept), RuleMode.AUTO, "EBS volume tags become Azure disk "
                    + "tags (catalog SC9; S3)"));
        }
        return out;
    }

    private static String pointer(EbsParameters parameters, String name) {
        return parameters.get(name).map(p -> Pointers.child(PARAMETERS, p.key())).orElse(PARAMETERS);
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
