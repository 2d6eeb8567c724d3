package io.jenkins.plugins.eks2aks.steps.kubeconfig;

import hudson.Extension;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.log.TaskListenerDecorator;

/**
 * Masks the EKS tokens that {@code eksKubeconfig} renews while its block runs. {@code withCredentials} masks only the
 * values a binding returns when the block starts, and the renewed tokens come later (into the kubeconfig and its
 * token file, where {@code cat $KUBECONFIG} or {@code kubectl config view --raw} would print them). Pipeline asks this
 * factory for a decorator each time a step gets its log, so every step that starts while a build has a renewing
 * binding (a {@code sh} inside the block, on any agent) masks every EKS token by its shape; other builds, and steps
 * after the block, are left untouched.
 */
@Extension
public final class EksTokenMasking implements TaskListenerDecorator.Factory {

    @Override
    public TaskListenerDecorator of(FlowExecutionOwner owner) {
        return TokenRenewals.renewsFor(owner.getExternalizableId()) ? new EksTokenDecorator() : null;
    }
}
