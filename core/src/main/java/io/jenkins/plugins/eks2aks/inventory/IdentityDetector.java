package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.Set;

/** IRSA and EKS Pod Identity in manifests (catalog §4, W1–W7, W10) → Microsoft Entra Workload ID. */
final class IdentityDetector implements Detector {

    private static final String WORKLOAD_ID = "Microsoft Entra Workload ID: a managed identity with a federated credential "
            + "(issuer = the AKS OIDC issuer, subject system:serviceaccount:<ns>:<sa>), SA annotation azure.workload.identity/client-id";
    private static final Set<String> INJECTED_ENV = Set.of("AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_STS_REGIONAL_ENDPOINTS", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    private static final Set<String> AWS_AUDIENCES = Set.of("sts.amazonaws.com", "pods.eks.amazonaws.com");

    @Override
    public void inspect(ClusterObject o, Findings findings) {
        if ("ServiceAccount".equals(o.kind())) {
            serviceAccount(o, findings);
        }
        if ("ConfigMap".equals(o.kind()) && "aws-auth".equals(o.ref().name()) && "kube-system".equals(o.ref().namespace())) {
            findings.add("W10", Severity.MEDIUM, o.ref(), "data", "aws-auth maps IAM roles and users to Kubernetes groups",
                    "Microsoft Entra ID integration with Azure RBAC or Kubernetes RBAC bindings for Entra groups", RuleMode.EXCLUDE);
        }
        JsonNode skip = o.annotations().get("eks.amazonaws.com/skip-containers");
        if (skip != null) {
            findings.add("W5", Severity.LOW, o.ref(), "metadata.annotations[eks.amazonaws.com/skip-containers]", skip.asText(),
                    "azure.workload.identity/skip-containers (semicolon-separated)", RuleMode.AUTO);
        }
        PodSpecs.podSpecPointer(o.asKubeObject()).ifPresent(spec -> podSpec(o, spec, findings));
    }

    private static void serviceAccount(ClusterObject o, Findings findings) {
        JsonNode annotations = o.annotations();
        JsonNode role = annotations.get("eks.amazonaws.com/role-arn");
        if (role != null) {
            findings.add("W1", Severity.HIGH, o.ref(), "metadata.annotations[eks.amazonaws.com/role-arn]",
                    "IRSA role " + role.asText(), WORKLOAD_ID + "; pods using it need the label azure.workload.identity/use: \"true\"",
                    RuleMode.HUMAN);
        }
        if (annotations.has("eks.amazonaws.com/token-expiration")) {
            findings.add("W3", Severity.LOW, o.ref(), "metadata.annotations[eks.amazonaws.com/token-expiration]",
                    annotations.get("eks.amazonaws.com/token-expiration").asText() + " s",
                    "azure.workload.identity/service-account-token-expiration (3600–86400 s)", RuleMode.AUTO);
        }
        for (String dropped : new String[] {"eks.amazonaws.com/sts-regional-endpoints", "eks.amazonaws.com/audience"}) {
            if (annotations.has(dropped)) {
                findings.add("W4", Severity.LOW, o.ref(), "metadata.annotations[" + dropped + "]", annotations.get(dropped).asText(),
                        "none: the Workload ID audience is fixed (api://AzureADTokenExchange)", RuleMode.DROP);
            }
        }
    }

    private static void podSpec(ClusterObject o, String spec, Findings findings) {
        for (PodSpecs.ContainerAt c : PodSpecs.containers(o.asKubeObject())) {
            for (JsonNode env : c.container().path("env")) {
                String name = env.path("name").asText();
                if (INJECTED_ENV.contains(name)) {
                    findings.add("W6", Severity.LOW, o.ref(), pointer(c.pointer()) + ".env[" + name + "]",
                            name + " injected by the EKS identity webhook",
                            "removed; the Workload ID webhook injects AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE",
                            RuleMode.DROP);
                }
            }
        }
        JsonNode volumes = o.at(spec + "/volumes");
        for (JsonNode volume : volumes) {
            for (JsonNode source : volume.path("projected").path("sources")) {
                String audience = source.path("serviceAccountToken").path("audience").asText("");
                if (AWS_AUDIENCES.contains(audience)) {
                    findings.add("W7", Severity.LOW, o.ref(), pointer(spec) + ".volumes[" + volume.path("name").asText() + "]",
                            "projected token for " + audience, "removed; Workload ID projects its own token", RuleMode.DROP);
                }
            }
        }
    }

    /** {@code /spec/template/spec/containers/0} → {@code spec.template.spec.containers[0]}. */
    static String pointer(String jsonPointer) {
        return jsonPointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }
}
