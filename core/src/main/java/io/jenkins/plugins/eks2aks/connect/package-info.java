/**
 * Turns a {@link io.jenkins.plugins.eks2aks.clusters.ClusterAccess} into a Kubernetes client, the same way for every
 * command and step. It sits above {@code clusters} and {@code inventory}: an EKS cluster is opened through
 * inventory's {@code EksConnection}, which is itself built from the settings and clients in {@code clusters}.
 */
package io.jenkins.plugins.eks2aks.connect;
