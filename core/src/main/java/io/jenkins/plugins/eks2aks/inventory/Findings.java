package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects findings, one per object, rule and field however often the same thing is seen. */
public final class Findings {

    private final List<Finding> list = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    public void add(String rule, Severity severity, ObjectRef object, String field, String detected, String azure,
                    RuleMode mode) {
        if (seen.add(rule + "\u0000" + object + "\u0000" + field)) {
            // System namespaces are not migrated (AKS brings its own components): listed, but not as work to do.
            boolean system = SystemNamespaces.contains(object.namespace());
            list.add(new Finding(rule, system ? Severity.INFO : severity, object, field, detected, azure, mode,
                    !system && ConvertCoverage.fixes(rule, mode)));
        }
    }

    /** The findings in report order. */
    public List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(list);
        out.sort(Finding.ORDER);
        return out;
    }
}
