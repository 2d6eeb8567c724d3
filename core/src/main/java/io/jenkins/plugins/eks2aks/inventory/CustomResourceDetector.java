package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.HelmValuesFrom;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.rules.FluxImageRepositoryRule;
import io.jenkins.plugins.eks2aks.manifests.rules.custom.AwsInOtherToolsRule;
import io.jenkins.plugins.eks2aks.manifests.rules.custom.CustomResourceScanRule;
import io.jenkins.plugins.eks2aks.manifests.rules.custom.HelmValuesFromRule;
import io.jenkins.plugins.eks2aks.manifests.rules.custom.HelmValuesScan;
import io.jenkins.plugins.eks2aks.manifests.rules.system.AddonReleases;

import java.util.Optional;
import java.util.Set;

/**
 * AWS settings inside custom resources (catalog CR1): the deep scan {@code convert} runs, so the inventory lists
 * exactly what the conversion will change or ask about (an internal load balancer in a HelmRelease's values, an
 * operator's ECR image, an IRSA role for the ServiceAccount a chart creates…), each with its path. The values a
 * HelmRelease takes from a ConfigMap ({@code valuesFrom}) are scanned the same way once every object is seen; a
 * Secret's values are named, never read.
 */
final class CustomResourceDetector implements Detector {

    /** What may turn public or stop working on AKS if nobody acts. */
    private static final Set<String> HIGH = Set.of("L3", "N2", "L1", "W1", CustomResourceScanRule.ID);

    private final AwsInOtherToolsRule otherTools = new AwsInOtherToolsRule();
    private final CustomResourceScanRule scan;
    private final FluxImageRepositoryRule flux;
    private final FrontEndNames frontEnd;

    private final HelmValuesSources valuesFrom;

    /**
     * {@code valuesFrom} is fed every object by the collector; the values it finds are read at {@link #finish}.
     * {@code frontEnd} names the image copy and the commands the scan's findings send the user to; an inventory has
     * no ACR option, so they name the mapping file's keys only.
     */
    CustomResourceDetector(HelmValuesSources valuesFrom, FrontEndNames frontEnd) {
        this.valuesFrom = valuesFrom;
        this.frontEnd = frontEnd.withAcrOptions(null, null);
        RuleContext context = RuleContext.defaults(this.frontEnd);
        this.scan = new CustomResourceScanRule(context);
        this.flux = new FluxImageRepositoryRule(context.mapping().registryMap(), this.frontEnd);
    }

    @Override
    public void inspect(ClusterObject o, Findings findings) {
        KubeObject object = o.asKubeObject();
        if (otherTools.appliesTo(object)) {
            otherTools.apply(object).forEach(c -> findings.add(c.ruleId(), Severity.HIGH, o.ref(),
                    CustomResourceScanRule.path(c.path()), text(c.before()), c.reason(), c.mode()));
        }
        if (!scan.appliesTo(object)) {
            return;
        }
        Optional<String[]> addon = AddonReleases.of(object);
        if (addon.isPresent()) {
            // convert leaves the release out like the add-on it installs: its values are not worth a finding each.
            findings.add(addon.get()[0], Severity.INFO, o.ref(), "spec", "installs an EKS add-on", addon.get()[1], RuleMode.EXCLUDE);
            return;
        }
        if (flux.appliesTo(object)) {
            flux.apply(object).forEach(c -> findings.add(c.ruleId(), Severity.MEDIUM, o.ref(), "spec.provider", "aws (ECR)",
                    "provider azure on the ACR repository; " + c.reason(), RuleMode.AUTO_WARN));
        }
        scan.apply(object).forEach(c -> add(c, o.ref(), findings));
    }

    /**
     * The values HelmReleases take from ConfigMaps, scanned as convert scans them; a Secret's values (never read),
     * or a ConfigMap's the input does not have or that are not YAML, are a finding on the HelmRelease.
     */
    @Override
    public void finish(Findings findings) {
        for (HelmValuesSources.Source source : valuesFrom.sources()) {
            HelmValuesFrom.Reference ref = source.reference();
            ClusterObject configMap = source.configMap();
            HelmValuesScan.Result result = configMap == null ? null : HelmValuesScan.of(scan, configMap.asKubeObject(), ref);
            if (result == null || result.unreadable() != null) {
                String why = result != null ? "values from " + ref.describe() + " are not read: " + result.unreadable()
                        : source.notKept() ? "ConfigMap " + ref.name() + " is not read: the inventory keeps ConfigMap data up to "
                                + HelmValuesSources.DEFAULT_BUDGET / (1024 * 1024) + " Mi characters and this input holds more "
                                + "(convert reads it from the manifests)"
                        : ref.kind().equals("ConfigMap") ? "ConfigMap " + ref.name() + " is not in the input: its values are not read"
                        : "values from " + ref.kind() + " " + ref.name() + " are not read";
                findings.add(CustomResourceScanRule.ID, Severity.HIGH, source.helmRelease(), "spec.valuesFrom[" + ref.index() + "]",
                        ref.describe(), why + "; " + HelmValuesFromRule.CHECK, RuleMode.HUMAN);
            } else {
                result.changes().forEach(c -> add(c, configMap.ref(), findings));
            }
        }
    }

    private void add(Change c, ObjectRef ref, Findings findings) {
        if (c.op() != null && c.op().equals("remove") && c.mode() != RuleMode.HUMAN) {
            return; // the removal that goes with an addition, or a setting AKS has no use for: the addition says it
        }
        String field = CustomResourceScanRule.path(c.path());
        if (c.ruleId().equals("I1") && c.mode() == RuleMode.HUMAN && c.reason().startsWith("No ACR target")) {
            // convert asks for an ACR target; the inventory's answer is the image list the image copy reads.
            findings.add("I1", Severity.MEDIUM, ref, field, text(c.before()), RegistryDetector.copyToAcr(frontEnd), RuleMode.AUTO);
            return;
        }
        Severity severity = HIGH.contains(c.ruleId()) || c.mode() == RuleMode.HUMAN ? Severity.HIGH : Severity.MEDIUM;
        findings.add(c.ruleId(), severity, ref, field, text(c.before() != null ? c.before() : c.after()), c.reason(), c.mode());
    }

    private static String text(JsonNode value) {
        if (value == null) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
