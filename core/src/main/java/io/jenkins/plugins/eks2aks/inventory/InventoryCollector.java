package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion;
import io.jenkins.plugins.eks2aks.kubernetes.SupportCalendar;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.KustomizationImages;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.rules.custom.HelmValuesScan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Feeds each object to every collector and detector, then assembles the {@link Inventory}. */
final class InventoryCollector {

    private final HelmValuesSources helmValues = new HelmValuesSources();
    private final List<Detector> detectors;
    private final WorkloadCounts counts = new WorkloadCounts();
    private final ImageCatalog images = new ImageCatalog();
    private final Findings findings = new Findings();
    private final StatefulFootprint storage = new StatefulFootprint();
    private final NodeSummary nodes = new NodeSummary();
    private final TreeSet<String> crds = new TreeSet<>();
    private final ApiUsageScanner apis;
    private final FrontEndNames frontEnd;
    private boolean karpenter;
    private int fargatePods;

    /** @param frontEnd how the front end names the image copy the image findings send the user to */
    InventoryCollector(KubernetesVersion target, FrontEndNames frontEnd) {
        this.apis = new ApiUsageScanner(target);
        this.frontEnd = frontEnd;
        this.detectors = List.of(new IdentityDetector(), new StorageDetector(), new NetworkDetector(),
                new SecretsDetector(), new SchedulingDetector(), new AddonDetector(), new RegistryDetector(frontEnd),
                new CustomResourceDetector(helmValues, frontEnd));
    }

    void accept(ClusterObject o) {
        counts.add(o);
        images.add(o);
        helmValues.add(o);
        storage.add(o);
        nodes.add(o);
        apis.add(o);
        for (Detector d : detectors) {
            d.inspect(o, findings);
        }
        if ("CustomResourceDefinition".equals(o.kind())) {
            crds.add(o.ref().name());
        }
        String group = o.ref().apiVersion().split("/")[0];
        karpenter |= group.equals("karpenter.sh") || group.equals("karpenter.k8s.aws")
                || ("Deployment".equals(o.kind()) && "karpenter".equals(o.ref().name()));
        if ("Pod".equals(o.kind()) && o.labels().has("eks.amazonaws.com/fargate-profile")) {
            fargatePods++;
        }
    }

    /** An ECR image a kustomization's {@code images:} sets: listed for the image copy, and a finding like a container's. */
    void acceptKustomizationImage(KustomizationImages.Image image) {
        ObjectRef ref = new ObjectRef(KustomizationImages.API_VERSION, KustomizationImages.KIND, null, image.file());
        images.add(ref, image.reference(), "images");
        findings.add("I1", Severity.MEDIUM, ref, "images", image.reference(),
                RegistryDetector.copyToAcr(frontEnd) + "; convert rewrites the kustomization",
                io.jenkins.plugins.eks2aks.manifests.RuleMode.AUTO);
    }

    Inventory build(String source, boolean live, EksControlPlane cp, KubernetesVersion sourceVersion,
                    KubernetesVersion target, LocalDate today, List<String> served, List<String> notes) {
        detectors.forEach(d -> d.finish(findings));
        // Images a chart runs from values a HelmRelease takes from a ConfigMap: the image copy takes them too.
        for (HelmValuesSources.Source values : helmValues.sources()) {
            if (values.configMap() != null) {
                HelmValuesScan.images(values.configMap().asKubeObject(), values.reference())
                        .forEach(image -> images.add(values.configMap().ref(), image.reference(), image.path()));
            }
        }
        List<String> allNotes = new ArrayList<>(notes);
        List<EksControlPlane.Nodegroup> groups = cp != null ? cp.nodegroups() : nodes.nodegroups();
        if (cp != null) {
            ControlPlaneFindings.add(cp, findings);
            allNotes.addAll(cp.notes());
            for (EksControlPlane.Insight i : cp.insights()) {
                if ("UPGRADE_READINESS".equals(i.category()) && !"PASSING".equals(i.status())) {
                    apis.addInsight(new ObjectRef(ControlPlaneFindings.EKS_API, "Insight", null, i.name()), i.name(),
                            i.kubernetesVersion(), i.description());
                }
            }
        } else if (groups.isEmpty()) {
            allNotes.add("No node groups: the EKS API was not read and the input has no Node objects, so there is no node-pool plan");
        }
        List<String> compute = new ArrayList<>();
        if (cp != null && !cp.fargateProfiles().isEmpty() || fargatePods > 0) {
            compute.add("Fargate (" + (cp == null ? 0 : cp.fargateProfiles().size()) + " profiles, " + fargatePods
                    + " Fargate pods seen): run these pods on a regular AKS node pool, or on AKS virtual nodes (ACI; needs Azure CNI, no Workload ID)");
        }
        if (karpenter) {
            compute.add("Karpenter: AKS node auto-provisioning (NAP) runs Karpenter for you: --node-provisioning-mode Auto "
                    + "(Azure CNI Overlay with Cilium); convert NodePools and EC2NodeClasses (AKSNodeClass)");
        }
        if (cp != null && cp.autoMode()) {
            compute.add("EKS Auto Mode: AKS node auto-provisioning (NAP) with the default node pools");
        }
        String status = sourceVersion == null ? "unknown (give the source version)" : support(cp, sourceVersion, today);
        return new Inventory(source, live, sourceVersion, status, target, cp, NodePoolPlanner.plan(groups), compute, counts,
                images.images(), findings.sorted(), apis.usages(), storage.claims(), served, List.copyOf(crds), allNotes);
    }

    private static String support(EksControlPlane cp, KubernetesVersion v, LocalDate today) {
        var window = SupportCalendar.eks(v);
        LocalDate standard = cp != null && cp.endOfStandardSupport() != null ? cp.endOfStandardSupport()
                : window.map(SupportCalendar.EksWindow::endOfStandard).orElse(null);
        LocalDate extended = cp != null && cp.endOfExtendedSupport() != null ? cp.endOfExtendedSupport()
                : window.map(SupportCalendar.EksWindow::endOfExtended).orElse(null);
        return SupportCalendar.eksStatus(v, standard, extended, today);
    }
}
