package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.Comparator;

/**
 * One AWS dependency of one object.
 *
 * @param rule            the catalog rule (eks-to-aks-mapping.md), e.g. {@code W1}
 * @param severity        how much it matters
 * @param object          the object; EKS API resources use the pseudo apiVersion {@code eks.amazonaws.com}
 * @param field           where in the object, e.g. {@code metadata.annotations[eks.amazonaws.com/role-arn]}
 * @param detected        what was found
 * @param azureEquivalent what replaces it on AKS
 * @param mode            how the catalog handles it
 * @param fixedByConvert  whether {@code convertManifests} changes it without anyone's help
 */
public record Finding(String rule, Severity severity, ObjectRef object, String field, String detected,
                      String azureEquivalent, RuleMode mode, boolean fixedByConvert) {

    /** Report order: most severe first, then by rule, object and field, so two runs list them identically. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::rule, Finding::compareRuleIds)
            .thenComparing(f -> f.object().toString())
            .thenComparing(Finding::field);

    /** W1 < W10, L3 < L20: the letter, then the number. */
    static int compareRuleIds(String a, String b) {
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        if (!pa.equals(pb)) {
            return pa.compareTo(pb);
        }
        String na = a.substring(pa.length());
        String nb = b.substring(pb.length());
        if (na.isEmpty() || nb.isEmpty()) {
            return na.compareTo(nb);
        }
        return Integer.compare(Integer.parseInt(na), Integer.parseInt(nb));
    }
}
