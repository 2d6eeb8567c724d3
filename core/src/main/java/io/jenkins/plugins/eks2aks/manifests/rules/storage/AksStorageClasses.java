package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import java.util.Map;
import java.util.Set;

/** The StorageClasses every AKS cluster has (catalog §2.1; S2, S3, S4). */
final class AksStorageClasses {

    static final String DISK_DRIVER = "disk.csi.azure.com";
    static final String FILE_DRIVER = "file.csi.azure.com";

    /** Where gp2/gp3 disks go unless the mapping file says otherwise: Premium SSD (catalog SC2). */
    static final String DEFAULT_DISK_CLASS = "managed-csi-premium";
    /** Where EFS shares go when the mapping file asks for SMB (efsProtocol: smb): Azure Files Premium (catalog SC12). */
    static final String DEFAULT_FILE_CLASS = "azurefile-csi-premium";

    static final Set<String> DISK_CLASSES = Set.of("default", "managed-csi", "managed-csi-premium", "managed-csi-premium-v2",
            "managed", "managed-premium");
    static final Set<String> FILE_CLASSES = Set.of("azurefile-csi", "azurefile-csi-premium", "azurefile", "azurefile-premium");
    static final Set<String> BLOB_CLASSES = Set.of("azureblob-nfs-premium", "azureblob-fuse-premium");

    /** In-tree classes AKS ≥ 1.26 no longer serves volumes for (S2). */
    static final Set<String> LEGACY_CLASSES = Set.of("managed", "managed-premium", "azurefile", "azurefile-premium");

    /** Built-in classes that exist only from some AKS minor version on. */
    private static final Map<String, Integer> MINIMUM_MINOR = Map.of("managed-csi-premium-v2", 35);

    private AksStorageClasses() {
    }

    static boolean isBuiltIn(String name) {
        return DISK_CLASSES.contains(name) || FILE_CLASSES.contains(name) || BLOB_CLASSES.contains(name);
    }

    static boolean isDisk(String name) {
        return DISK_CLASSES.contains(name);
    }

    /** The first AKS minor version that has built-in class {@code name}; 0 when every supported version has it. */
    static int minimumMinor(String name) {
        return MINIMUM_MINOR.getOrDefault(name, 0);
    }
}
