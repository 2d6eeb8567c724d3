package io.jenkins.plugins.eks2aks.steps.kubeconfig;

import io.jenkins.plugins.eks2aks.credentials.SecretMask;
import org.jenkinsci.plugins.workflow.log.TaskListenerDecorator;

import java.io.OutputStream;

/**
 * A step's log with every EKS token ({@code k8s-aws-v1.…}) shown as {@code ****}, a line at a time (as
 * credentials-binding masks, so a token split over two writes is still found). It travels with the log to the agent
 * where a {@code sh} runs and masks there, before the text crosses the channel: it has no fields, so nothing but its
 * own class (a plugin class, which the controller's class filter accepts) is serialized.
 */
final class EksTokenDecorator extends TaskListenerDecorator {

    private static final long serialVersionUID = 1L;

    @Override
    public OutputStream decorate(OutputStream logger) {
        return SecretMask.EKS_TOKENS.wrap(logger);
    }

    @Override
    public String toString() {
        return "EksTokenDecorator[masks EKS tokens]";
    }
}
