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
}
