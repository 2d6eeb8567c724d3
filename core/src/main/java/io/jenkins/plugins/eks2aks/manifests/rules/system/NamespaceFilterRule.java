package io.jenkins.plugins.eks2aks.manifests.rules.system;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ClusterScoped;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.List;

/** NS: objects of namespaces the mapping file leaves out are not migrated (key {@code namespaces}). */
public final class NamespaceFilterRule implements ConversionRule {

    public static final String ID = "NS";

    private final MigrationMapping mapping;

    public NamespaceFilterRule(MigrationMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return !mapping.includeNamespaces().isEmpty() || !mapping.excludeNamespaces().isEmpty();
    }

    @Override
    public List<Change> apply(KubeObject object) {
        String namespace = ClusterScoped.namespaceOf(object);
        if (mapping.includesNamespace(namespace)) {
            return List.of();
        }
        return List.of(Changes.of(object, ID).exclude("namespace '" + namespace
                + "' is left out by the mapping file (namespaces.include / namespaces.exclude)"));
    }
}
