package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.rules.RulesOnObjects;
import io.jenkins.plugins.eks2aks.manifests.rules.RulesOnObjects.Seen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage family (catalog §2: SC1–SC14, PV1–PV8), one case per behaviour. */
class StorageRulesTest {

    private static final String GP3_FAST = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: gp3
              annotations: {storageclass.kubernetes.io/is-default-class: "true", team: storage}
            provisioner: ebs.csi.aws.com
            parameters: {type: gp3, iops: "4000", throughput: "250", encrypted: "true", csi.storage.k8s.io/fstype: xfs}
            reclaimPolicy: Retain
            volumeBindingMode: WaitForFirstConsumer
            """;
    private static final String EFS = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: efs-sc}
            provisioner: efs.csi.aws.com
            parameters: {provisioningMode: efs-ap, fileSystemId: fs-0a1b2c3d, directoryPerms: "700", basePath: /shop}
            mountOptions: [tls, iam, nfsvers=4.1]
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a gp3 class with provisioned IOPS is left out for managed-csi-premium, and its claims and "
                        + "StatefulSet templates follow with a warning that the IOPS are not kept", "", ebsClass("gp3",
                        "{type: gp3, iops: \"4000\", throughput: \"250\", encrypted: \"true\"}") + "---\n"
                        + claim("data", "gp3", "ReadWriteOnce") + "---\n" + statefulSet("gp3"), List.of(
                        "StorageClass gp3: SC3 EXCLUDE",
                        "PersistentVolumeClaim data: PV1 AUTO_WARN replace /spec/storageClassName managed-csi-premium",
                        "StatefulSet db: PV1 AUTO_WARN replace /spec/volumeClaimTemplates/0/spec/storageClassName managed-csi-premium")),
                Arguments.of("the in-tree gp2 class EKS creates is left out for managed-csi-premium and its claims follow",
                        "", """
                        apiVersion: storage.k8s.io/v1
                        kind: StorageClass
                        metadata: {name: gp2}
                        provisioner: kubernetes.io/aws-ebs
                        parameters: {type: gp2, fsType: ext4}
                        ---
                        """ + claim("data", "gp2", "ReadWriteOnce"), List.of(
                        "StorageClass gp2: SC2 EXCLUDE",
                        "PersistentVolumeClaim data: PV1 AUTO replace /spec/storageClassName managed-csi-premium")),
                Arguments.of("a gp3 class the built-in class would not keep (Retain, default, xfs) is converted in place "
                        + "without being mapped", "", GP3_FAST + "---\n" + claim("data", "gp3", "ReadWriteOnce"), List.of(
                        "StorageClass gp3: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass gp3: SC3 AUTO_WARN add /parameters/skuName PremiumV2_LRS",
                        "StorageClass gp3: SC3 AUTO add /parameters/cachingMode None",
                        "StorageClass gp3: SC3 AUTO remove /parameters/iops",
                        "StorageClass gp3: SC3 AUTO add /parameters/DiskIOPSReadWrite 4000",
                        "StorageClass gp3: SC3 AUTO remove /parameters/throughput",
                        "StorageClass gp3: SC3 AUTO add /parameters/DiskMBpsReadWrite 250",
                        "StorageClass gp3: SC3 AUTO remove /parameters/type",
                        "StorageClass gp3: SC6 AUTO remove /parameters/encrypted",
                        "StorageClass gp3: SC8 AUTO remove /parameters/csi.storage.k8s.io~1fstype",
                        "StorageClass gp3: SC8 AUTO add /parameters/fsType xfs",
                        "StorageClass gp3: SC14 AUTO_WARN replace /metadata/annotations/storageclass.kubernetes.io~1is-default-class true")),
                Arguments.of("a gp3 class mapped to itself becomes a PremiumV2 class with the same IOPS and throughput, "
                        + "encryption implied, fsType and default annotation kept", "storageClasses: {gp3: gp3}",
                        GP3_FAST + "---\n" + claim("data", "gp3", "ReadWriteOnce"), List.of(
                        "StorageClass gp3: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass gp3: SC3 AUTO_WARN add /parameters/skuName PremiumV2_LRS",
                        "StorageClass gp3: SC3 AUTO add /parameters/cachingMode None",
                        "StorageClass gp3: SC3 AUTO remove /parameters/iops",
                        "StorageClass gp3: SC3 AUTO add /parameters/DiskIOPSReadWrite 4000",
                        "StorageClass gp3: SC3 AUTO remove /parameters/throughput",
                        "StorageClass gp3: SC3 AUTO add /parameters/DiskMBpsReadWrite 250",
                        "StorageClass gp3: SC3 AUTO remove /parameters/type",
                        "StorageClass gp3: SC6 AUTO remove /parameters/encrypted",
                        "StorageClass gp3: SC8 AUTO remove /parameters/csi.storage.k8s.io~1fstype",
                        "StorageClass gp3: SC8 AUTO add /parameters/fsType xfs",
                        "StorageClass gp3: SC14 AUTO_WARN replace /metadata/annotations/storageclass.kubernetes.io~1is-default-class true")),
                Arguments.of("a plain gp3 class mapped to itself becomes a Premium SSD class", "storageClasses: {fast: fast}",
                        ebsClass("fast", "{type: gp3}"), List.of(
                        "StorageClass fast: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass fast: SC2 AUTO_WARN add /parameters/skuName Premium_LRS",
                        "StorageClass fast: SC2 AUTO remove /parameters/type")),
                Arguments.of("a class the mapping file names is replaced by that class, whatever the EBS class is called",
                        "storageClasses: {ebs-sc: managed-csi}", ebsClass("ebs-sc", "{type: gp3}") + "---\n"
                        + claim("data", "ebs-sc", "ReadWriteOnce"), List.of(
                        "StorageClass ebs-sc: SC2 EXCLUDE",
                        "PersistentVolumeClaim data: PV1 AUTO replace /spec/storageClassName managed-csi")),
                Arguments.of("an st1 class becomes a custom Standard_LRS class and its claims keep its name", "",
                        ebsClass("throughput", "{type: st1}") + "---\n" + claim("logs", "throughput", "ReadWriteOnce"), List.of(
                        "StorageClass throughput: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass throughput: SC5 AUTO_WARN add /parameters/skuName Standard_LRS",
                        "StorageClass throughput: SC5 AUTO remove /parameters/type")),
                Arguments.of("an io2 class without a decision is a finding, and so are its claims", "",
                        ebsClass("io2-fast", "{type: io2, iops: \"20000\"}") + "---\n" + claim("db", "io2-fast", "ReadWriteOnce"), List.of(
                        "StorageClass io2-fast: SC4 HUMAN /parameters/type",
                        "PersistentVolumeClaim db: PV1 HUMAN /spec/storageClassName")),
                Arguments.of("an io2 class mapped to itself becomes PremiumV2 with its IOPS; Block Express has no setting",
                        "storageClasses: {io2-fast: io2-fast}", ebsClass("io2-fast", "{type: io2, iops: \"20000\", blockExpress: \"true\"}"), List.of(
                        "StorageClass io2-fast: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass io2-fast: SC4 AUTO_WARN add /parameters/skuName PremiumV2_LRS",
                        "StorageClass io2-fast: SC4 AUTO add /parameters/cachingMode None",
                        "StorageClass io2-fast: SC4 AUTO remove /parameters/iops",
                        "StorageClass io2-fast: SC4 AUTO add /parameters/DiskIOPSReadWrite 20000",
                        "StorageClass io2-fast: SC4 DROP remove /parameters/blockExpress",
                        "StorageClass io2-fast: SC4 AUTO remove /parameters/type")),
                Arguments.of("an io2 class beyond Premium SSD v2 stays a decision even mapped to itself",
                        "storageClasses: {io2-max: io2-max}", ebsClass("io2-max", "{type: io2, iops: \"256000\"}"), List.of(
                        "StorageClass io2-max: SC4 HUMAN /parameters/iops")),
                Arguments.of("an iopsPerGB gp3 class converted in place only because of what the built-in class would lose "
                        + "stays a decision: Premium SSD v2 needs a fixed figure", "",
                        ebsClass("pergb", "{type: gp3, iopsPerGB: \"50\"}") + "reclaimPolicy: Retain\n", List.of(
                        "StorageClass pergb: SC3 HUMAN /parameters/iopsPerGB")),
                Arguments.of("an iopsPerGB gp3 class mapped to itself becomes PremiumV2 at its baseline; iopsPerGB never remains",
                        "storageClasses: {pergb: pergb}", ebsClass("pergb", "{type: gp3, iopsPerGB: \"50\"}"), List.of(
                        "StorageClass pergb: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass pergb: SC3 AUTO_WARN add /parameters/skuName PremiumV2_LRS",
                        "StorageClass pergb: SC3 AUTO add /parameters/cachingMode None",
                        "StorageClass pergb: SC3 AUTO_WARN remove /parameters/iopsPerGB",
                        "StorageClass pergb: SC3 AUTO remove /parameters/type")),
                Arguments.of("an iopsPerGB io1 class mapped to itself becomes PremiumV2 at its baseline with no per-GiB parameter left",
                        "storageClasses: {io1-pergb: io1-pergb}",
                        ebsClass("io1-pergb", "{type: io1, iopsPerGB: \"50\", allowAutoIOPSPerGBIncrease: \"true\"}"), List.of(
                        "StorageClass io1-pergb: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass io1-pergb: SC4 AUTO_WARN add /parameters/skuName PremiumV2_LRS",
                        "StorageClass io1-pergb: SC4 AUTO add /parameters/cachingMode None",
                        "StorageClass io1-pergb: SC4 AUTO_WARN remove /parameters/iopsPerGB",
                        "StorageClass io1-pergb: SC4 DROP remove /parameters/allowAutoIOPSPerGBIncrease",
                        "StorageClass io1-pergb: SC4 AUTO remove /parameters/type")),
                Arguments.of("an io2 class with both iops and iopsPerGB mapped to itself keeps the fixed iops",
                        "storageClasses: {both: both}", ebsClass("both", "{type: io2, iops: \"8000\", iopsPerGB: \"50\"}"), List.of(
                        "StorageClass both: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass both: SC4 AUTO_WARN add /parameters/skuName PremiumV2_LRS",
                        "StorageClass both: SC4 AUTO add /parameters/cachingMode None",
                        "StorageClass both: SC4 AUTO remove /parameters/iops",
                        "StorageClass both: SC4 AUTO add /parameters/DiskIOPSReadWrite 8000",
                        "StorageClass both: SC4 AUTO_WARN remove /parameters/iopsPerGB",
                        "StorageClass both: SC4 AUTO remove /parameters/type")),
                Arguments.of("EBS parameter names are read case-insensitively, as the EBS driver does",
                        "storageClasses: {mixed: mixed}", ebsClass("mixed", "{Type: gp3, IOPS: \"3000\", Encrypted: \"true\"}"), List.of(
                        "StorageClass mixed: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass mixed: SC3 AUTO_WARN add /parameters/skuName PremiumV2_LRS",
                        "StorageClass mixed: SC3 AUTO add /parameters/cachingMode None",
                        "StorageClass mixed: SC3 AUTO remove /parameters/IOPS",
                        "StorageClass mixed: SC3 AUTO add /parameters/DiskIOPSReadWrite 3000",
                        "StorageClass mixed: SC3 AUTO remove /parameters/Type",
                        "StorageClass mixed: SC6 AUTO remove /parameters/Encrypted")),
                Arguments.of("a KMS key with a disk encryption set in the mapping becomes diskEncryptionSetID", """
                        storageClasses: {cmk: cmk}
                        diskEncryptionSets:
                          "arn:aws:kms:us-east-1:123456789012:key/1234abcd": /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des
                        """, ebsClass("cmk", "{type: gp3, encrypted: \"true\", kmsKeyId: \"arn:aws:kms:us-east-1:123456789012:key/1234abcd\"}"), List.of(
                        "StorageClass cmk: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass cmk: SC2 AUTO_WARN add /parameters/skuName Premium_LRS",
                        "StorageClass cmk: SC2 AUTO remove /parameters/type",
                        "StorageClass cmk: SC7 AUTO remove /parameters/kmsKeyId",
                        "StorageClass cmk: SC7 AUTO add /parameters/diskEncryptionSetID /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des",
                        "StorageClass cmk: SC6 AUTO remove /parameters/encrypted")),
                Arguments.of("EBS tags become one Azure tags parameter; templated tags and formatting options are dropped",
                        "storageClasses: {tagged: tagged}", ebsClass("tagged", "{type: gp3, tagSpecification_1: team=shop, "
                                + "tagSpecification_2: \"pvc={{ .PVCName }}\", blockSize: \"4096\", outpostArn: arn:aws:outposts:x}"), List.of(
                        "StorageClass tagged: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass tagged: SC2 AUTO_WARN add /parameters/skuName Premium_LRS",
                        "StorageClass tagged: SC2 AUTO remove /parameters/type",
                        "StorageClass tagged: SC9 AUTO remove /parameters/tagSpecification_1",
                        "StorageClass tagged: SC9 DROP remove /parameters/tagSpecification_2",
                        "StorageClass tagged: SC9 AUTO add /parameters/tags team=shop",
                        "StorageClass tagged: SC8 DROP remove /parameters/blockSize",
                        "StorageClass tagged: SC1 DROP remove /parameters/outpostArn")),
                Arguments.of("AWS zones in allowedTopologies become the AKS zones of the zones map", """
                        storageClasses: {zonal: zonal}
                        zones: {us-east-1a: eastus-1, us-east-1b: eastus-2}
                        """, ebsClass("zonal", "{type: gp3}") + """
                        allowedTopologies:
                        - matchLabelExpressions:
                          - {key: topology.ebs.csi.aws.com/zone, values: [us-east-1a, us-east-1b]}
                        """, List.of(
                        "StorageClass zonal: SC1 AUTO replace /provisioner disk.csi.azure.com",
                        "StorageClass zonal: SC2 AUTO_WARN add /parameters/skuName Premium_LRS",
                        "StorageClass zonal: SC2 AUTO remove /parameters/type",
                        "StorageClass zonal: SC10 AUTO replace /allowedTopologies/0/matchLabelExpressions/0 "
                                + "{\"key\":\"topology.kubernetes.io/zone\",\"values\":[\"eastus-1\",\"eastus-2\"]}")),
                Arguments.of("with efsProtocol smb an EFS class is left out for azurefile-csi-premium and its ReadWriteMany "
                        + "claims follow (PV2)", "efsProtocol: smb",
                        EFS + "---\n" + claim("media", "efs-sc", "ReadWriteMany"), List.of(
                        "StorageClass efs-sc: SC12 EXCLUDE",
                        "PersistentVolumeClaim media: PV2 AUTO_WARN replace /spec/storageClassName azurefile-csi-premium")),
                Arguments.of("by default (EFS is NFS) an EFS class becomes an Azure Files NFS class; access points and mount "
                        + "helper options are dropped", "", EFS + "---\n" + claim("media", "efs-sc", "ReadWriteMany"), List.of(
                        "StorageClass efs-sc: SC12 AUTO_WARN replace /provisioner file.csi.azure.com",
                        "StorageClass efs-sc: SC12 AUTO add /parameters/skuName Premium_LRS",
                        "StorageClass efs-sc: SC12 AUTO add /parameters/protocol nfs",
                        "StorageClass efs-sc: SC12 DROP remove /parameters/provisioningMode",
                        "StorageClass efs-sc: SC12 DROP remove /parameters/fileSystemId",
                        "StorageClass efs-sc: SC12 DROP remove /parameters/directoryPerms",
                        "StorageClass efs-sc: SC12 DROP remove /parameters/basePath",
                        "StorageClass efs-sc: SC11 DROP remove /mountOptions/0",
                        "StorageClass efs-sc: SC11 DROP remove /mountOptions/1")),
                Arguments.of("an FSx class is a decision until the mapping names a class; then it is left out", "", """
                        apiVersion: storage.k8s.io/v1
                        kind: StorageClass
                        metadata: {name: lustre}
                        provisioner: fsx.csi.aws.com
                        ---
                        """ + claim("scratch", "lustre", "ReadWriteMany"), List.of(
                        "StorageClass lustre: SC13 HUMAN /provisioner",
                        "PersistentVolumeClaim scratch: PV1 HUMAN /spec/storageClassName")),
                Arguments.of("a ReadWriteMany claim that would land on Azure Disk is a decision (PV3)", "",
                        ebsClass("shared", "{type: gp3}") + "---\n" + claim("shared", "shared", "ReadWriteMany"), List.of(
                        "StorageClass shared: SC2 EXCLUDE",
                        "PersistentVolumeClaim shared: PV3 HUMAN /spec/storageClassName")),
                Arguments.of("managed-csi-premium-v2 is refused for a target before AKS 1.35",
                        "storageClasses: {gp3: managed-csi-premium-v2}\ntargetAksVersion: \"1.34\"", ebsClass("gp3", "{type: gp3}"), List.of(
                        "StorageClass gp3: SC2 HUMAN /parameters/type")),
                Arguments.of("claims of classes the input does not define follow the gp2/gp3 defaults; an unmapped class "
                        + "that is no AKS built-in is a decision; AKS built-ins and static binding are left alone", "",
                        claim("a", "gp2", "ReadWriteOnce") + "---\n" + claim("b", "local-path", "ReadWriteOnce")
                        + "---\n" + claim("c", "", "ReadWriteOnce") + "---\n" + claim("d", "managed-csi", "ReadWriteOnce"), List.of(
                        "PersistentVolumeClaim a: PV1 AUTO replace /spec/storageClassName managed-csi-premium",
                        "PersistentVolumeClaim b: PV1 HUMAN /spec/storageClassName")),
                Arguments.of("the deprecated storage-class annotation of a claim follows its class too", "", """
                        apiVersion: v1
                        kind: PersistentVolumeClaim
                        metadata:
                          name: old
                          annotations: {volume.beta.kubernetes.io/storage-class: gp2}
                        spec: {accessModes: [ReadWriteOnce]}
                        """, List.of(
                        "PersistentVolumeClaim old: PV1 AUTO replace /metadata/annotations/volume.beta.kubernetes.io~1storage-class managed-csi-premium")),
                Arguments.of("generic ephemeral volumes of any pod-bearing object follow their class", "", """
                        apiVersion: batch/v1
                        kind: Job
                        metadata: {name: scratch}
                        spec:
                          template:
                            spec:
                              containers: [{name: c, image: busybox}]
                              volumes:
                              - name: tmp
                                ephemeral:
                                  volumeClaimTemplate:
                                    spec: {accessModes: [ReadWriteOnce], storageClassName: gp3}
                        """, List.of(
                        "Job scratch: PV1 AUTO replace /spec/template/spec/volumes/0/ephemeral/volumeClaimTemplate/spec/storageClassName managed-csi-premium")),
                Arguments.of("a dynamically provisioned EBS volume is left out: its claim provisions a new Azure disk", "", """
                        apiVersion: v1
                        kind: PersistentVolume
                        metadata:
                          name: pvc-1
                          annotations: {pv.kubernetes.io/provisioned-by: ebs.csi.aws.com}
                        spec:
                          csi: {driver: ebs.csi.aws.com, volumeHandle: vol-0c4f7a2e91b3d8f56}
                          claimRef: {namespace: shop, name: data}
                          storageClassName: gp3
                        """, List.of(
                        "PersistentVolume pvc-1: PV4 EXCLUDE")),
                Arguments.of("a static EBS volume is a decision naming volumeHandles; its AWS zone pins and claim uid go",
                        "", STATIC_EBS, List.of(
                        "PersistentVolume static-db: PV4 HUMAN /spec/csi/volumeHandle",
                        "PersistentVolume static-db: PV4 AUTO remove /spec/claimRef/uid",
                        "PersistentVolume static-db: PV6 AUTO remove /spec/nodeAffinity",
                        "PersistentVolume static-db: PV1 AUTO replace /spec/storageClassName managed-csi-premium")),
                Arguments.of("a static EBS volume with its Azure disk in volumeHandles moves to the Azure Disk driver",
                        "volumeHandles: {vol-0c4f7a2e91b3d8f56: /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/db}",
                        STATIC_EBS, List.of(
                        "PersistentVolume static-db: PV4 AUTO replace /spec/csi/driver disk.csi.azure.com",
                        "PersistentVolume static-db: PV4 AUTO replace /spec/csi/volumeHandle /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/db",
                        "PersistentVolume static-db: PV4 AUTO remove /spec/claimRef/uid",
                        "PersistentVolume static-db: PV6 AUTO remove /spec/nodeAffinity",
                        "PersistentVolume static-db: PV1 AUTO replace /spec/storageClassName managed-csi-premium")),
                Arguments.of("a static in-tree EBS volume becomes a CSI volume of its Azure disk",
                        "volumeHandles: {vol-0abc: /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/old}", """
                        apiVersion: v1
                        kind: PersistentVolume
                        metadata: {name: legacy}
                        spec:
                          awsElasticBlockStore: {volumeID: "aws://us-east-1a/vol-0abc", fsType: ext4}
                        """, List.of(
                        "PersistentVolume legacy: PV4 AUTO remove /spec/awsElasticBlockStore",
                        "PersistentVolume legacy: PV4 AUTO add /spec/csi {\"driver\":\"disk.csi.azure.com\",\"volumeHandle\":"
                                + "\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/old\",\"fsType\":\"ext4\"}")),
                Arguments.of("a static EFS volume with its share in volumeHandles moves to the Azure Files driver over NFS", """
                        efsProtocol: nfs
                        volumeHandles: {"fs-0a1b::fsap-0d3b": "rg#shopfiles#media"}
                        """, """
                        apiVersion: v1
                        kind: PersistentVolume
                        metadata: {name: media}
                        spec:
                          csi: {driver: efs.csi.aws.com, volumeHandle: "fs-0a1b::fsap-0d3b"}
                          mountOptions: [tls]
                        """, List.of(
                        "PersistentVolume media: PV5 AUTO replace /spec/csi/driver file.csi.azure.com",
                        "PersistentVolume media: PV5 AUTO replace /spec/csi/volumeHandle rg#shopfiles#media",
                        "PersistentVolume media: PV5 AUTO add /spec/csi/volumeAttributes {\"shareName\":\"media\"}",
                        "PersistentVolume media: PV5 AUTO add /spec/csi/volumeAttributes {\"protocol\":\"nfs\"}",
                        "PersistentVolume media: PV5 DROP remove /spec/mountOptions/0")),
                Arguments.of("an EBS VolumeSnapshotClass becomes an Azure Disk one with its tags; EBS snapshots stay behind", "", """
                        apiVersion: snapshot.storage.k8s.io/v1
                        kind: VolumeSnapshotClass
                        metadata: {name: ebs-snap}
                        driver: ebs.csi.aws.com
                        deletionPolicy: Delete
                        parameters: {tagSpecification_1: team=shop, fastSnapshotRestoreAvailabilityZones: us-east-1a}
                        ---
                        apiVersion: snapshot.storage.k8s.io/v1
                        kind: VolumeSnapshotContent
                        metadata: {name: snap-1}
                        spec:
                          driver: ebs.csi.aws.com
                          source: {snapshotHandle: snap-0123}
                        """, List.of(
                        "VolumeSnapshotClass ebs-snap: PV8 AUTO replace /driver disk.csi.azure.com",
                        "VolumeSnapshotClass ebs-snap: PV8 AUTO remove /parameters/tagSpecification_1",
                        "VolumeSnapshotClass ebs-snap: PV8 DROP remove /parameters/fastSnapshotRestoreAvailabilityZones",
                        "VolumeSnapshotClass ebs-snap: PV8 AUTO add /parameters/tags team=shop",
                        "VolumeSnapshotContent snap-1: PV8 EXCLUDE")),
                Arguments.of("classes of other provisioners are not touched", "", """
                        apiVersion: storage.k8s.io/v1
                        kind: StorageClass
                        metadata: {name: local-path}
                        provisioner: rancher.io/local-path
                        ---
                        """ + claim("x", "local-path", "ReadWriteOnce"), List.of()));
    }

    private static final String STATIC_EBS = """
            apiVersion: v1
            kind: PersistentVolume
            metadata: {name: static-db}
            spec:
              csi: {driver: ebs.csi.aws.com, volumeHandle: vol-0c4f7a2e91b3d8f56, fsType: ext4}
              claimRef: {namespace: shop, name: data, uid: a0d81c83}
              storageClassName: gp3
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions:
                    - {key: topology.ebs.csi.aws.com/zone, operator: In, values: [us-east-1a]}
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsStorage(String name, String mapping, String manifests, List<String> expected) {
        assertEquals(RulesOnObjects.sorted(expected), RulesOnObjects.sorted(RulesOnObjects.describe(run(mapping, manifests))));
    }

    @Test
    void theDefaultClassStaysTheDefaultWithAWarning() {
        List<String> lines = RulesOnObjects.describe(run("storageClasses: {solo: solo}", """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: solo
                  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                provisioner: ebs.csi.aws.com
                """));
        assertTrue(lines.contains("StorageClass solo: SC14 AUTO_WARN replace /metadata/annotations/storageclass.kubernetes.io~1is-default-class true"),
                lines.toString());
    }

    static Stream<Arguments> findings() {
        return Stream.of(
                Arguments.of("an io2 class names storageClasses.<name>", ebsClass("io2-fast", "{type: io2, iops: \"20000\"}"),
                        "storageClasses.io2-fast", "storageClasses: {io2-fast: managed-csi-premium}"),
                Arguments.of("an iopsPerGB io2 class names storageClasses.<name>, and converting it in place settles it",
                        ebsClass("io2-pergb", "{type: io2, iopsPerGB: \"50\"}"), "storageClasses.io2-pergb",
                        "storageClasses: {io2-pergb: io2-pergb}"),
                Arguments.of("an iopsPerGB gp3 class kept in place names storageClasses.<name>, and mapping it to itself settles it",
                        ebsClass("gp3-pergb", "{type: gp3, iopsPerGB: \"50\"}") + "reclaimPolicy: Retain\n",
                        "storageClasses.gp3-pergb", "storageClasses: {gp3-pergb: gp3-pergb}"),
                Arguments.of("a KMS key names diskEncryptionSets.<arn>", ebsClass("cmk", "{type: gp3, kmsKeyId: \"arn:aws:kms:us-east-1:123456789012:key/k\"}"),
                        "diskEncryptionSets.\"arn:aws:kms:us-east-1:123456789012:key/k\"", """
                        diskEncryptionSets:
                          "arn:aws:kms:us-east-1:123456789012:key/k": /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des
                        """),
                Arguments.of("AWS zones name zones.<zone>", ebsClass("zonal", "{type: gp3}")
                        + "allowedTopologies: [{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [us-east-1c]}]}]\n",
                        "zones.us-east-1c", "zones: {us-east-1c: eastus-3}"),
                Arguments.of("an FSx class names storageClasses.<name>", "apiVersion: storage.k8s.io/v1\nkind: StorageClass\n"
                        + "metadata: {name: lustre}\nprovisioner: fsx.csi.aws.com\n", "storageClasses.lustre",
                        "storageClasses: {lustre: azurefile-csi-premium}"),
                Arguments.of("a ReadWriteMany disk claim names storageClasses.<name>", claim("s", "gp3", "ReadWriteMany"),
                        "storageClasses.gp3", "storageClasses: {gp3: azurefile-csi-premium}"),
                Arguments.of("a static EBS volume names volumeHandles.<volume id>", STATIC_EBS, "volumeHandles.vol-0c4f7a2e91b3d8f56",
                        "volumeHandles: {vol-0c4f7a2e91b3d8f56: /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/db}"),
                Arguments.of("a static EFS volume names volumeHandles.<handle>", """
                        apiVersion: v1
                        kind: PersistentVolume
                        metadata: {name: media}
                        spec:
                          nfs: {server: fs-0a1b.efs.us-east-1.amazonaws.com, path: /}
                        """, "volumeHandles.\"fs-0a1b\"", "volumeHandles: {fs-0a1b: \"rg#acct#media\"}"));
    }

    @ParameterizedTest(name = "{0}, and giving that key applies the change")
    @MethodSource("findings")
    void everyFindingNamesTheKeyThatResolvesIt(String name, String manifests, String key, String resolvingMapping) {
        String base = "storageClasses: {cmk: cmk, zonal: zonal}\n";
        List<Seen> before = run(base, manifests);
        List<Change> findings = RulesOnObjects.findings(before);
        assertEquals(1, findings.size(), RulesOnObjects.describe(before).toString());
        assertTrue(findings.get(0).reason().contains(key), findings.get(0).reason());

        List<Seen> after = run(resolvingMapping.startsWith("storageClasses") ? resolvingMapping : base + resolvingMapping, manifests);
        assertTrue(after.stream().noneMatch(c -> c.change().mode() == RuleMode.HUMAN), RulesOnObjects.describe(after).toString());
        assertTrue(after.stream().anyMatch(c -> c.change().mode().applies()), RulesOnObjects.describe(after).toString());
    }

    @Test
    void neverModifiesTheObjectsItIsGiven() {
        RulesOnObjects.assertNeverModifiesItsInput(StorageRulesTest::rules, GP3_FAST + "---\n" + EFS + "---\n" + STATIC_EBS
                + "---\n" + claim("data", "gp3", "ReadWriteOnce") + "---\n" + statefulSet("gp3"),
                "", "storageClasses: {gp3: gp3}\nefsProtocol: nfs");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static List<ConversionRule> rules(RuleContext context) {
        return List.of(new AwsStorageClassRule(context), new ClaimStorageClassRule(context),
                new AwsPersistentVolumeRule(context), new EbsSnapshotRule());
    }

    private static List<Seen> run(String mapping, String manifests) {
        return RulesOnObjects.run(StorageRulesTest::rules, mapping, manifests);
    }

    private static String ebsClass(String name, String parameters) {
        return "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: " + name + "}\n"
                + "provisioner: ebs.csi.aws.com\nparameters: " + parameters + "\n";
    }

    private static String claim(String name, String className, String accessMode) {
        return "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: " + name + ", namespace: shop}\n"
                + "spec:\n  accessModes: [" + accessMode + "]\n"
                + (className.isEmpty() ? "" : "  storageClassName: " + className + "\n")
                + "  resources: {requests: {storage: 10Gi}}\n";
    }

    private static String statefulSet(String className) {
        return """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: db, image: postgres:16}]
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec: {accessModes: [ReadWriteOnce], storageClassName: %s}
                """.formatted(className);
    }
}
