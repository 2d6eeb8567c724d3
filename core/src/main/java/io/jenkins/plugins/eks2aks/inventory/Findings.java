package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects findings, one per object, rule and field however often the same thing is seen. A large estate has a
 * finding for a good part of its objects, so they are kept small: the texts that repeat from finding to finding
 * (kinds, namespaces, fields, Azure equivalents, images) are stored once.
 */
public final class Findings {

    /** What makes two findings the same: the rule, the object as reports name it, and the field. */
    private record Key(String rule, String kind, String namespace, String name, String field) {
    }

    private final List<Finding> list = new ArrayList<>();
    private final Set<Key> seen = new HashSet<>();
    private final Map<String, String> texts = new HashMap<>();

    public void add(String rule, Severity severity, ObjectRef object, String field, String detected, String azure,
                    RuleMode mode) {
        // Keys and findings share the stored texts, so a finding costs little more than its object's name.
        String kind = text(object.kind());
        String namespace = text(object.namespace());
        String at = text(field);
        // ObjectRef.toString() names an object without its apiVersion, and a missing name as <unnamed>.
        Key key = new Key(text(rule), kind, namespace, object.name() == null ? "<unnamed>" : object.name(), at);
        if (seen.add(key)) {
            // System namespaces are not migrated (AKS brings its own components): listed, but not as work to do.
            boolean system = SystemNamespaces.contains(namespace);
            ObjectRef ref = new ObjectRef(text(object.apiVersion()), kind, namespace, object.name());
            list.add(new Finding(key.rule(), system ? Severity.INFO : severity, ref, at, text(detected), text(azure), mode,
                    !system && ConvertCoverage.fixes(rule, mode)));
        }
    }

    /** The findings in report order. */
    public List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(list);
        out.sort(Finding.ORDER);
        return out;
    }

    /** One copy of each text: a detected value such as an image or a node selector repeats across thousands of objects. */
    private String text(String s) {
        return s == null ? null : texts.computeIfAbsent(s, k -> k);
    }
}
