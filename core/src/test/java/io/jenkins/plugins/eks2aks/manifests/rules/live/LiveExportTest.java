package io.jenkins.plugins.eks2aks.manifests.rules.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveExportTest {

    @Test
    void serverSetFieldsAreStrippedSoTheExportAppliesCleanly() {
        JsonNode service = Conversions.single("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: shop
                  uid: 6f1c
                  resourceVersion: "123"
                  generation: 2
                  creationTimestamp: "2024-01-01T00:00:00Z"
                  managedFields: [{manager: kubectl}]
                  annotations:
                    kubectl.kubernetes.io/last-applied-configuration: '{}'
                    keep.example.com/this: "yes"
                spec:
                  type: ClusterIP
                  clusterIP: 172.20.1.2
                  clusterIPs: [172.20.1.2]
                  ports: [{port: 80}]
                status: {loadBalancer: {}}
                """, MigrationMapping.defaults());

        assertEquals(List.of("name", "namespace", "annotations"), fieldNames(service.path("metadata")));
        assertEquals(List.of("keep.example.com/this"), fieldNames(service.at("/metadata/annotations")));
        assertEquals(List.of("type", "ports"), fieldNames(service.path("spec")));
        assertFalse(service.has("status"));
    }

    @Test
    void headlessServicesKeepClusterIpNoneAndNodePortServicesKeepTheirPorts() {
        JsonNode headless = Conversions.single("apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec: {clusterIP: None, ports: [{port: 5432}]}\n",
                MigrationMapping.defaults());
        assertEquals("None", headless.at("/spec/clusterIP").asText());
        JsonNode nodePort = Conversions.single("apiVersion: v1\nkind: Service\nmetadata: {name: np}\nspec: {type: NodePort, ports: [{port: 80, nodePort: 30080}]}\n",
                MigrationMapping.defaults());
        assertEquals(30080, nodePort.at("/spec/ports/0/nodePort").asInt());
    }

    @Test
    void claimBindingStateIsRemoved() {
        JsonNode claim = Conversions.single("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  namespace: shop
                  annotations: {pv.kubernetes.io/bind-completed: "yes", volume.kubernetes.io/selected-node: ip-10-0-1-1}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, volumeName: pvc-123}
                """, MigrationMapping.defaults());
        assertTrue(claim.at("/metadata/annotations").isEmpty(), claim.toString());
        assertTrue(claim.at("/spec/volumeName").isMissingNode());
    }

    @Test
    void objectsThatControllersOrTheApiServerMakeAreNotMigrated() {
        ConversionResult result = Conversions.convert("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: web-1, namespace: shop, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d, controller: true, uid: u}]}
                  spec: {containers: [{name: a, image: a}]}
                - apiVersion: v1
                  kind: Service
                  metadata: {name: kubernetes, namespace: default}
                  spec: {ports: [{port: 443}]}
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: kube-root-ca.crt, namespace: shop}
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: settings, namespace: shop}
                """, MigrationMapping.defaults());
        assertEquals(List.of("settings"), Conversions.output(result).stream().map(o -> o.at("/metadata/name").asText()).toList());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
