package io.jenkins.plugins.eks2aks.manifests.rules.api;

import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.List;
import java.util.Optional;

/**
 * A rule for objects whose API version the target AKS version no longer serves. Only removals at or before the
 * target are converted: an older target may still serve the old version, and converting early would be a change
 * the target does not need.
 */
abstract class RemovedApiRule implements ConversionRule {

    private final String id;
    protected final RuleContext context;
    protected final KubernetesVersion target;

    RemovedApiRule(String id, RuleContext context) {
        this.id = id;
        this.context = context;
        this.target = KubernetesVersion.of(context.mapping().targetAksVersion());
    }

    @Override
    public final String id() {
        return id;
    }

    /** Whether this rule is the one that converts objects of this kind (at whatever API version). */
    abstract boolean handles(KubeObject object);

    /** The changes for an object whose API version {@code removal} says the target no longer serves. */
    abstract List<Change> convert(KubeObject object, ApiRemovals.Removal removal);

    @Override
    public final boolean appliesTo(KubeObject object) {
        return handles(object) && removal(object).isPresent();
    }

    @Override
    public final List<Change> apply(KubeObject object) {
        return convert(object, removal(object).orElseThrow());
    }

    private Optional<ApiRemovals.Removal> removal(KubeObject object) {
        return ApiRemovals.removedBy(object.ref().apiVersion(), object.kind(), target);
    }

    Changes changes(KubeObject object) {
        return Changes.of(object, id);
    }

    /** The apiVersion change, with a reason that says what removed the old one and where this rule comes from. */
    Change apiVersion(KubeObject object, ApiRemovals.Removal removal, String to, RuleMode mode, String more) {
        return changes(object).replace("/apiVersion", to, mode, removed(object, removal) + ": " + to
                + (more.isEmpty() ? "" : "; " + more) + source());
    }

    String removed(KubeObject object, ApiRemovals.Removal removal) {
        return object.ref().apiVersion() + " " + object.kind() + " is not served since Kubernetes " + removal.removedIn()
                + " (target AKS " + target + ")";
    }

    String source() {
        return " (catalog §8.1 " + id + "; S24)";
    }
}
