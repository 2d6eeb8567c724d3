package io.jenkins.plugins.eks2aks.manifests.rules.system;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ClusterScoped;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * EX*: AWS system objects and agents are not migrated (catalog §7.2). Each is listed in the report as
 * excluded with the Azure equivalent to enable. The AWS-owned namespaces are left out as a whole unless the
 * mapping file includes them explicitly ({@code namespaces.include}) after review.
 */
public final class AwsSystemObjectsRule implements ConversionRule {

    public static final String ID = "EX";

    private static final String KS = "kube-system";
    private static final List<String> WORKLOADS = List.of("DaemonSet", "Deployment", "StatefulSet", "ServiceAccount",
            "ConfigMap", "Service", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "PodDisruptionBudget");

    static final List<SystemComponent> COMPONENTS = List.of(
            SystemComponent.of("EX1", "Amazon VPC CNI", "Azure CNI Overlay or Azure CNI, chosen when the cluster is created",
                    WORKLOADS, List.of(KS), "aws-node|amazon-vpc-cni|aws-network-policy-agent"),
            SystemComponent.of("EX2", "The EKS kube-proxy and CoreDNS add-ons",
                    "AKS manages kube-proxy and CoreDNS; port CoreDNS customisations to the coredns-custom ConfigMap",
                    WORKLOADS, List.of(KS), "kube-proxy(-config)?|coredns"),
            SystemComponent.of("EX3", "The EBS/EFS/FSx/S3 CSI drivers",
                    "the AKS CSI drivers (Azure Disk and Azure Files on by default; Blob and the snapshot controller opt-in)",
                    WORKLOADS, List.of(KS), "(ebs|efs|fsx)-csi-(controller|node|node-sa|controller-sa)(-.*)?|s3-csi-.*|snapshot-controller|ebs-csi-.*|efs-csi-.*"),
            SystemComponent.of("EX4", "The EKS Pod Identity agent", "Microsoft Entra Workload ID (--enable-oidc-issuer --enable-workload-identity)",
                    WORKLOADS, List.of(KS), "eks-pod-identity-agent.*|pod-identity-webhook.*"),
            SystemComponent.of("EX5", "The AWS Load Balancer Controller",
                    "the AKS cloud provider for Services and an ingress option (app routing, AGIC or AGC)",
                    WORKLOADS, List.of(KS), "aws-load-balancer-(controller|webhook).*"),
            SystemComponent.of("EX6", "The AWS Secrets Manager CSI provider", "the azure-keyvault-secrets-provider add-on",
                    WORKLOADS, List.of(KS), "secrets-store-csi-driver-provider-aws.*|csi-secrets-store-provider-aws.*"),
            SystemComponent.of("EX7", "The Amazon GuardDuty agent", "Microsoft Defender for Containers",
                    List.of(), List.of("amazon-guardduty"), ".*"),
            SystemComponent.of("EX8", "CloudWatch Container Insights, Fluent Bit for AWS and ADOT",
                    "Azure Monitor Container Insights and managed Prometheus (az aks enable-addons -a monitoring; --enable-azure-monitor-metrics)",
                    List.of(), List.of("amazon-cloudwatch", "aws-observability", "opentelemetry-operator-system"), ".*"),
            SystemComponent.of("EX9", "The AWS cluster-autoscaler", "the AKS cluster autoscaler per node pool (--enable-cluster-autoscaler --min-count --max-count) or node auto-provisioning",
                    WORKLOADS, List.of(KS), "cluster-autoscaler.*"),
            SystemComponent.of("EX10", "The Karpenter controller", "AKS node auto-provisioning (--node-provisioning-mode Auto)",
                    List.of(), List.of("karpenter"), ".*"),
            SystemComponent.of("EX11", "The AWS Node Termination Handler", "AKS node auto-drain handles scheduled events and spot evictions",
                    WORKLOADS, List.of(KS), "aws-node-termination-handler.*"),
            SystemComponent.of("EX12", "metrics-server", "metrics-server is built in",
                    WORKLOADS, List.of(KS), "metrics-server.*"),
            SystemComponent.of("EX13", "The aws-auth ConfigMap (IAM to Kubernetes RBAC)",
                    "Microsoft Entra ID integration with Azure RBAC or Kubernetes RBAC bindings (decide the mapping of IAM principals)",
                    List.of("ConfigMap"), List.of(KS), "aws-auth"),
            SystemComponent.of("EX14", "The EKS node monitoring agent", "AKS node auto-repair and Container Insights",
                    WORKLOADS, List.of(), "eks-node-monitoring-agent.*"));

    /** Kinds of AWS-only APIs; objects of these groups have no meaning on AKS. */
    private static final Set<String> AWS_GROUP_SUFFIXES = Set.of(".k8s.aws", ".amazonaws.com");
    private static final Set<String> AWS_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease",
            "amazon-cloudwatch", "amazon-guardduty", "aws-observability", "karpenter", "opentelemetry-operator-system");

    private final MigrationMapping mapping;

    public AwsSystemObjectsRule(MigrationMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return true;
    }

    @Override
    public List<Change> apply(KubeObject object) {
        return reason(object).map(r -> List.of(Changes.of(object, r[0]).exclude(r[1]))).orElse(List.of());
    }

    private Optional<String[]> reason(KubeObject object) {
        for (SystemComponent component : COMPONENTS) {
            if (component.matches(object)) {
                return Optional.of(new String[] {component.id(), component.reason()});
            }
        }
        Optional<String[]> addon = AddonReleases.of(object);
        if (addon.isPresent()) {
            return addon;
        }
        String group = group(object.ref().apiVersion());
        // Karpenter's AWS node classes are converted by KP2/KP3 into AKSNodeClasses, not left behind.
        // So is EKS Auto Mode's NodeClass, which its NodePools name like an EC2NodeClass.
        if (AWS_GROUP_SUFFIXES.stream().anyMatch(group::endsWith) && !group.equals("karpenter.k8s.aws")
                && !(group.equals("eks.amazonaws.com") && "NodeClass".equals(object.kind()))) {
            return Optional.of(new String[] {"EX15", object.kind() + " (" + group + ") is an AWS-only API: re-create its "
                    + "intent with Azure resources (e.g. NetworkPolicy for SecurityGroupPolicy, an Azure load balancer "
                    + "backend pool for TargetGroupBinding, Azure CNI for ENIConfig) (catalog §7.2, X1, X2, X4)"});
        }
        if (isAwsCrd(object)) {
            return Optional.of(new String[] {"EX15", "CustomResourceDefinition of an AWS-only API group: not needed on AKS (catalog §7.2)"});
        }
        if ("IngressClass".equals(object.kind()) && object.at("/spec/controller").asText("").matches("ingress\\.k8s\\.aws/alb|eks\\.amazonaws\\.com/alb")) {
            return Optional.of(new String[] {"N17", "IngressClass of the AWS Load Balancer Controller: the AKS ingress add-on "
                    + "creates its own class (catalog N17, S10)"});
        }
        if ("CSIDriver".equals(object.kind()) && object.ref().name() != null && object.ref().name().matches(".*\\.csi\\.aws\\.com|.*\\.csi\\.eks\\.amazonaws\\.com")) {
            return Optional.of(new String[] {"EX3", "CSIDriver " + object.ref().name() + " is an AWS storage driver: AKS has "
                    + "disk.csi.azure.com and file.csi.azure.com built in (catalog §7.1)"});
        }
        if (isEksManaged(object)) {
            return Optional.of(new String[] {"EX16", "managed by EKS (eks:* RBAC, system-* priority classes, EKS-labelled "
                    + "objects): AKS manages its own equivalents (catalog §7.2)"});
        }
        String namespace = ClusterScoped.namespaceOf(object);
        if (namespace != null && AWS_NAMESPACES.contains(namespace) && !mapping.includeNamespaces().contains(namespace)) {
            return Optional.of(new String[] {"EX17", "namespace " + namespace + " holds cluster and AWS system objects that "
                    + "AKS provides itself; review it and list it under namespaces.include to migrate parts of it (catalog §7.2)"});
        }
        return Optional.empty();
    }

    private static boolean isAwsCrd(KubeObject object) {
        return "CustomResourceDefinition".equals(object.kind())
                && AWS_GROUP_SUFFIXES.stream().anyMatch(s -> object.at("/spec/group").asText("").endsWith(s));
    }

    private static boolean isEksManaged(KubeObject object) {
        String name = object.ref().name() == null ? "" : object.ref().name();
        if (object.kind().startsWith("ClusterRole") || object.kind().startsWith("Role")) {
            if (name.startsWith("eks:") || name.startsWith("system:")) {
                return true;
            }
        }
        if ("PriorityClass".equals(object.kind()) && name.startsWith("system-")) {
            return true;
        }
        if (("FlowSchema".equals(object.kind()) || "PriorityLevelConfiguration".equals(object.kind()))
                && object.at("/metadata/annotations").has("apf.kubernetes.io/autoupdate-spec")) {
            return true;
        }
        if ("APIService".equals(object.kind()) && "true".equals(object.at("/metadata/labels").path("kube-aggregator.kubernetes.io/automanaged").asText())) {
            return true;
        }
        return object.at("/metadata/labels").has("eks.amazonaws.com/component")
                || "eks".equals(object.at("/metadata/labels").path("app.kubernetes.io/managed-by").asText());
    }

    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
