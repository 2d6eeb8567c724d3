/**
 * Turns a {@link io.jenkins.plugins.eks2aks.clusters.ClusterAccess} into a Kubernetes client, the same way for every
 * command and step. It sits above {@code clusters} only: an EKS cluster is opened from DescribeCluster alone
 * ({@code clusters.EksApiServer}), not from the inventory's full read of the control plane, whose List/Describe
 * permissions a least-privilege backup or restore role does not hold.
 */
package io.jenkins.plugins.eks2aks.connect;
