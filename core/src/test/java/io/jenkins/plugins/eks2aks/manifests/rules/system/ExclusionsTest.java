package io.jenkins.plugins.eks2aks.manifests.rules.system;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExclusionsTest {

    @ParameterizedTest(name = "{0} {1}/{2} is excluded as {3}: on AKS ''{4}''")
    @CsvSource(delimiter = '|', textBlock = """
            DaemonSet          | kube-system   | aws-node                     | EX1  | Azure CNI
            DaemonSet          | kube-system   | kube-proxy                   | EX2  | AKS manages kube-proxy
            Deployment         | kube-system   | coredns                      | EX2  | coredns-custom
            Deployment         | kube-system   | ebs-csi-controller           | EX3  | AKS CSI drivers
            DaemonSet          | kube-system   | efs-csi-node                 | EX3  | AKS CSI drivers
            DaemonSet          | kube-system   | eks-pod-identity-agent       | EX4  | Workload ID
            Deployment         | kube-system   | aws-load-balancer-controller | EX5  | ingress option
            DaemonSet          | kube-system   | secrets-store-csi-driver-provider-aws | EX6 | azure-keyvault-secrets-provider
            DaemonSet          | amazon-guardduty | aws-guardduty-agent       | EX7  | Defender for Containers
            DaemonSet          | amazon-cloudwatch | fluent-bit              | EX8  | Container Insights
            Deployment         | kube-system   | cluster-autoscaler           | EX9  | cluster autoscaler
            Deployment         | karpenter     | karpenter                    | EX10 | node auto-provisioning
            DaemonSet          | kube-system   | aws-node-termination-handler | EX11 | auto-drain
            Deployment         | kube-system   | metrics-server               | EX12 | built in
            ConfigMap          | kube-system   | aws-auth                     | EX13 | Entra ID
            ConfigMap          | kube-system   | my-own-settings              | EX17 | namespaces.include
            """)
    void awsSystemComponentsAreExcludedWithTheirAzureEquivalent(String kind, String namespace, String name, String rule, String azure) {
        String yaml = "apiVersion: v1\nkind: " + kind + "\nmetadata: {name: " + name + ", namespace: " + namespace + "}\n";
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults());

        assertEquals(List.of(), Conversions.output(result));
        Change exclusion = result.changes().get(0).change();
        assertEquals(rule, exclusion.ruleId());
        assertEquals(RuleMode.EXCLUDE, exclusion.mode());
        assertTrue(exclusion.reason().contains(azure), exclusion.reason());
    }

    @ParameterizedTest(name = "{0} {1} is excluded as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            vpcresources.k8s.aws/v1beta1 | SecurityGroupPolicy | EX15
            elbv2.k8s.aws/v1beta1        | TargetGroupBinding  | EX15
            crd.k8s.amazonaws.com/v1alpha1 | ENIConfig         | EX15
            rbac.authorization.k8s.io/v1 | ClusterRole         | EX16
            """)
    void awsOnlyApisAndEksManagedObjectsAreExcluded(String apiVersion, String kind, String rule) {
        String name = kind.equals("ClusterRole") ? "eks:node-manager" : "x";
        ConversionResult result = Conversions.convert("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: \"" + name + "\", namespace: shop}\n",
                MigrationMapping.defaults());
        assertEquals(rule, result.changes().get(0).change().ruleId());
        assertEquals(List.of(), Conversions.output(result));
    }

    @Test
    void aReviewedSystemNamespaceCanBeIncluded() {
        MigrationMapping mapping = MappingFile.parse("m.yaml", "namespaces: {include: [kube-system, shop]}\n");
        ConversionResult result = Conversions.convert("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: my-own-settings, namespace: kube-system}\n", mapping);
        assertEquals(1, Conversions.output(result).size());
    }

    @Test
    void namespacesLeftOutByTheMappingFileAreExcluded() {
        MigrationMapping mapping = MappingFile.parse("m.yaml", "namespaces: {exclude: [legacy]}\n");
        ConversionResult result = Conversions.convert("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: legacy}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: legacy}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: b, namespace: shop}
                """, mapping);
        assertEquals(List.of("b"), Conversions.output(result).stream().map(o -> o.at("/metadata/name").asText()).toList());
        assertTrue(result.changes().stream().map(ObjectChange::change).filter(Change::isExclusion).allMatch(c -> c.ruleId().equals("NS")));
    }
}
