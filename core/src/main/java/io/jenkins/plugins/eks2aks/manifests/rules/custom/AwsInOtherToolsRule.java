package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CR2: AWS services that other tools' objects depend on, each a decision naming its Azure equivalent: KEDA
 * triggers and authentication on AWS (CloudWatch, SQS, Kinesis, DynamoDB; the {@code aws} pod identity), cert-manager
 * ACME solvers on Route 53, SOPS-encrypted documents whose key is in AWS KMS, Prometheus remote write to Amazon
 * Managed Prometheus, and Argo Events sources on SQS or SNS. The objects themselves are kept: only their AWS part
 * has to be replaced.
 */
public final class AwsInOtherToolsRule implements ConversionRule {

    public static final String ID = "CR2";
    private static final Map<String, String> KEDA = Map.of(
            "aws-cloudwatch", "the azure-monitor scaler (Azure Monitor metrics)",
            "aws-sqs-queue", "the azure-servicebus scaler (a Service Bus queue) or azure-queue (Storage queues)",
            "aws-kinesis-stream", "the azure-eventhub scaler (Event Hubs)",
            "aws-dynamodb", "the azure-cosmosdb scaler, or a metrics-api/external scaler",
            "aws-dynamodb-streams", "the azure-eventhub scaler fed by the Cosmos DB change feed");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return group(object).equals("keda.sh") || group(object).equals("cert-manager.io") || group(object).equals("argoproj.io")
                || group(object).equals("monitoring.coreos.com") || object.object().path("sops").path("kms").size() > 0;
    }

    @Override
    public List<Change> apply(KubeObject object) {
        Changes c = Changes.of(object, ID);
        List<Change> out = new ArrayList<>();
        JsonNode triggers = object.at("/spec/triggers");
        for (int i = 0; i < triggers.size(); i++) {
            String type = triggers.get(i).path("type").asText();
            if (KEDA.containsKey(type) && group(object).equals("keda.sh")) {
                out.add(c.decision("/spec/triggers/" + i + "/type", "KEDA trigger " + type + " reads AWS: on Azure use "
                        + KEDA.get(type) + ", with a TriggerAuthentication on azure-workload identity (catalog CR2)"));
            }
        }
        String provider = object.at("/spec/podIdentity/provider").asText("");
        if (group(object).equals("keda.sh") && (provider.equals("aws") || provider.equals("aws-eks") || provider.equals("aws-kiam"))) {
            out.add(c.decision("/spec/podIdentity/provider", "KEDA authenticates to AWS with pod identity " + provider
                    + ": use provider azure-workload with the Workload ID identity of the scaled workload (catalog CR2, W1)"));
        }
        JsonNode solvers = object.at("/spec/acme/solvers");
        for (int i = 0; i < solvers.size(); i++) {
            if (solvers.get(i).path("dns01").has("route53")) {
                out.add(c.decision("/spec/acme/solvers/" + i + "/dns01/route53", "cert-manager solves ACME DNS-01 challenges "
                        + "in Route 53: use dns01.azureDNS (subscriptionID, resourceGroupName, hostedZoneName) with a "
                        + "managed identity that is DNS Zone Contributor on the Azure DNS zone (catalog CR2)"));
            }
        }
        JsonNode kms = object.object().path("sops").path("kms");
        if (kms.size() > 0) {
            out.add(c.decision("/sops/kms", "this document is encrypted by SOPS with the AWS KMS key "
                    + kms.get(0).path("arn").asText("?") + ": AKS cannot decrypt it with AWS KMS; re-encrypt it with an "
                    + "Azure Key Vault key (sops --azure-kv) and let the decrypting controller use Workload ID (catalog CR2)"));
        }
        JsonNode remoteWrite = object.at("/spec/remoteWrite");
        for (int i = 0; i < remoteWrite.size(); i++) {
            JsonNode target = remoteWrite.get(i);
            if (target.has("sigv4") || target.path("url").asText().contains("aps-workspaces")) {
                out.add(c.decision("/spec/remoteWrite/" + i, "remote write to Amazon Managed Service for Prometheus ("
                        + target.path("url").asText("sigv4") + "): send to an Azure Monitor workspace instead (Azure Monitor "
                        + "managed service for Prometheus: its metrics ingestion endpoint with a managed identity) (catalog CR2)"));
            }
        }
        for (String source : List.of("sqs", "sns")) {
            if (group(object).equals("argoproj.io") && "EventSource".equals(object.kind()) && object.at("/spec/" + source).size() > 0) {
                out.add(c.decision("/spec/" + source, "Argo Events " + source.toUpperCase(java.util.Locale.ROOT)
                        + " event source: use an azureServiceBus (or azureEventsHub) event source, authenticated with "
                        + "Workload ID (catalog CR2)"));
            }
        }
        return out;
    }

    private static String group(KubeObject object) {
        String apiVersion = object.ref().apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
