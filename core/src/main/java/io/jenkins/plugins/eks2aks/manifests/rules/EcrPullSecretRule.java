package io.jenkins.plugins.eks2aks.manifests.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * I5: registry credentials for ECR are not migrated, and pods stop referring to them. ECR tokens last 12 hours,
 * and on AKS images come from ACR, pulled by the kubelet identity once ACR is attached to the cluster.
 */
public final class EcrPullSecretRule implements ConversionRule {

    public static final String ID = "I5";
    private static final String ON_AKS = "attach ACR to the cluster instead (az aks update --attach-acr gives the kubelet "
            + "identity AcrPull) (catalog I5, S31, S32)";

    private final InputIndex index;

    public EcrPullSecretRule(InputIndex index) {
        this.index = index;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "Secret".equals(object.kind()) || PodSpecs.podSpecPointer(object).isPresent();
    }

    /** Whether the pod has images and every one of them is a private ECR image that conversion moves to ACR. */
    private boolean onlyEcrImages(KubeObject object) {
        List<PodSpecs.ContainerAt> containers = PodSpecs.containers(object);
        return !containers.isEmpty() && containers.stream()
                .allMatch(c -> index.movesToAcr(c.container().path("image").asText(null)));
    }

    @Override
    public List<Change> apply(KubeObject object) {
        if ("Secret".equals(object.kind())) {
            return InputIndex.isEcrPullSecret(object.object())
                    ? List.of(Changes.of(object, ID).exclude("registry credential for ECR (a 12-hour token): " + ON_AKS))
                    : List.of();
        }
        Optional<String> spec = PodSpecs.podSpecPointer(object);
        List<Change> out = new ArrayList<>();
        JsonNode secrets = object.at(spec.orElseThrow() + "/imagePullSecrets");
        boolean onlyEcr = onlyEcrImages(object);
        for (int i = 0; i < secrets.size(); i++) {
            String name = secrets.get(i).path("name").asText();
            if (index.isEcrPullSecret(object.ref().namespace(), name)) {
                out.add(Changes.of(object, ID).remove(spec.get() + "/imagePullSecrets/" + i, RuleMode.DROP,
                        "pull secret " + name + " holds an ECR token; " + ON_AKS));
            } else if (onlyEcr && !index.hasSecret(object.ref().namespace(), name)) {
                // Usually refreshed by a CronJob outside the manifests: it can only have served the ECR images.
                out.add(Changes.of(object, ID).remove(spec.get() + "/imagePullSecrets/" + i, RuleMode.AUTO_WARN,
                        "pull secret " + name + " is not in the input, and every image of this pod comes from ECR and "
                                + "moves to ACR, so it can only have held an ECR token; " + ON_AKS));
            }
        }
        return out;
    }
}
