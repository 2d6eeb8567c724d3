package io.jenkins.plugins.eks2aks.report;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.ManifestConverter;
import io.jenkins.plugins.eks2aks.manifests.Manifests;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.List;
import java.util.function.Function;

/** A conversion with one change of every mode, a conflict, and input text that HTML must escape. */
final class ReportFixtures {

    static final String YAML = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: "web<script>alert(1)</script>", namespace: shop}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec:
                  nodeSelector: {eks.amazonaws.com/nodegroup: ng-1}
                  containers: [{name: web, image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1"}]
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: aws-node, namespace: kube-system}
            spec: {}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop, annotations: {a: "x & y"}}
            spec: {type: LoadBalancer}
            """;

    private ReportFixtures() {
    }

    static ConversionResult result() {
        return new ManifestConverter(List.of(
                rule("I1", "Deployment", o -> List.of(Changes.of(o, "I1").replace(
                        "/spec/template/spec/containers/0/image", "contoso.azurecr.io/shop/web:1", RuleMode.AUTO, "ECR → ACR"))),
                rule("S5", "Deployment", o -> List.of(Changes.of(o, "S5").put("/spec/template/metadata/labels", "tier",
                        "<b>front</b>", RuleMode.AUTO_WARN, "check \"tier\" & size"))),
                rule("S1", "Deployment", o -> List.of(Changes.of(o, "S1").decision(
                        "/spec/template/spec/nodeSelector/eks.amazonaws.com~1nodegroup",
                        "node group ng-1 needs its AKS pool: set nodePools.ng-1 in eks2aks.yaml").withMappingKeys("nodePools.ng-1"))),
                rule("L2", "Service", o -> List.of(Changes.of(o, "L2").removeKey("/metadata/annotations", "a", RuleMode.DROP,
                        "AWS only"))),
                rule("L9", "Service", o -> List.of(Changes.of(o, "L9").replace("/spec/type", "ClusterIP", RuleMode.AUTO, "one"))),
                rule("L8", "Service", o -> List.of(Changes.of(o, "L8").replace("/spec/type", "NodePort", RuleMode.AUTO, "two"))),
                rule("EX1", "DaemonSet", o -> List.of(Changes.of(o, "EX1").exclude(
                        "Amazon VPC CNI is not migrated; on AKS: Azure CNI Overlay, chosen when the cluster is created"))))
        ).convert(Manifests.set(YAML));
    }

    static ConversionRule rule(String id, String kind, Function<KubeObject, List<Change>> changes) {
        return new ConversionRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public boolean appliesTo(KubeObject object) {
                return object.kind().equals(kind);
            }

            @Override
            public List<Change> apply(KubeObject object) {
                return changes.apply(object);
            }
        };
    }
}
