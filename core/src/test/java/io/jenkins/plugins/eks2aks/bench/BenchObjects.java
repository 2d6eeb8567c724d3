package io.jenkins.plugins.eks2aks.bench;

import java.util.List;

/** One "application" of ten objects as an EKS API server returns them, with the metadata live objects carry. */
final class BenchObjects {

    private BenchObjects() {
    }

    /** {collection path, object JSON} for each of the unit's ten objects. */
    static List<String[]> unit(int i) {
        String ns = "team-" + (i % 50);
        return json(i).stream().map(j -> new String[] {path(ns, j), j}).toList();
    }

    private static String path(String ns, String json) {
        String kind = json.substring(json.indexOf("\"kind\":\"") + 8, json.indexOf('"', json.indexOf("\"kind\":\"") + 8));
        return switch (kind) {
            case "Deployment" -> "/apis/apps/v1/namespaces/" + ns + "/deployments";
            case "ReplicaSet" -> "/apis/apps/v1/namespaces/" + ns + "/replicasets";
            case "HorizontalPodAutoscaler" -> "/apis/autoscaling/v2/namespaces/" + ns + "/horizontalpodautoscalers";
            case "PodDisruptionBudget" -> "/apis/policy/v1/namespaces/" + ns + "/poddisruptionbudgets";
            case "PersistentVolumeClaim" -> "/api/v1/namespaces/" + ns + "/persistentvolumeclaims";
            default -> "/api/v1/namespaces/" + ns + "/" + kind.toLowerCase(java.util.Locale.ROOT) + "s";
        };
    }

    private static List<String> json(int i) {
        String ns = "team-" + (i % 50);
        String app = "app-" + i;
        String image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team-" + (i % 50) + "/svc-" + (i % 400) + ":1." + (i % 7) + ".0";
        String meta = "\"namespace\":\"" + ns + "\",\"labels\":{\"app.kubernetes.io/name\":\"" + app + "\",\"app.kubernetes.io/part-of\":\"" + ns + "\"},"
                + "\"uid\":\"" + uid(i) + "\",\"resourceVersion\":\"" + (100000 + i) + "\",\"creationTimestamp\":\"2024-05-01T10:00:00Z\","
                + "\"managedFields\":[{\"apiVersion\":\"apps/v1\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:metadata\":{\"f:labels\":{}},\"f:spec\":{}},"
                + "\"manager\":\"kubectl-client-side-apply\",\"operation\":\"Update\",\"time\":\"2024-05-01T10:00:00Z\"}]";
        String podSpec = "{\"serviceAccountName\":\"" + app + "\",\"nodeSelector\":{\"eks.amazonaws.com/capacityType\":\"ON_DEMAND\"},"
                + "\"containers\":[{\"name\":\"main\",\"image\":\"" + image + "\",\"ports\":[{\"containerPort\":8080}],"
                + "\"env\":[{\"name\":\"AWS_REGION\",\"value\":\"us-east-1\"},{\"name\":\"LOG_LEVEL\",\"value\":\"info\"}],"
                + "\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"},\"limits\":{\"memory\":\"256Mi\"}},"
                + "\"volumeMounts\":[{\"name\":\"data\",\"mountPath\":\"/data\"},{\"name\":\"config\",\"mountPath\":\"/etc/app\"}]}],"
                + "\"volumes\":[{\"name\":\"data\",\"persistentVolumeClaim\":{\"claimName\":\"data-" + app + "\"}},"
                + "{\"name\":\"config\",\"configMap\":{\"name\":\"" + app + "-config\"}}]}";
        String owner = "\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\"" + app + "-5d8f\",\"uid\":\"" + uid(i + 7) + "\",\"controller\":true}]";
        return List.of(
                "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"" + app + "\"," + meta
                        + ",\"annotations\":{\"eks.amazonaws.com/role-arn\":\"arn:aws:iam::123456789012:role/" + app + "\"}}}",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + app + "-config\"," + meta + "},\"data\":{\"app.properties\":\""
                        + "server.port=8080\\nfeature.flags=a,b,c\\nbucket=s3://" + ns + "-data/" + app + "\\n".repeat(8) + "\"}}",
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + app + "\"," + meta + ",\"annotations\":{"
                        + "\"deployment.kubernetes.io/revision\":\"3\"}},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\""
                        + app + "\"}},\"template\":{\"metadata\":{\"labels\":{\"app.kubernetes.io/name\":\"" + app + "\"}},\"spec\":" + podSpec + "}},"
                        + "\"status\":{\"replicas\":2,\"readyReplicas\":2}}",
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"" + app + "-5d8f\"," + meta + ",\"ownerReferences\":[{\"apiVersion\":"
                        + "\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"" + app + "\",\"uid\":\"" + uid(i) + "\",\"controller\":true}]},\"spec\":{\"replicas\":2,"
                        + "\"template\":{\"spec\":" + podSpec + "}}}",
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + app + "-5d8f-a\"," + meta + "," + owner + "},\"spec\":" + podSpec
                        + ",\"status\":{\"phase\":\"Running\",\"podIP\":\"10.0.1." + (i % 250) + "\"}}",
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + app + "-5d8f-b\"," + meta + "," + owner + "},\"spec\":" + podSpec
                        + ",\"status\":{\"phase\":\"Running\",\"podIP\":\"10.0.2." + (i % 250) + "\"}}",
                "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + app + "\"," + meta + "},\"spec\":{\"type\":\"ClusterIP\","
                        + "\"clusterIP\":\"172.20." + (i % 250) + ".10\",\"ports\":[{\"port\":80,\"targetPort\":8080}],\"selector\":{\"app.kubernetes.io/name\":\"" + app + "\"}}}",
                "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\",\"metadata\":{\"name\":\"data-" + app + "\"," + meta + "},\"spec\":{\"storageClassName\":\"gp3\","
                        + "\"accessModes\":[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"10Gi\"}},\"volumeName\":\"pvc-" + uid(i + 3) + "\"}}",
                "{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":\"" + app + "\"," + meta + "},\"spec\":{"
                        + "\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"" + app + "\"},\"minReplicas\":2,\"maxReplicas\":6}}",
                "{\"apiVersion\":\"policy/v1\",\"kind\":\"PodDisruptionBudget\",\"metadata\":{\"name\":\"" + app + "\"," + meta + "},\"spec\":{\"minAvailable\":1,"
                        + "\"selector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"" + app + "\"}}}}");
    }

    private static String uid(int i) {
        return String.format("%08x-0000-4000-8000-%012x", i, (long) i * 2654435761L & 0xffffffffffffL);
    }
}
