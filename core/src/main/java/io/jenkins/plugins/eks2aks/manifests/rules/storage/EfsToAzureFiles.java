package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * SC12: converts an EFS StorageClass in place into an Azure Files Premium class of the same name, over NFS when
 * the mapping file says {@code efsProtocol: nfs} (NFS shares exist only on Premium accounts; S4). EFS access
 * points and the file system id have no Azure Files key: each claim gets its own share, so they are dropped
 * and reported.
 */
final class EfsToAzureFiles {

    static final String ID = "SC12";
    private static final String PARAMETERS = "/parameters";

    private final MigrationMapping mapping;

    EfsToAzureFiles(MigrationMapping mapping) {
        this.mapping = mapping;
    }

    List<Change> convert(KubeObject storageClass) {
        Changes c = Changes.of(storageClass, ID);
        boolean nfs = mapping.efsNfs();
        List<Change> out = new ArrayList<>();
        out.add(c.replace("/provisioner", AksStorageClasses.FILE_DRIVER, RuleMode.AUTO_WARN, "EFS becomes Azure Files "
                + "Premium" + (nfs ? " over NFS; a Premium_LRS share is at least 100 GiB" : " over SMB; SMB does not keep "
                + "POSIX owners and modes") + " (catalog SC12; S4, S6)"));
        out.add(c.put(PARAMETERS, "skuName", "Premium_LRS", RuleMode.AUTO, "Premium file shares, as EFS is SSD-backed"
                + (nfs ? " and NFS needs a Premium account" : "") + " (catalog SC12; S4)"));
        if (nfs) {
            out.add(c.put(PARAMETERS, "protocol", "nfs", RuleMode.AUTO, "keeps NFS semantics for the EFS workloads "
                    + "(efsProtocol: nfs) (catalog SC12; S4)"));
        }
        storageClass.at(PARAMETERS).fieldNames().forEachRemaining(key -> out.add(c.removeKey(PARAMETERS, key, RuleMode.DROP,
                "EFS parameter " + key + " has no Azure Files key: Azure Files creates one share per claim, with no "
                        + "access points, base paths or gid ranges (catalog SC12; S4, S6)")));
        out.addAll(EfsMountOptions.drop(storageClass, "/mountOptions", "SC11"));
        out.addAll(ZoneTopologies.convert(storageClass, mapping));
        out.addAll(DefaultClassAnnotation.keep(storageClass));
        return out;
    }
}
