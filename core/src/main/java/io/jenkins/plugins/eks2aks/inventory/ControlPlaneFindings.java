package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

/** AWS dependencies that only the EKS API shows: node-group AMIs, add-ons, Pod Identity, access entries, Fargate, KMS. */
final class ControlPlaneFindings {

    static final String EKS_API = "eks.amazonaws.com";

    private ControlPlaneFindings() {
    }

    static void add(EksControlPlane cp, Findings findings) {
        ObjectRef cluster = new ObjectRef(EKS_API, "Cluster", null, cp.name());
        for (EksControlPlane.Nodegroup ng : cp.nodegroups()) {
            ObjectRef ref = new ObjectRef(EKS_API, "Nodegroup", null, ng.name());
            if ("CUSTOM".equals(ng.amiType()) || ng.launchTemplate() != null) {
                findings.add("KP2", Severity.HIGH, ref, "amiType", "CUSTOM".equals(ng.amiType()) ? "custom AMI" : "launch template " + ng.launchTemplate(),
                        NodePoolPlanner.CUSTOM_AMI_ADVICE, RuleMode.HUMAN);
            }
            if ("SPOT".equals(ng.capacityType())) {
                findings.add("S2", Severity.MEDIUM, ref, "capacityType", "SPOT", "an AKS Spot node pool (priority and eviction fixed at creation)", RuleMode.AUTO);
            }
        }
        for (EksControlPlane.Addon addon : cp.addons()) {
            ObjectRef ref = new ObjectRef(EKS_API, "Addon", null, addon.name());
            AddonCatalog.byName(addon.name()).ifPresentOrElse(
                    a -> findings.add("A1", a.severity(), ref, "addonName", a.component() + " " + addon.version(), a.azure(), a.mode()),
                    () -> findings.add("A1", Severity.MEDIUM, ref, "addonName", addon.name() + " " + addon.version(),
                            "install the vendor's AKS version (Azure Marketplace or Helm)", RuleMode.HUMAN));
            if (addon.serviceAccountRoleArn() != null) {
                findings.add("W1", Severity.MEDIUM, ref, "serviceAccountRoleArn", addon.serviceAccountRoleArn(),
                        "the AKS add-on's own managed identity", RuleMode.HUMAN);
            }
        }
        for (EksControlPlane.PodIdentity p : cp.podIdentities()) {
            findings.add("W8", Severity.HIGH, new ObjectRef(EKS_API, "PodIdentityAssociation", p.namespace(), p.serviceAccount()),
                    "roleArn", "Pod Identity role " + p.roleArn(),
                    "a federated identity credential (issuer = AKS OIDC issuer, subject system:serviceaccount:" + p.namespace() + ":"
                            + p.serviceAccount() + ", audience api://AzureADTokenExchange) and the SA annotation azure.workload.identity/client-id",
                    RuleMode.HUMAN);
        }
        for (String principal : cp.accessEntries()) {
            findings.add("W10", Severity.MEDIUM, new ObjectRef(EKS_API, "AccessEntry", null, principal), "principalArn", principal,
                    "an Entra ID group or identity with Azure RBAC or a Kubernetes RoleBinding", RuleMode.EXCLUDE);
        }
        for (EksControlPlane.FargateProfile f : cp.fargateProfiles()) {
            findings.add("S4", Severity.HIGH, new ObjectRef(EKS_API, "FargateProfile", null, f.name()), "selectors", String.join("; ", f.selectors()),
                    "a regular node pool (default) or AKS virtual nodes on ACI (no Workload ID there)", RuleMode.HUMAN);
        }
        if (!cp.encryptedResources().isEmpty()) {
            findings.add("SC7", Severity.MEDIUM, cluster, "encryptionConfig", String.join("; ", cp.encryptedResources()),
                    "AKS KMS etcd encryption with an Azure Key Vault key (--enable-azure-keyvault-kms)", RuleMode.HUMAN);
        }
        if (cp.autoMode()) {
            findings.add("KP1", Severity.MEDIUM, cluster, "computeConfig", "EKS Auto Mode", "AKS node auto-provisioning (NAP)", RuleMode.HUMAN);
        }
    }
}
