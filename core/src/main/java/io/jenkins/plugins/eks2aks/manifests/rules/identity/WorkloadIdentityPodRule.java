package io.jenkins.plugins.eks2aks.manifests.rules.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.ServiceAccountRoles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * W2, W5, W6, W7: pods that run as an IRSA ServiceAccount get the label the Workload ID webhook requires
 * ({@code azure.workload.identity/use: "true"}); the skip-containers annotation changes its separator; and what
 * the EKS webhooks injected into live pods (AWS credential variables, the projected token volumes) is removed.
 */
public final class WorkloadIdentityPodRule implements ConversionRule {

    public static final String ID = "W2";
    private static final Set<String> INJECTED_ENV = Set.of("AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_STS_REGIONAL_ENDPOINTS", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    private static final Set<String> INJECTED_VOLUMES = Set.of("aws-iam-token", "eks-pod-identity-token");

    private final InputIndex index;

    public WorkloadIdentityPodRule(InputIndex index) {
        this.index = index;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return PodSpecs.podSpecPointer(object).isPresent();
    }

    @Override
    public List<Change> apply(KubeObject object) {
        String spec = PodSpecs.podSpecPointer(object).orElseThrow();
        String podMetadata = spec.substring(0, spec.length() - "/spec".length()) + "/metadata";
        if (spec.equals("/spec")) {
            podMetadata = "/metadata"; // a Pod's own metadata
        }
        List<Change> out = new ArrayList<>();
        String account = object.at(spec + "/serviceAccountName").asText(object.at(spec + "/serviceAccount").asText("default"));
        boolean labelled = "true".equals(object.at(podMetadata + "/labels").path("azure.workload.identity/use").asText());
        Optional<ServiceAccountRoles.BuildRoles> perBuild = index.serviceAccountRolesFor(object, account);
        if (perBuild.isPresent()) {
            if (!labelled) {
                label(object, podMetadata + "/labels", account, perBuild.get()).ifPresent(out::add);
            }
        } else {
            Optional<String> role = index.serviceAccountRole(index.namespaceOf(object), account);
            if (role.isPresent() && !labelled) {
                out.add(Changes.of(object, "W2").put(podMetadata + "/labels", "azure.workload.identity/use", "true", RuleMode.AUTO,
                        "pods of ServiceAccount " + account + " (IAM role " + role.get() + ") must carry this label for the "
                                + "Workload ID webhook to inject their Azure token (catalog W2, S17)"));
            }
        }
        JsonNode skip = object.at(podMetadata + "/annotations").get("eks.amazonaws.com/skip-containers");
        if (skip != null) {
            Changes w5 = Changes.of(object, "W5");
            out.add(w5.put(podMetadata + "/annotations", "azure.workload.identity/skip-containers", skip.asText().replace(",", ";").replace(" ", ""),
                    RuleMode.AUTO, "containers to skip; Azure separates them with ';' where EKS used ',' (catalog W5, S17)"));
            out.add(w5.removeKey(podMetadata + "/annotations", "eks.amazonaws.com/skip-containers", RuleMode.AUTO,
                    "replaced by azure.workload.identity/skip-containers (catalog W5)"));
        }
        out.addAll(injected(object, spec));
        return out;
    }

    /**
     * W2 for a workload whose ServiceAccount the kustomize builds of its file give different roles (dev and prod
     * overlays of one base): the label when every build gives it one (which identity replaces each role is each
     * overlay's ServiceAccount's own W1); a decision naming the overlays when only some do, since the label in a shared
     * file would reach the pods of the overlays without one too.
     */
    private static Optional<Change> label(KubeObject object, String labels, String account, ServiceAccountRoles.BuildRoles builds) {
        if (builds.roles().isEmpty()) {
            return Optional.empty();
        }
        if (builds.without().isEmpty()) {
            return Optional.of(Changes.of(object, "W2").put(labels, "azure.workload.identity/use", "true", RuleMode.AUTO,
                    "pods of ServiceAccount " + account + " (IAM role " + builds.describe() + ") must carry this label for "
                            + "the Workload ID webhook to inject their Azure token (catalog W2, S17)"));
        }
        return Optional.of(Changes.of(object, "W2").decision(labels, "pods of ServiceAccount " + account + " have IAM role "
                + builds.describe() + " but none in " + String.join(", ", builds.without()) + ", which build them too: "
                + "label them azure.workload.identity/use: \"true\" in the overlays with a role (a patch there), not in the "
                + "shared file, or give the ServiceAccount a role in the others (catalog W2, S17)"));
    }

    /** W6, W7: what the EKS identity webhooks wrote into a live pod spec. */
    private static List<Change> injected(KubeObject object, String spec) {
        List<Change> out = new ArrayList<>();
        for (PodSpecs.ContainerAt container : PodSpecs.containers(object)) {
            JsonNode env = container.container().path("env");
            for (int i = 0; i < env.size(); i++) {
                if (INJECTED_ENV.contains(env.get(i).path("name").asText())) {
                    out.add(Changes.of(object, "W6").remove(container.pointer() + "/env/" + i, RuleMode.DROP,
                            env.get(i).path("name").asText() + " was injected by the EKS identity webhook; the Workload ID "
                                    + "webhook injects AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE (catalog W6, S16, S17)"));
                }
            }
            JsonNode mounts = container.container().path("volumeMounts");
            for (int i = 0; i < mounts.size(); i++) {
                if (INJECTED_VOLUMES.contains(mounts.get(i).path("name").asText())) {
                    out.add(Changes.of(object, "W7").remove(container.pointer() + "/volumeMounts/" + i, RuleMode.DROP,
                            "mount of the EKS-injected token volume " + mounts.get(i).path("name").asText() + " (catalog W7)"));
                }
            }
        }
        JsonNode volumes = object.at(spec + "/volumes");
        for (int i = 0; i < volumes.size(); i++) {
            if (INJECTED_VOLUMES.contains(volumes.get(i).path("name").asText())) {
                out.add(Changes.of(object, "W7").remove(spec + "/volumes/" + i, RuleMode.DROP,
                        "projected AWS token volume " + volumes.get(i).path("name").asText() + " injected by EKS (catalog W7, S16)"));
            }
        }
        return out;
    }
}
