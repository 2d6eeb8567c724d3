package io.jenkins.plugins.eks2aks.manifests.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.eks2aks.images.EcrImageReference;
import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * I1: an image in a private ECR registry is pulled from ACR instead, with the repository path, tag and
 * digest kept exactly (a digest is the SHA-256 of the manifest, unchanged by ACR import or a byte-exact copy).
 * An ECR host with no target in the registry map is a finding that names the mapping-file key to set, and the
 * front end's option that sets it.
 */
public final class EcrImageRule implements ConversionRule {

    public static final String ID = "I1";
    private static final String SOURCE = "EKS→AKS migration guide, container images; ACR import keeps digests";

    private final RegistryMap registries;
    private final InputIndex index;
    private final FrontEndNames names;

    /** Without an index, naming the mapping file's keys only: for tests of one object. */
    public EcrImageRule(RegistryMap registries) {
        this(registries, InputIndex.empty(), FrontEndNames.CLI.withAcrOptions(null, null));
    }

    /** @param names how the front end spells the options a finding names besides the mapping file's keys */
    public EcrImageRule(RegistryMap registries, InputIndex index, FrontEndNames names) {
        this.registries = registries;
        this.index = index;
        this.names = names;
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
        List<Change> changes = new ArrayList<>();
        for (PodSpecs.ContainerAt container : PodSpecs.containers(object)) {
            image(object, container.pointer() + "/image", describe(container)).ifPresent(changes::add);
        }
        return changes;
    }

    /**
     * I1/I2 for the image reference at {@code path} (a container's {@code image}, or an ECR reference elsewhere
     * in an object: a custom resource's image field, a chart's values); {@code what} names it in the reason.
     * Empty when the value is not a private ECR reference.
     */
    public Optional<Change> image(KubeObject object, String path, String what) {
        JsonNode image = object.at(path);
        Optional<EcrImageReference> ecr = EcrImageReference.parse(image.asText(null));
        if (ecr.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> target = registries.target(ecr.get());
        Set<String> sources = registries.targetRepository(ecr.get()).map(index::ecrSourcesOf).orElse(Set.of());
        if (sources.size() > 1) {
            // I2: two accounts or regions with the same repository path would overwrite each other in ACR.
            return Optional.of(Change.finding(path, image, "I2", "ECR repositories " + String.join(" and ", sources)
                    + " would both go to " + registries.targetRepository(ecr.get()).orElseThrow() + ": give each registry "
                    + "its own prefix under registries in eks2aks.yaml, e.g. " + ecr.get().host() + ": <acr>.azurecr.io/"
                    + ecr.get().account() + "-" + ecr.get().region() + " (catalog I2)").withMappingKeys("registries"));
        } else if (target.isPresent()) {
            return Optional.of(Change.replace(path, image, TextNode.valueOf(target.get()), ID, RuleMode.AUTO,
                    "ECR image of " + what + " is pulled from ACR; repository, tag and digest kept (" + SOURCE + ")"));
        }
        return Optional.of(Change.finding(path, image, ID, "No ACR target for ECR registry " + ecr.get().host()
                + " (image of " + what + "): " + names.setTarget(ecr.get().host()))
                .withMappingKeys(FrontEndNames.targetKeys(ecr.get().host())));
    }

    private static String describe(PodSpecs.ContainerAt container) {
        String kind = switch (container.list()) {
            case "initContainers" -> "init container";
            case "ephemeralContainers" -> "ephemeral container";
            default -> "container";
        };
        return kind + " '" + container.name() + "'";
    }
}
