package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.images.EcrImageReference;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.PodSpecs;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

/** Images pulled from Amazon ECR (catalog §1: I1 private, I3 ECR Public). */
final class RegistryDetector implements Detector {

    private final FrontEndNames frontEnd;

    /** @param frontEnd how the front end names the image copy a finding sends the user to */
    RegistryDetector(FrontEndNames frontEnd) {
        this.frontEnd = frontEnd;
    }

    /** What an ECR image becomes, and what copies it there, in the front end's words. */
    static String copyToAcr(FrontEndNames frontEnd) {
        return "the same repository, tag and digest in Azure Container Registry (copy with " + frontEnd.copyImages() + ")";
    }

    @Override
    public void inspect(ClusterObject o, Findings findings) {
        if (o.isOwnedByController()) {
            return; // its owner's template carries the same images; one finding per image is enough
        }
        for (PodSpecs.ContainerAt c : PodSpecs.containers(o.asKubeObject())) {
            String image = c.container().path("image").asText("");
            String field = IdentityDetector.pointer(c.pointer()) + ".image";
            if (EcrImageReference.parse(image).isPresent()) {
                findings.add("I1", Severity.MEDIUM, o.ref(), field, image, copyToAcr(frontEnd), RuleMode.AUTO);
            } else if (image.startsWith("public.ecr.aws/")) {
                findings.add("I3", Severity.LOW, o.ref(), field, image, "keep (public) or import into ACR", RuleMode.HUMAN);
            }
        }
    }
}
