package io.jenkins.plugins.eks2aks.manifests.rules.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.Upstream;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Storage conversion on manifests from the EKS workshop and the AWS CSI drivers' examples (upstream fixtures). */
class StorageOnUpstreamManifestsTest {

    private static final String WORKSHOP_MYSQL = "eks-workshop-v2/manifests/modules/fundamentals/storage/ebs/statefulset-mysql.yaml";

    private static List<Change> decisions(ConversionResult result) {
        return Conversions.changes(result, "PV1", "PV2", "PV3", "SC1").stream().filter(c -> c.mode() == RuleMode.HUMAN).toList();
    }

    @Test
    void aClaimTemplateNamingAClassNobodyDefinesIsADecisionNamingItsKey() {
        ConversionResult result = Conversions.convert(Upstream.text(WORKSHOP_MYSQL), MigrationMapping.defaults());

        List<Change> decisions = decisions(result);
        assertEquals(1, decisions.size(), decisions.toString());
        assertEquals("/spec/volumeClaimTemplates/0/spec/storageClassName", decisions.get(0).path());
        assertTrue(decisions.get(0).reason().contains("storageClasses.ebs-csi-default-sc"), decisions.get(0).reason());
    }

    @Test
    void onceMappedTheClaimTemplateMovesToTheAksClass() {
        MigrationMapping mapping = MappingFile.parse("eks2aks.yaml", "storageClasses: {ebs-csi-default-sc: managed-csi-premium}");
        ConversionResult result = Conversions.convert(Upstream.text(WORKSHOP_MYSQL), mapping);

        assertEquals(List.of(), decisions(result));
        JsonNode statefulSet = Conversions.output(result).get(0);
        assertEquals("managed-csi-premium", statefulSet.at("/spec/volumeClaimTemplates/0/spec/storageClassName").asText());
    }

    @Test
    void aClassKeptUnderItsOwnNameOrAnAksBuiltInIsNoDecision() {
        for (String yaml : List.of("storageClasses: {ebs-csi-default-sc: ebs-csi-default-sc}")) {
            ConversionResult result = Conversions.convert(Upstream.text(WORKSHOP_MYSQL), MappingFile.parse("eks2aks.yaml", yaml));
            assertEquals(List.of(), decisions(result), yaml);
        }
        ConversionResult builtIn = Conversions.convert(Upstream.text(WORKSHOP_MYSQL).replace("ebs-csi-default-sc", "managed-csi"),
                MigrationMapping.defaults());
        assertEquals(List.of(), decisions(builtIn));
    }

    private static final String EBS_EXAMPLES = "aws-ebs-csi-driver/examples/kubernetes/";

    @Test
    void theEbsDriversPlainExampleClassesGiveWayToTheBuiltInClass() {
        for (String file : List.of("clone/manifests/classes/storageclass.yaml", "dynamic-provisioning/manifests/storageclass.yaml")) {
            ConversionResult result = Conversions.convert(Upstream.text(EBS_EXAMPLES + file)
                    + "\n---\n" + Upstream.text(EBS_EXAMPLES + "dynamic-provisioning/manifests/claim.yaml"), MigrationMapping.defaults());
            assertTrue(Conversions.output(result).stream().noneMatch(o -> o.path("kind").asText().equals("StorageClass")), file);
            assertEquals("managed-csi-premium", Conversions.output(result).get(0).at("/spec/storageClassName").asText(), file);
        }
    }

    /** A gp3 class written the way the EBS driver documents its parameters (parameters.md). */
    private static final String GP3_KEPT = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: ebs-retain
              annotations: {storageclass.kubernetes.io/is-default-class: "true"}
            provisioner: ebs.csi.aws.com
            reclaimPolicy: Retain
            volumeBindingMode: WaitForFirstConsumer
            parameters:
              type: gp3
              csi.storage.k8s.io/fstype: xfs
              encrypted: "true"
              kmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
              tagSpecification_1: "team=shop"
              blockExpress: "true"
              outpostArn: arn:aws:outposts:us-east-1:123456789012:outpost/op-0123
            """;

    @Test
    void aGp3ClassTheBuiltInWouldNotKeepIsConvertedInPlaceKeepingReclaimPolicyDefaultAndFileSystem() {
        String kms = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        ConversionResult pending = Conversions.convert(GP3_KEPT, MigrationMapping.defaults());
        assertTrue(Conversions.changes(pending, "SC7").stream().anyMatch(c -> c.mode() == RuleMode.HUMAN
                && c.reason().contains("diskEncryptionSets.\"" + kms + "\"")));

        MigrationMapping decided = MappingFile.parse("eks2aks.yaml", "diskEncryptionSets: {\"" + kms + "\": "
                + "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/shop}");
        JsonNode sc = Conversions.output(Conversions.convert(GP3_KEPT, decided)).get(0);
        assertEquals("disk.csi.azure.com", sc.path("provisioner").asText());
        assertEquals("Retain", sc.path("reclaimPolicy").asText());
        assertEquals("true", sc.at("/metadata/annotations").path("storageclass.kubernetes.io/is-default-class").asText());
        assertEquals("xfs", sc.at("/parameters/fsType").asText());
        assertEquals("team=shop", sc.at("/parameters/tags").asText());
        assertTrue(sc.at("/parameters/diskEncryptionSetID").asText().endsWith("/shop"));
        List<String> keys = new java.util.ArrayList<>();
        sc.path("parameters").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("skuName", "fsType", "tags", "diskEncryptionSetID"), keys.stream().sorted(
                java.util.Comparator.comparing(List.of("skuName", "fsType", "tags", "diskEncryptionSetID")::indexOf)).toList(),
                "only Azure Disk parameters remain: " + sc.path("parameters"));
    }

    @Test
    void aClassNameDefinedByEveryExampleIsAConflictReportedAndEachClaimFollowsItsOwnExample() {
        // The EBS driver's examples each define their own ebs-sc: four different definitions in six files.
        ConversionResult result = Conversions.convert(Upstream.path("aws-ebs-csi-driver/examples"), MigrationMapping.defaults());

        java.util.Map<String, String> claimClass = new java.util.TreeMap<>();
        for (io.jenkins.plugins.eks2aks.manifests.ConvertedDocument d : result.documents()) {
            JsonNode node = d.converted() != null ? d.converted() : d.original().content();
            if (node.path("kind").asText().equals("PersistentVolumeClaim")) {
                claimClass.put(d.original().file(), node.at("/spec/storageClassName").asText());
            }
        }
        assertEquals("managed-csi-premium", claimClass.get("kubernetes/dynamic-provisioning/manifests/claim.yaml"));
        assertEquals("managed-csi-premium", claimClass.get("kubernetes/clone/manifests/app/claim.yaml"));
        assertEquals("ebs-sc", claimClass.get("kubernetes/storageclass/manifests/claim.yaml"), "io1 is a decision");

        Change dynamic = result.changes().stream().filter(c -> c.document().file().equals("kubernetes/dynamic-provisioning/manifests/claim.yaml")
                && c.change().ruleId().startsWith("PV")).findFirst().orElseThrow().change();
        assertTrue(dynamic.reason().contains("defined 4 ways") && dynamic.reason().contains("kubernetes/dynamic-provisioning/manifests/storageclass.yaml"),
                dynamic.reason());
        // The io1 example's class is not deleted while its claim still names it.
        assertTrue(result.documents().stream().anyMatch(d -> d.original().file().equals("kubernetes/storageclass/manifests/storageclass.yaml")
                && !d.excluded()));
    }

    @Test
    void theEbsDriversVolumeAttributesClassMovesToTheAzureDiskDriver() {
        String vac = Upstream.text(EBS_EXAMPLES + "modify-volume/manifests/volumeattributesclass.yaml");
        ConversionResult result = Conversions.convert(vac, MigrationMapping.defaults());

        JsonNode converted = Conversions.output(result).get(0);
        assertEquals("disk.csi.azure.com", converted.path("driverName").asText());
        assertEquals("{\"DiskIOPSReadWrite\":\"3000\"}", converted.path("parameters").toString());
        assertTrue(Upstream.text(EBS_EXAMPLES + "modify-volume/manifests/volumeattributesclass.yaml").contains("Licensed under the Apache License"));

        ConversionResult old = Conversions.convert(vac, MigrationMapping.defaults().withTargetAksVersion("1.33"));
        assertTrue(Conversions.changes(old, "SC15").stream().allMatch(c -> c.mode() == RuleMode.HUMAN));
    }

    @Test
    void anEfsClassBecomesAnAzureFilesNfsClassByDefaultAndSmbOnlyWhenAsked() {
        java.nio.file.Path example = Upstream.path("aws-efs-csi-driver/examples/kubernetes/efs/dynamic_provisioning/specs");
        List<JsonNode> out = Conversions.output(Conversions.convert(example, MigrationMapping.defaults()));
        JsonNode sc = out.stream().filter(o -> o.path("kind").asText().equals("StorageClass")).findFirst().orElseThrow();
        assertEquals("file.csi.azure.com", sc.path("provisioner").asText());
        assertEquals("{\"skuName\":\"Premium_LRS\",\"protocol\":\"nfs\"}", sc.path("parameters").toString());
        assertTrue(out.stream().anyMatch(o -> o.path("kind").asText().equals("PersistentVolumeClaim")
                && o.at("/spec/storageClassName").asText().equals("efs-sc")));

        List<JsonNode> smb = Conversions.output(Conversions.convert(example, MappingFile.parse("eks2aks.yaml", "efsProtocol: smb")));
        assertTrue(smb.stream().noneMatch(o -> o.path("kind").asText().equals("StorageClass")));
        assertTrue(smb.stream().anyMatch(o -> o.at("/spec/storageClassName").asText().equals("azurefile-csi-premium")));
    }
}
