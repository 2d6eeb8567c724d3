package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;

import java.util.List;
import java.util.Set;

/**
 * N19: the AWS Load Balancer Controller's Gateway API support ({@code gateway.k8s.aws/alb} and {@code /nlb}).
 * Its GatewayClasses and configuration objects are AWS-only and left out; a Gateway of such a class is always a
 * decision, never passed on: nothing on AKS serves that class, and Application Gateway for Containers (the AKS
 * Gateway API implementation) needs its own class and frontend. The scheme is resolved as the controller does
 * (the Gateway's LoadBalancerConfiguration, default internal) so the decision says whether it must stay private.
 */
public final class AwsGatewayRule implements ConversionRule {

    public static final String ID = "N19";
    private static final Set<String> CONTROLLERS = Set.of("gateway.k8s.aws/alb", "gateway.k8s.aws/nlb");
    private static final Set<String> AWS_CONFIGURATION = Set.of("LoadBalancerConfiguration", "TargetGroupConfiguration",
            "ListenerRuleConfiguration");

    private final InputIndex index;

    public AwsGatewayRule(InputIndex index) {
        this.index = index;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        String group = object.ref().apiVersion().split("/")[0];
        return switch (object.kind()) {
            case "GatewayClass" -> CONTROLLERS.contains(object.at("/spec/controllerName").asText());
            case "Gateway" -> group.equals("gateway.networking.k8s.io") && index.gatewayClassController(
                    object.at("/spec/gatewayClassName").asText()).map(CONTROLLERS::contains).orElse(false);
            default -> group.equals("gateway.k8s.aws") && AWS_CONFIGURATION.contains(object.kind());
        };
    }

    @Override
    public List<Change> apply(KubeObject object) {
        Changes c = Changes.of(object, ID);
        if (object.kind().equals("GatewayClass")) {
            return List.of(c.exclude("GatewayClass of the AWS Load Balancer Controller (" + object.at("/spec/controllerName").asText()
                    + "): on AKS, Application Gateway for Containers brings its own GatewayClass, azure-alb-external (catalog N19, S14)"));
        }
        if (!object.kind().equals("Gateway")) {
            return List.of(c.exclude(object.kind() + " configures the AWS load balancer behind a Gateway only; Application "
                    + "Gateway for Containers is configured through its ApplicationLoadBalancer and policies (catalog N19, S14)"));
        }
        String controller = index.gatewayClassController(object.at("/spec/gatewayClassName").asText()).orElseThrow();
        String scheme = scheme(object);
        boolean nlb = controller.endsWith("/nlb");
        String what = nlb ? "an NLB Gateway (layer 4): on AKS, LoadBalancer Services"
                + (scheme.startsWith("internal") ? " with service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"" : "")
                + " or Application Gateway for Containers"
                : "an ALB Gateway: on AKS, Application Gateway for Containers (gatewayClassName azure-alb-external with the "
                + "alb.networking.azure.io/alb-name and alb-namespace annotations, or alb-id for a bring-your-own deployment)";
        String privacy = scheme.startsWith("internal")
                ? "; it is internal on EKS (" + scheme + ") and must stay private: Application Gateway for Containers' private "
                        + "frontend is not verified by this tool"
                : "; it is internet-facing on EKS (" + scheme + ")";
        return List.of(c.decision("/spec/gatewayClassName", "Gateway of class " + object.at("/spec/gatewayClassName").asText()
                + " is " + what + privacy + ". Its HTTPRoutes and GRPCRoutes carry over once it has an AKS class; move it by "
                + "hand (catalog N19, S14)"));
    }

    /** The controller's scheme for this Gateway: its LoadBalancerConfiguration's, else internal. */
    private String scheme(KubeObject gateway) {
        JsonNode ref = gateway.at("/spec/infrastructure/parametersRef");
        if (!"LoadBalancerConfiguration".equals(ref.path("kind").asText())) {
            return "internal, the controller's default";
        }
        return index.gatewayLoadBalancerScheme(gateway.ref().namespace(), ref.path("name").asText())
                .map(s -> s.isEmpty() ? "internal, the controller's default" : s.equals("internet-facing") ? s : "internal")
                .orElse("internal unless LoadBalancerConfiguration " + ref.path("name").asText() + ", which is not in the input, says otherwise");
    }
}
