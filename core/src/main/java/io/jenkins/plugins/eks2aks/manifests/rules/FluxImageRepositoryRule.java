package io.jenkins.plugins.eks2aks.manifests.rules;

import io.jenkins.plugins.eks2aks.images.EcrImageReference;
import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.List;
import java.util.Optional;

/**
 * I9: a Flux {@code ImageRepository} that scans ECR ({@code provider: aws}) scans the ACR repository its image moves
 * to with {@code provider: azure} (the image itself is rewritten by I1 through the custom-resource scan; the
 * {@code ImagePolicy} objects that select its tags need no change). When the image does not say where it moves (a
 * placeholder such as {@code ${IMAGE_URI}}, or an ECR host without a target), the provider is a decision.
 */
public final class FluxImageRepositoryRule implements ConversionRule {

    public static final String ID = "I9";
    private static final String SOURCE = "Flux image automation: ImageRepository spec.provider aws/azure";

    private final RegistryMap registries;
    private final FrontEndNames names;

    /** @param names how the front end spells the option the decision names besides the mapping file's key */
    public FluxImageRepositoryRule(RegistryMap registries, FrontEndNames names) {
        this.registries = registries;
        this.names = names;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "ImageRepository".equals(object.kind()) && object.ref().apiVersion().startsWith("image.toolkit.fluxcd.io/")
                && "aws".equals(object.at("/spec/provider").asText());
    }

    @Override
    public List<Change> apply(KubeObject object) {
        String image = object.at("/spec/image").asText("");
        Optional<String> target = EcrImageReference.parse(image).flatMap(registries::target);
        Changes c = Changes.of(object, ID);
        if (target.isPresent()) {
            return List.of(c.replace("/spec/provider", "azure", RuleMode.AUTO_WARN, "the repository moves to ACR ("
                    + target.get() + "): Flux reads it with provider azure, so give the image-reflector-controller's "
                    + "identity (Workload ID or the kubelet identity) AcrPull on the registry (" + SOURCE + ")"));
        }
        return List.of(c.decision("/spec/provider", "ImageRepository " + object.ref().name() + " scans ECR (provider aws) for "
                + (image.isEmpty() ? "an image it does not name" : image) + ", whose ACR repository is not known here: point "
                + "spec.image at the ACR repository (for an ECR image: set " + names.setAcr() + ") and set spec.provider: azure ("
                + SOURCE + ")").withMappingKeys("acr"));
    }
}
