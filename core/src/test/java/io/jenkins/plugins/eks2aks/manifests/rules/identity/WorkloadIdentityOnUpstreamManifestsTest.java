package io.jenkins.plugins.eks2aks.manifests.rules.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.Upstream;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workload ID on eks-workshop's carts: namespace from the kustomization, role from an envsubst placeholder. */
class WorkloadIdentityOnUpstreamManifestsTest {

    private static final Path WORKSHOP = Upstream.path("eks-workshop-v2/manifests");

    private static JsonNode carts(ConversionResult result) {
        return Conversions.output(result).stream().filter(o -> o.path("kind").asText().equals("Deployment")
                && o.at("/metadata/name").asText().equals("carts")).findFirst().orElseThrow();
    }

    @Test
    void theKustomizationsNamespaceLetsTheDeploymentMeetItsIrsaServiceAccount() {
        ConversionResult result = Conversions.convert(WORKSHOP, MigrationMapping.defaults());

        JsonNode labels = carts(result).at("/spec/template/metadata/labels");
        assertEquals("true", labels.path("azure.workload.identity/use").asText(), labels.toString());
    }

    @Test
    void theDecisionKeyOfAPlaceholderRoleIsAcceptedByTheMappingFile() {
        ConversionResult pending = Conversions.convert(WORKSHOP, MigrationMapping.defaults());
        Change decision = Conversions.changes(pending, "W1").stream().filter(c -> c.mode() == RuleMode.HUMAN).findFirst().orElseThrow();
        assertTrue(decision.reason().contains("identities.\"${CARTS_IAM_ROLE}\""), decision.reason());

        MigrationMapping decided = MappingFile.parse("eks2aks.yaml",
                "identities: {\"${CARTS_IAM_ROLE}\": {clientId: 3f6c2b1e-8d4a-4c2f-9b7e-1a2b3c4d5e6f}}");
        ConversionResult done = Conversions.convert(WORKSHOP, decided);
        assertTrue(Conversions.changes(done, "W1").stream().noneMatch(c -> c.mode() == RuleMode.HUMAN), done.changes().toString());
    }
}
