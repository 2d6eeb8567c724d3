package io.jenkins.plugins.eks2aks.mapping;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mapping-file keys the storage, secrets and Karpenter rules resolve their decisions with. */
class MappingFileStorageSecretsKarpenterKeysTest {

    private static final String DES = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des";
    private static final String DISK = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/db";

    @Test
    void theDecisionKeysAreReadIntoTheMapping() {
        MigrationMapping m = MappingFile.parse("eks2aks.yaml", """
                diskEncryptionSets:
                  "arn:aws:kms:us-east-1:123456789012:key/1234abcd": %s
                volumeHandles:
                  vol-0c4f7a2e91b3d8f56: %s
                  "fs-0a1b::fsap-0d3b": "rg#shopfiles#media"
                keyVault:
                  name: shop-kv
                  clientId: aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee
                  objectNames:
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/shop/db-AbCdEf": prod-shop-db
                    "prod/shop/db#username": prod-shop-db-username
                karpenter: {imageFamily: AzureLinux}
                """.formatted(DES, DISK));
        assertEquals(Map.of("arn:aws:kms:us-east-1:123456789012:key/1234abcd", DES), m.diskEncryptionSets());
        assertEquals(DISK, m.volumeHandles().get("vol-0c4f7a2e91b3d8f56"));
        assertEquals("rg#shopfiles#media", m.volumeHandles().get("fs-0a1b::fsap-0d3b"));
        assertEquals("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", m.keyVault().clientId());
        assertEquals("prod-shop-db-username", m.keyVault().objectNames().get("prod/shop/db#username"));
        assertEquals("https://shop-kv.vault.azure.net", m.keyVault().uri());
        assertEquals("AzureLinux", m.nodeClassImageFamily());
    }

    @Test
    void withoutThemNothingIsDecided() {
        MigrationMapping m = MappingFile.parse("eks2aks.yaml", "keyVault: {name: shop-kv}\n");
        assertEquals(Map.of(), m.diskEncryptionSets());
        assertEquals(Map.of(), m.volumeHandles());
        assertEquals(Map.of(), m.keyVault().objectNames());
        assertNull(m.keyVault().clientId());
        assertNull(m.nodeClassImageFamily());
        assertNull(MigrationMapping.defaults().nodeClassImageFamily());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a disk encryption set keyed by something other than a KMS key | 'diskEncryptionSets: {mykey: /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/d}' | key 'diskEncryptionSets'
            a disk encryption set that is not a resource id                | 'diskEncryptionSets: {"arn:aws:kms:us-east-1:123456789012:key/k": des}' | key 'diskEncryptionSets.arn:aws:kms:us-east-1:123456789012:key/k'
            a volume handle for something that is no EBS or EFS volume or S3 bucket | 'volumeHandles: {Pvc_1: "rg#a#b"}' | key 'volumeHandles'
            an Azure volume that is neither a disk nor a share             | 'volumeHandles: {vol-0abc: somewhere}' | key 'volumeHandles.vol-0abc'
            a Key Vault name Key Vault does not allow                      | 'keyVault: {name: shop-kv, objectNames: {a/b: a/b}}' | key 'keyVault.objectNames.a/b'
            an image family NAP does not have                              | 'karpenter: {imageFamily: Bottlerocket}' | key 'karpenter.imageFamily'
            """)
    void invalidValuesAreRejectedNamingTheKey(String title, String yaml, String expected) {
        MigrationException e = assertThrows(MigrationException.class, () -> MappingFile.parse("eks2aks.yaml", yaml));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
