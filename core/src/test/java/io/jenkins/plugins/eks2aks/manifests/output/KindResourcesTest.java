package io.jenkins.plugins.eks2aks.manifests.output;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KindResourcesTest {

    @ParameterizedTest(name = "{1} {0} is restored by Velero as {2}")
    @CsvSource({
            "v1, Pod, pods",
            "v1, Endpoints, endpoints",
            "v1, PersistentVolumeClaim, persistentvolumeclaims",
            "v1, ServiceAccount, serviceaccounts",
            "apps/v1, Deployment, deployments.apps",
            "batch/v1, CronJob, cronjobs.batch",
            "networking.k8s.io/v1, Ingress, ingresses.networking.k8s.io",
            "networking.k8s.io/v1, NetworkPolicy, networkpolicies.networking.k8s.io",
            "networking.k8s.io/v1, IngressClass, ingressclasses.networking.k8s.io",
            "storage.k8s.io/v1, StorageClass, storageclasses.storage.k8s.io",
            "policy/v1beta1, PodSecurityPolicy, podsecuritypolicies.policy",
            "autoscaling/v2, HorizontalPodAutoscaler, horizontalpodautoscalers.autoscaling",
            "secrets-store.csi.x-k8s.io/v1, SecretProviderClass, secretproviderclasses.secrets-store.csi.x-k8s.io",
            "example.com/v1, Widget, widgets.example.com",
            "example.com/v1, Policy, policies.example.com",
            "example.com/v1, Gateway, gateways.example.com",
            "example.com/v1, Mesh, meshes.example.com",
            "example.com/v1, Box, boxes.example.com"})
    void groupResourceIsThePluralResourceAndTheGroup(String apiVersion, String kind, String groupResource) {
        assertEquals(groupResource, KindResources.groupResource(apiVersion, kind));
    }
}
