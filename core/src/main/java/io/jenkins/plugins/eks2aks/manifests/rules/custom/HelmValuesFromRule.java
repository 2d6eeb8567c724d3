package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConfigMapGenerators;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.HelmValuesFrom;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CR1 for the values a Flux HelmRelease takes from elsewhere ({@code spec.valuesFrom}): a ConfigMap of the input
 * has the YAML text under its key scanned like {@code spec.values} ({@link HelmValuesScan}) and rewritten, so an
 * internal load balancer set there stays internal on AKS. Values this tool does not read (a Secret's, a ConfigMap
 * the input does not have, text that is not YAML) are a decision naming the HelmRelease and the reference, since
 * they may hold the same AWS settings. Secret data is never read nor printed.
 */
public final class HelmValuesFromRule implements ConversionRule {

    /** What a person checks in values this tool cannot read. */
    public static final String CHECK = "check them for AWS settings (internal load balancer annotations "
            + "service.beta.kubernetes.io/aws-load-balancer-scheme: internal or aws-load-balancer-internal, which need "
            + "service.beta.kubernetes.io/azure-load-balancer-internal: \"true\" or the load balancer is public on AKS; "
            + "ECR images, IAM role ARNs, StorageClass names, EKS node labels) and convert them as spec.values is (catalog CR1, L3)";

    private final CustomResourceScanRule scan;
    private final InputIndex index;
    /** Rules the mapping file disables: their changes inside the values are left out as the catalog leaves out theirs. */
    private final Set<String> disabled;

    public HelmValuesFromRule(RuleContext context) {
        this.scan = new CustomResourceScanRule(context);
        this.index = context.index();
        this.disabled = context.mapping().disabledRules();
    }

    @Override
    public String id() {
        return CustomResourceScanRule.ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return HelmValuesFrom.isHelmRelease(object) && object.at("/spec/valuesFrom").size() > 0
                || "ConfigMap".equals(object.kind()) && object.ref().apiVersion().equals("v1") && !index.helmValuesIn(object).isEmpty();
    }

    @Override
    public List<Change> apply(KubeObject object) {
        return HelmValuesFrom.isHelmRelease(object) ? unread(object) : configMap(object);
    }

    /** The references of a HelmRelease whose values are not in a ConfigMap of the input. */
    private List<Change> unread(KubeObject helmRelease) {
        List<Change> out = new ArrayList<>();
        Changes c = Changes.of(helmRelease, CustomResourceScanRule.ID);
        String namespace = index.namespaceOf(helmRelease);
        for (HelmValuesFrom.Reference ref : HelmValuesFrom.of(helmRelease, namespace)) {
            boolean inInput = ref.kind().equals("ConfigMap")
                    && index.namespacesOf(helmRelease).stream().anyMatch(n -> index.hasConfigMap(n, ref.name()));
            Optional<ConfigMapGenerators.Match> generated = inInput || !ref.kind().equals("ConfigMap") ? Optional.empty()
                    : index.generatedValues(helmRelease, ref);
            if (generated.isPresent() && generated.get().file() != null) {
                continue; // the values file the generator reads is scanned and rewritten (GeneratedHelmValues)
            }
            if (generated.isPresent()) {
                out.add(c.decision("/spec/valuesFrom/" + ref.index(), "HelmRelease " + ref.helmRelease() + " takes values from "
                        + ref.describe() + ": " + generated.get().describe() + " makes it, but not from a file of the input "
                        + "under that key (literals, envs, or a file outside the input are not read): " + CHECK));
            } else if (!inInput) {
                String why = ref.kind().equals("ConfigMap") ? "ConfigMap " + ref.name() + " is not in the input, so its values are not read"
                        : "values from " + ref.kind() + " " + ref.name() + " are not read";
                out.add(c.decision("/spec/valuesFrom/" + ref.index(), "HelmRelease " + ref.helmRelease() + " takes values from "
                        + ref.describe() + ": " + why + ": " + CHECK));
            }
        }
        return out;
    }

    /** The values a ConfigMap gives HelmReleases, one scan per key and targetPath. */
    private List<Change> configMap(KubeObject configMap) {
        Map<String, List<HelmValuesFrom.Reference>> byValues = new LinkedHashMap<>();
        for (HelmValuesFrom.Reference ref : index.helmValuesIn(configMap)) {
            byValues.computeIfAbsent(ref.valuesKey() + "\n" + ref.targetPath(), k -> new ArrayList<>()).add(ref);
        }
        List<Change> out = new ArrayList<>();
        for (List<HelmValuesFrom.Reference> refs : byValues.values()) {
            HelmValuesFrom.Reference ref = refs.get(0);
            out.addAll(values(scan, disabled, configMap, refs, "ConfigMap " + ref.namespace() + "/"
                    + configMap.ref().name() + " key " + ref.valuesKey()));
        }
        return out;
    }

    /**
     * The changes of the values {@code configMap} gives references {@code refs} (one key and targetPath), the
     * rewrite of the whole text reasoned as {@code where} ({@code ConfigMap podinfo/podinfo-values key values.yaml}).
     */
    static List<Change> values(CustomResourceScanRule scan, Set<String> disabled, KubeObject configMap,
                               List<HelmValuesFrom.Reference> refs, String where) {
        List<Change> out = new ArrayList<>();
        HelmValuesFrom.Reference ref = refs.get(0);
        String releases = String.join(", ", refs.stream().map(HelmValuesFrom.Reference::helmRelease).distinct().toList());
        String of = " (values of HelmRelease " + releases + (ref.targetPath() == null ? "" : " at targetPath " + ref.targetPath()) + ")";
        HelmValuesScan.Result result = HelmValuesScan.of(scan, configMap, ref, c -> !disabled.contains(c.ruleId()));
        if (result.unreadable() != null) {
            out.add(Changes.of(configMap, CustomResourceScanRule.ID).decision(HelmValuesScan.pointer(ref), "HelmRelease "
                    + releases + " takes values from " + ref.describe() + (where.startsWith("ConfigMap ") ? "" : " (" + where + ")") + ", but " + result.unreadable() + ": " + CHECK));
            return out;
        }
        List<Change> applicable = result.changes().stream().filter(c -> c.mode().applies()).toList();
        // Findings in a generator's values file also say where that file is: the ConfigMap is not in the input.
        String in = where.startsWith("ConfigMap ") ? "" : " in " + where;
        result.changes().stream().filter(c -> !c.mode().applies()).forEach(c -> out.add(c.withReason(c.reason() + of + in)));
        if (result.text() == null) {
            // Not writable back: each change is for a person to make, where the values are set.
            applicable.forEach(c -> out.add(new Change(null, c.path(), c.before(), c.after(), c.ruleId(), RuleMode.HUMAN,
                    c.reason() + of + in + "; this tool cannot write it into a value merged at targetPath: make the change "
                            + "by hand", c.mappingKeys())));
        } else {
            out.add(rewrite(configMap, ref, result.text(), applicable, where + of));
        }
        return out;
    }

    /** One change of the whole values text, carrying every change made inside it. */
    private static Change rewrite(KubeObject configMap, HelmValuesFrom.Reference ref, String text, List<Change> inside, String where) {
        Set<String> rules = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        boolean warn = false;
        for (Change c : inside) {
            rules.add(c.ruleId());
            reasons.add(c.reason());
            keys.addAll(c.mappingKeys());
            warn |= c.mode() == RuleMode.AUTO_WARN;
        }
        String rule = rules.size() == 1 ? rules.iterator().next() : CustomResourceScanRule.ID;
        String reason = where + " rewritten: " + String.join("; ", reasons);
        return Changes.of(configMap, rule).replace(HelmValuesScan.pointer(ref), TextNode.valueOf(text),
                warn ? RuleMode.AUTO_WARN : RuleMode.AUTO, reason).withMappingKeys(List.copyOf(keys));
    }
}
