package io.jenkins.plugins.eks2aks.manifests.output;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.rules.live.ServerSetFieldsRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The resets Velero makes on restore are read from {@link ServerSetFieldsRule}'s own field lists: every field the
 * rule removes from a live export is left to Velero, but those Velero keeps (managedFields, the last-applied and
 * revision annotations), which the resource modifiers must remove.
 */
class VeleroResetsTest {

    private static final String LIVE = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
              namespace: shop
              uid: 1
              resourceVersion: "2"
              generation: 3
              creationTimestamp: "2024-01-01T00:00:00Z"
              selfLink: /x
              managedFields: [{manager: kubectl}]
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: "{}"
                pv.kubernetes.io/bind-completed: "yes"
                pv.kubernetes.io/bound-by-controller: "yes"
                volume.kubernetes.io/storage-provisioner: ebs.csi.aws.com
                volume.beta.kubernetes.io/storage-provisioner: ebs.csi.aws.com
                volume.kubernetes.io/selected-node: ip-10-0-0-1
            spec: {volumeName: pvc-1, storageClassName: gp3}
            status: {phase: Bound}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop, annotations: {deployment.kubernetes.io/revision: "4"}}
            spec: {type: LoadBalancer, clusterIP: 10.0.0.1, clusterIPs: [10.0.0.1], healthCheckNodePort: 30001,
                   ports: [{port: 80, nodePort: 30080}]}
            """;

    @Test
    void everyServerSetFieldTheRuleRemovesIsLeftToVeleroButThoseVeleroKeeps() {
        ConversionResult result = TestRules.convert(LIVE, new ServerSetFieldsRule());
        List<String> kept = new ArrayList<>();
        int left = 0;
        for (ObjectResult object : ObjectResults.of(result)) {
            for (Change c : object.applied()) {
                if (VeleroResets.veleroDoesItself(object.ref().kind(), c)) {
                    left++;
                } else {
                    kept.add(c.path());
                }
            }
        }
        assertEquals(Set.of("/metadata/managedFields", "/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration",
                "/metadata/annotations/deployment.kubernetes.io~1revision"), Set.copyOf(kept));
        assertEquals(ServerSetFieldsRule.METADATA_FIELDS.size() - 1 + 1 + ServerSetFieldsRule.PVC_ANNOTATIONS.size() + 1 + 4, left,
                "status, metadata but managedFields, the claim's binding annotations and volumeName, the Service's four");
        assertFalse(VeleroResets.veleroDoesItself("Service", TestRules.convert("""
                apiVersion: v1
                kind: Service
                metadata: {name: h, namespace: shop}
                spec: {clusterIP: None}
                """, TestRules.strip()).changes().get(0).change()), "a headless Service keeps its None");
    }
}
