package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.List;
import java.util.Optional;

/**
 * EKS add-ons and AWS agents and what AKS uses instead (catalog §7.1, the migration guide's table extended),
 * recognised by EKS add-on name or by the name of the workload that runs them.
 */
final class AddonCatalog {

    /**
     * One component.
     *
     * @param names     EKS add-on names and workload (Deployment/DaemonSet) names
     * @param component what it is
     * @param azure     the AKS equivalent
     * @param severity  how much work the replacement is
     * @param mode      how the catalog handles its objects
     */
    record Addon(List<String> names, String component, String azure, Severity severity, RuleMode mode) {
    }

    private static final List<Addon> ADDONS = List.of(
            new Addon(List.of("vpc-cni", "aws-node"), "Amazon VPC CNI", "Azure CNI Overlay or Azure CNI, chosen at cluster creation", Severity.INFO, RuleMode.EXCLUDE),
            new Addon(List.of("kube-proxy"), "kube-proxy (EKS add-on)", "AKS-managed kube-proxy", Severity.INFO, RuleMode.EXCLUDE),
            new Addon(List.of("coredns"), "CoreDNS (EKS add-on)", "AKS-managed CoreDNS; customisations go into the coredns-custom ConfigMap", Severity.INFO, RuleMode.EXCLUDE),
            new Addon(List.of("aws-ebs-csi-driver", "ebs-csi-controller", "ebs-csi-node"), "Amazon EBS CSI driver", "AKS Azure Disk CSI driver (built in)", Severity.INFO, RuleMode.EXCLUDE),
            new Addon(List.of("aws-efs-csi-driver", "efs-csi-controller", "efs-csi-node"), "Amazon EFS CSI driver", "AKS Azure Files CSI driver (built in)", Severity.INFO, RuleMode.EXCLUDE),
            new Addon(List.of("aws-fsx-csi-driver", "fsx-csi-controller", "fsx-csi-node"), "Amazon FSx CSI driver", "Azure Managed Lustre CSI driver", Severity.MEDIUM, RuleMode.HUMAN),
            new Addon(List.of("aws-mountpoint-s3-csi-driver", "s3-csi-node", "s3-csi-controller"), "Mountpoint for S3 CSI driver", "Azure Blob CSI driver (az aks update --enable-blob-driver)", Severity.MEDIUM, RuleMode.HUMAN),
            new Addon(List.of("snapshot-controller"), "CSI snapshot controller", "AKS snapshot controller (--enable-snapshot-controller)", Severity.INFO, RuleMode.EXCLUDE),
            new Addon(List.of("eks-pod-identity-agent"), "EKS Pod Identity agent", "Microsoft Entra Workload ID (--enable-oidc-issuer --enable-workload-identity)", Severity.MEDIUM, RuleMode.EXCLUDE),
            new Addon(List.of("secrets-store-csi-driver-provider-aws", "csi-secrets-store-provider-aws"), "AWS Secrets Manager provider for the Secrets Store CSI driver", "Azure Key Vault provider add-on (azure-keyvault-secrets-provider)", Severity.MEDIUM, RuleMode.EXCLUDE),
            new Addon(List.of("aws-guardduty-agent"), "Amazon GuardDuty agent", "Microsoft Defender for Containers", Severity.LOW, RuleMode.EXCLUDE),
            new Addon(List.of("aws-load-balancer-controller"), "AWS Load Balancer Controller", "the AKS cloud provider for Services and an ingress option (app routing, AGC or AGIC)", Severity.MEDIUM, RuleMode.EXCLUDE),
            new Addon(List.of("cluster-autoscaler"), "Cluster Autoscaler (AWS)", "the AKS cluster autoscaler per node pool (--enable-cluster-autoscaler)", Severity.LOW, RuleMode.EXCLUDE),
            new Addon(List.of("karpenter"), "Karpenter controller", "AKS node auto-provisioning (NAP, managed Karpenter)", Severity.MEDIUM, RuleMode.EXCLUDE),
            new Addon(List.of("aws-node-termination-handler"), "AWS Node Termination Handler", "AKS node auto-drain (built in)", Severity.INFO, RuleMode.EXCLUDE),
            new Addon(List.of("amazon-cloudwatch-observability", "cloudwatch-agent", "fluent-bit", "aws-for-fluent-bit", "adot"), "CloudWatch / Container Insights / ADOT", "Azure Monitor Container Insights and managed Prometheus", Severity.LOW, RuleMode.EXCLUDE),
            new Addon(List.of("metrics-server"), "metrics-server", "built into AKS", Severity.INFO, RuleMode.EXCLUDE),
            new Addon(List.of("eks-node-monitoring-agent"), "EKS node monitoring agent", "AKS node auto-repair and Container Insights", Severity.INFO, RuleMode.EXCLUDE));

    private AddonCatalog() {
    }

    static Optional<Addon> byName(String name) {
        return name == null ? Optional.empty() : ADDONS.stream().filter(a -> a.names().contains(name)).findFirst();
    }
}
