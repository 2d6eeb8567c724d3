package io.jenkins.plugins.eks2aks.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded corpus of varied EKS manifests for the conversion benchmark: Deployments with ECR images (tags,
 * digests, init containers, sidecars from other registries), Services with AWS load balancer annotations,
 * PVCs, StatefulSets with claim templates, ALB Ingresses, ConfigMaps, IRSA ServiceAccounts, removed API
 * versions, {@code kind: List} documents and multi-document files, a few JSON files. The same seed writes
 * the same bytes.
 */
public final class BenchCorpus {

    private static final String[] ACCOUNTS = {"123456789012", "210987654321", "555566667777"};
    private static final String[] REGIONS = {"us-east-1", "eu-west-1"};
    private static final String[] TEAMS = {"shop", "payments", "search", "platform", "data"};
    private static final String[] CLASSES = {"gp2", "gp3", "gp3", "efs-sc", "io1"};

    private final Random random;
    private int serial;

    private BenchCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** Writes {@code documents} documents under {@code dir}; returns the number of files. */
    public static int write(Path dir, int documents, long seed) throws IOException {
        return new BenchCorpus(seed).writeAll(dir, documents);
    }

    private int writeAll(Path dir, int documents) throws IOException {
        int written = 0;
        int files = 0;
        while (written < documents) {
            String team = pick(TEAMS);
            Path folder = Files.createDirectories(dir.resolve(team).resolve("app-" + (files / 25)));
            if (random.nextInt(40) == 0) {
                Files.writeString(folder.resolve("config-" + files + ".json"), json(team), StandardCharsets.UTF_8);
                written++;
            } else {
                int count = Math.min(documents - written, 1 + random.nextInt(8));
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    if (i > 0) {
                        text.append("---\n");
                    }
                    text.append(document(team));
                }
                Files.writeString(folder.resolve("manifests-" + files + ".yaml"), text, StandardCharsets.UTF_8);
                written += count;
            }
            files++;
        }
        return files;
    }

    private String document(String ns) {
        int kind = random.nextInt(100);
        if (kind < 28) {
            return deployment(ns);
        } else if (kind < 43) {
            return service(ns);
        } else if (kind < 51) {
            return pvc(ns);
        } else if (kind < 57) {
            return statefulSet(ns);
        } else if (kind < 63) {
            return ingress(ns);
        } else if (kind < 77) {
            return configMap(ns);
        } else if (kind < 85) {
            return serviceAccount(ns);
        } else if (kind < 88) {
            return cronJob(ns);
        } else if (kind < 91) {
            return hpa(ns);
        }
        return list(ns);
    }

    private String name(String prefix) {
        return prefix + "-" + (serial++);
    }

    private String ecrImage() {
        String host = pick(ACCOUNTS) + ".dkr.ecr." + pick(REGIONS) + ".amazonaws.com";
        String repo = pick(TEAMS) + "/svc-" + random.nextInt(60);
        return switch (random.nextInt(6)) {
            case 0 -> host + "/" + repo + "@sha256:" + hex(64);
            case 1 -> host + "/" + repo + ":" + version() + "@sha256:" + hex(64);
            default -> host + "/" + repo + ":" + version();
        };
    }

    private String otherImage() {
        return switch (random.nextInt(3)) {
            case 0 -> "public.ecr.aws/aws-observability/aws-for-fluent-bit:2." + random.nextInt(40) + ".0";
            case 1 -> "docker.io/library/nginx:1." + (20 + random.nextInt(8));
            default -> "quay.io/prometheus/node-exporter:v1." + random.nextInt(9) + ".0";
        };
    }

    private String deployment(String ns) {
        String name = name("web");
        StringBuilder y = new StringBuilder();
        y.append("# ").append(name).append(": generated workload\n");
        y.append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").append(name).append("\n  namespace: ").append(ns)
                .append("\n  labels:\n    app.kubernetes.io/name: ").append(name).append("\n    app.kubernetes.io/part-of: ").append(ns)
                .append("\nspec:\n  replicas: ").append(1 + random.nextInt(5))
                .append("\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: ").append(name)
                .append("\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: ").append(name)
                .append("\n    spec:\n      serviceAccountName: ").append(ns).append("-sa\n");
        if (random.nextBoolean()) {
            y.append("      nodeSelector:\n        eks.amazonaws.com/capacityType: ").append(random.nextBoolean() ? "SPOT" : "ON_DEMAND").append('\n');
        }
        if (random.nextInt(3) == 0) {
            y.append("      initContainers:\n        - name: migrate\n          image: ").append(ecrImage())
                    .append("\n          command: [\"/bin/migrate\", \"--up\"]\n");
        }
        y.append("      containers:\n        - name: app\n          image: ").append(ecrImage())
                .append("\n          ports:\n            - name: http\n              containerPort: 8080\n")
                .append("          env:\n            - name: LOG_LEVEL\n              value: info\n            - name: AWS_REGION\n              value: ")
                .append(pick(REGIONS)).append('\n')
                .append("          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n")
                .append("            limits:\n              memory: 256Mi\n")
                .append("          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n");
        if (random.nextBoolean()) {
            y.append("        - name: sidecar\n          image: ").append(otherImage()).append('\n');
        }
        return y.toString();
    }

    private String service(String ns) {
        String name = name("svc");
        StringBuilder y = new StringBuilder("apiVersion: v1\nkind: Service\nmetadata:\n  name: ").append(name)
                .append("\n  namespace: ").append(ns).append('\n');
        boolean lb = random.nextInt(3) > 0;
        if (lb) {
            y.append("  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n")
                    .append("    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n")
                    .append("    service.beta.kubernetes.io/aws-load-balancer-scheme: ")
                    .append(random.nextBoolean() ? "internal" : "internet-facing").append('\n');
            if (random.nextBoolean()) {
                y.append("    service.beta.kubernetes.io/aws-load-balancer-healthcheck-path: /healthz\n");
            }
        }
        y.append("spec:\n  type: ").append(lb ? "LoadBalancer" : "ClusterIP")
                .append("\n  selector:\n    app.kubernetes.io/name: ").append(name)
                .append("\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n");
        return y.toString();
    }

    private String pvc(String ns) {
        String cls = pick(CLASSES);
        return "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: " + name("data") + "\n  namespace: " + ns
                + "\nspec:\n  accessModes: [" + (cls.startsWith("efs") ? "ReadWriteMany" : "ReadWriteOnce")
                + "]\n  storageClassName: " + cls + "\n  resources:\n    requests:\n      storage: " + (1 + random.nextInt(100)) + "Gi\n";
    }

    private String statefulSet(String ns) {
        String name = name("db");
        return "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\nspec:\n  serviceName: " + name + "\n  replicas: 3\n  selector:\n    matchLabels:\n      app: " + name
                + "\n  template:\n    metadata:\n      labels:\n        app: " + name
                + "\n    spec:\n      containers:\n        - name: db\n          image: " + ecrImage()
                + "\n          volumeMounts:\n            - name: data\n              mountPath: /var/lib/data\n"
                + "  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: [ReadWriteOnce]\n"
                + "        storageClassName: " + pick(new String[] {"gp2", "gp3"})
                + "\n        resources:\n          requests:\n            storage: 20Gi\n";
    }

    private String ingress(String ns) {
        String name = name("ing");
        return "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\n  annotations:\n    alb.ingress.kubernetes.io/scheme: " + (random.nextBoolean() ? "internal" : "internet-facing")
                + "\n    alb.ingress.kubernetes.io/target-type: ip\n    alb.ingress.kubernetes.io/listen-ports: '[{\"HTTPS\":443}]'\n"
                + "    alb.ingress.kubernetes.io/healthcheck-path: /healthz\n"
                + "spec:\n  ingressClassName: alb\n  rules:\n    - host: " + name + ".example.com\n      http:\n        paths:\n"
                + "          - path: /\n            pathType: Prefix\n            backend:\n              service:\n"
                + "                name: " + name + "\n                port:\n                  number: 80\n";
    }

    private String configMap(String ns) {
        StringBuilder y = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ").append(name("cfg"))
                .append("\n  namespace: ").append(ns).append("\ndata:\n");
        int keys = 2 + random.nextInt(8);
        for (int i = 0; i < keys; i++) {
            y.append("  key").append(i).append(": \"").append(hex(16 + random.nextInt(48))).append("\"\n");
        }
        if (random.nextBoolean()) {
            y.append("  app.properties: |\n    server.port=8080\n    feature.flag=").append(random.nextBoolean())
                    .append("\n    region=").append(pick(REGIONS)).append('\n');
        }
        return y.toString();
    }

    private String serviceAccount(String ns) {
        return "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: " + name("sa") + "\n  namespace: " + ns
                + "\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::" + pick(ACCOUNTS) + ":role/" + ns + "-role-"
                + random.nextInt(20) + "\n";
    }

    private String cronJob(String ns) {
        return "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: " + name("job") + "\n  namespace: " + ns
                + "\nspec:\n  schedule: \"0 " + random.nextInt(24) + " * * *\"\n  jobTemplate:\n    spec:\n      template:\n"
                + "        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: job\n"
                + "              image: " + ecrImage() + "\n";
    }

    private String hpa(String ns) {
        String name = name("hpa");
        return "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: " + name
                + "\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n"
                + "        target:\n          type: Utilization\n          averageUtilization: " + (50 + random.nextInt(40)) + "\n";
    }

    /** A {@code kind: List} of 2 to 5 objects, as {@code kubectl get -o yaml} prints them. */
    private String list(String ns) {
        List<String> items = new ArrayList<>();
        int count = 2 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String item = switch (random.nextInt(4)) {
                case 0 -> deployment(ns);
                case 1 -> service(ns);
                case 2 -> pvc(ns);
                default -> configMap(ns);
            };
            items.add(indentAsItem(item.replaceAll("(?m)^#.*\\n", "")));
        }
        return "apiVersion: v1\nkind: List\nmetadata:\n  resourceVersion: \"\"\nitems:\n" + String.join("", items);
    }

    private static String indentAsItem(String yaml) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String line : yaml.split("\n")) {
            out.append(first ? "- " : "  ").append(line).append('\n');
            first = false;
        }
        return out.toString();
    }

    private String json(String ns) {
        return "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\",\n  \"metadata\": {\"name\": \"" + name("json")
                + "\", \"namespace\": \"" + ns + "\"},\n  \"data\": {\"image\": \"" + ecrImage() + "\", \"mode\": \"batch\"}\n}\n";
    }

    private String version() {
        return random.nextInt(4) + "." + random.nextInt(20) + "." + random.nextInt(10);
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
