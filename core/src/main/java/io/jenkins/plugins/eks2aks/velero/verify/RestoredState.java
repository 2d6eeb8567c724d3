package io.jenkins.plugins.eks2aks.velero.verify;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Velero's {@code Completed} does not prove, read from the AKS cluster namespace by namespace: claims Bound,
 * workloads rolled out, no pod stuck pulling or crashing, no image still on ECR, Workload ID on the pods of
 * identity-annotated service accounts, load balancers with an address (a warning only), and, optionally, every
 * object of the converted manifests present.
 */
final class RestoredState {

    static final Pattern ECR = Pattern.compile("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/");
    private static final Set<String> STUCK = Set.of("ImagePullBackOff", "ErrImagePull", "CrashLoopBackOff");
    static final String WI_USE = "azure.workload.identity/use";
    static final String WI_CLIENT_ID = "azure.workload.identity/client-id";

    private final KubernetesClient client;

    RestoredState(KubernetesClient client) {
        this.client = client;
    }

    List<VerifyCheck> check(List<String> namespaces, Path expectObjects) {
        List<VerifyCheck> checks = new ArrayList<>();
        for (String ns : namespaces) {
            if (client.namespaces().withName(ns).get() == null) {
                checks.add(VerifyCheck.fail("Namespace " + ns, "exists", "not found: the restore did not create it (check the restore's namespace mapping)"));
                continue;
            }
            for (PersistentVolumeClaim pvc : client.persistentVolumeClaims().inNamespace(ns).list().getItems()) {
                String phase = pvc.getStatus() == null ? null : pvc.getStatus().getPhase();
                checks.add("Bound".equals(phase) ? VerifyCheck.pass(ref(pvc), "bound", "Bound to " + pvc.getSpec().getVolumeName())
                        : VerifyCheck.fail(ref(pvc), "bound", "phase " + phase + " (storage class " + pvc.getSpec().getStorageClassName()
                        + "): kubectl -n " + ns + " describe pvc " + pvc.getMetadata().getName()));
            }
            for (Deployment d : client.apps().deployments().inNamespace(ns).list().getItems()) {
                int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
                int updated = d.getStatus() == null || d.getStatus().getUpdatedReplicas() == null ? 0 : d.getStatus().getUpdatedReplicas();
                int available = d.getStatus() == null || d.getStatus().getAvailableReplicas() == null ? 0 : d.getStatus().getAvailableReplicas();
                checks.add(rollout(d, want, updated, available));
                checks.add(images(d, d.getSpec().getTemplate().getSpec().getContainers(), d.getSpec().getTemplate().getSpec().getInitContainers()));
            }
            for (StatefulSet s : client.apps().statefulSets().inNamespace(ns).list().getItems()) {
                int want = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
                int updated = s.getStatus() == null || s.getStatus().getUpdatedReplicas() == null ? 0 : s.getStatus().getUpdatedReplicas();
                int ready = s.getStatus() == null || s.getStatus().getReadyReplicas() == null ? 0 : s.getStatus().getReadyReplicas();
                checks.add(rollout(s, want, updated, ready));
                checks.add(images(s, s.getSpec().getTemplate().getSpec().getContainers(), s.getSpec().getTemplate().getSpec().getInitContainers()));
            }
            Set<String> identityAccounts = new HashSet<>();
            for (ServiceAccount sa : client.serviceAccounts().inNamespace(ns).list().getItems()) {
                Map<String, String> annotations = sa.getMetadata().getAnnotations();
                Map<String, String> labels = sa.getMetadata().getLabels();
                if ((annotations != null && annotations.containsKey(WI_CLIENT_ID)) || (labels != null && "true".equals(labels.get(WI_USE)))) {
                    identityAccounts.add(sa.getMetadata().getName());
                }
            }
            for (Pod pod : client.pods().inNamespace(ns).list().getItems()) {
                checks.add(pod(pod));
                String sa = pod.getSpec().getServiceAccountName();
                if (sa != null && identityAccounts.contains(sa)) {
                    Map<String, String> labels = pod.getMetadata().getLabels();
                    checks.add(labels != null && "true".equals(labels.get(WI_USE))
                            ? VerifyCheck.pass(ref(pod), "workload-identity", "uses Workload ID through service account " + sa)
                            : VerifyCheck.fail(ref(pod), "workload-identity", "service account " + sa + " has a Workload ID identity but the pod lacks the label "
                            + WI_USE + "=\"true\": add it to the pod template"));
                }
            }
            for (Service svc : client.services().inNamespace(ns).list().getItems()) {
                if ("LoadBalancer".equals(svc.getSpec().getType())) {
                    boolean address = svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null
                            && svc.getStatus().getLoadBalancer().getIngress() != null && !svc.getStatus().getLoadBalancer().getIngress().isEmpty();
                    checks.add(address ? VerifyCheck.pass(ref(svc), "load-balancer", "address " + svc.getStatus().getLoadBalancer().getIngress().get(0).getIp())
                            : VerifyCheck.warn(ref(svc), "load-balancer", "no address yet: kubectl -n " + ns + " describe service " + svc.getMetadata().getName()));
                }
            }
        }
        if (expectObjects != null) {
            checks.addAll(expected(expectObjects));
        }
        return checks;
    }

    private static VerifyCheck rollout(HasMetadata workload, int want, int updated, int available) {
        return updated >= want && available >= want
                ? VerifyCheck.pass(ref(workload), "rolled-out", available + "/" + want + " replicas available")
                : VerifyCheck.fail(ref(workload), "rolled-out", updated + " updated, " + available + " available of " + want
                + " replicas: kubectl -n " + workload.getMetadata().getNamespace() + " rollout status " + workload.getKind().toLowerCase(java.util.Locale.ROOT)
                + "/" + workload.getMetadata().getName());
    }

    private static VerifyCheck images(HasMetadata workload, List<Container> containers, List<Container> init) {
        List<String> ecr = new ArrayList<>();
        for (List<Container> list : List.of(containers == null ? List.<Container>of() : containers, init == null ? List.<Container>of() : init)) {
            for (Container c : list) {
                if (c.getImage() != null && ECR.matcher(c.getImage()).lookingAt()) {
                    ecr.add(c.getName() + "=" + c.getImage());
                }
            }
        }
        return ecr.isEmpty() ? VerifyCheck.pass(ref(workload), "no-ecr-image", "no image on ECR")
                : VerifyCheck.fail(ref(workload), "no-ecr-image", "still pulls from ECR: " + String.join(", ", ecr)
                + " (map the registry: registries in eks2aks.yaml, change-image-name)");
    }

    private static VerifyCheck pod(Pod pod) {
        List<String> stuck = new ArrayList<>();
        if (pod.getStatus() != null) {
            List<ContainerStatus> statuses = new ArrayList<>();
            if (pod.getStatus().getInitContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getInitContainerStatuses());
            }
            if (pod.getStatus().getContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getContainerStatuses());
            }
            for (ContainerStatus cs : statuses) {
                if (cs.getState() != null && cs.getState().getWaiting() != null && STUCK.contains(cs.getState().getWaiting().getReason())) {
                    stuck.add(cs.getName() + " " + cs.getState().getWaiting().getReason() + " (image " + cs.getImage() + ")");
                }
            }
        }
        return stuck.isEmpty() ? VerifyCheck.pass(ref(pod), "not-stuck", "no container stuck")
                : VerifyCheck.fail(ref(pod), "not-stuck", String.join("; ", stuck));
    }

    private List<VerifyCheck> expected(Path file) {
        List<VerifyCheck> checks = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Object parsed = Serialization.unmarshal(in);
            if (parsed instanceof HasMetadata one) {
                objects.add(one);
            } else if (parsed instanceof List<?> many) {
                many.stream().filter(HasMetadata.class::isInstance).map(HasMetadata.class::cast).forEach(objects::add);
            } else if (parsed instanceof io.fabric8.kubernetes.api.model.KubernetesList list) {
                objects.addAll(list.getItems());
            }
        } catch (IOException | RuntimeException e) {
            throw new MigrationException("Cannot read the expected objects '" + file + "': " + e.getMessage(), e);
        }
        for (HasMetadata o : objects) {
            HasMetadata found;
            try {
                found = client.resource(o).get();
            } catch (RuntimeException e) {
                checks.add(VerifyCheck.warn(ref(o), "present", "not checked: " + e.getMessage()));
                continue;
            }
            checks.add(found != null ? VerifyCheck.pass(ref(o), "present", "present")
                    : VerifyCheck.fail(ref(o), "present", "missing after the restore (in " + file.getFileName() + ")"));
        }
        return checks;
    }

    static String ref(HasMetadata o) {
        return o.getKind() + " " + (o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace() + "/") + o.getMetadata().getName();
    }

    static long failed(List<VerifyCheck> checks) {
        return checks.stream().filter(c -> Objects.equals(c.status(), VerifyCheck.Status.FAIL)).count();
    }
}
