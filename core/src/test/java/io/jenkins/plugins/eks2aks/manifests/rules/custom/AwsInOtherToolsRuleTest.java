package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS services other tools depend on are decisions naming the Azure equivalent, and the objects are kept. */
class AwsInOtherToolsRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            KEDA SQS trigger            | 'apiVersion: keda.sh/v1alpha1\\nkind: ScaledObject\\nmetadata: {name: w, namespace: shop}\\nspec: {scaleTargetRef: {name: w}, triggers: [{type: cpu}, {type: aws-sqs-queue, metadata: {queueURL: q}}]}' | /spec/triggers/1/type | azure-servicebus
            KEDA AWS pod identity       | 'apiVersion: keda.sh/v1alpha1\\nkind: TriggerAuthentication\\nmetadata: {name: a, namespace: shop}\\nspec: {podIdentity: {provider: aws}}' | /spec/podIdentity/provider | azure-workload
            cert-manager Route 53       | 'apiVersion: cert-manager.io/v1\\nkind: ClusterIssuer\\nmetadata: {name: le}\\nspec: {acme: {server: s, solvers: [{dns01: {route53: {region: us-east-1}}}]}}' | /spec/acme/solvers/0/dns01/route53 | dns01.azureDNS
            SOPS with AWS KMS           | 'apiVersion: v1\\nkind: Secret\\nmetadata: {name: db, namespace: shop}\\ndata: {password: "ENC[AES256_GCM]"}\\nsops: {kms: [{arn: "arn:aws:kms:us-east-1:123456789012:key/k"}]}' | /sops/kms | sops --azure-kv
            Prometheus remote write AMP | 'apiVersion: monitoring.coreos.com/v1\\nkind: Prometheus\\nmetadata: {name: p, namespace: mon}\\nspec: {remoteWrite: [{url: "https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write", sigv4: {region: us-east-1}}]}' | /spec/remoteWrite/0 | Azure Monitor workspace
            Argo Events SQS             | 'apiVersion: argoproj.io/v1alpha1\\nkind: EventSource\\nmetadata: {name: e, namespace: events}\\nspec: {sqs: {orders: {queue: orders, region: us-east-1}}}' | /spec/sqs | azureServiceBus
            """)
    void anAwsDependencyOfAnotherToolIsADecisionNamingItsAzureEquivalent(String title, String yaml, String path, String azure) {
        ConversionResult result = Conversions.convert(yaml.replace("\\n", "\n"), MigrationMapping.defaults());
        List<Change> changes = Conversions.changes(result, AwsInOtherToolsRule.ID);
        assertEquals(List.of(path), changes.stream().map(Change::path).toList());
        assertEquals(RuleMode.HUMAN, changes.get(0).mode());
        assertTrue(changes.get(0).reason().contains(azure), changes.get(0).reason());
        assertEquals(1, Conversions.output(result).size(), "the object itself is kept");
    }
}
