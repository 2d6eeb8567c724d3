/**
 * Access to the source and target clusters: AWS configuration resolved the way AWS tools read it, the EKS client,
 * the EKS bearer token for the Kubernetes API, fabric8 clients for EKS (trusting the cluster's own CA) and for
 * kubeconfigs, and the Azure Resource Manager client for AKS. Callers build these once, at the edge, and pass them in.
 */
package io.jenkins.plugins.eks2aks.clusters;
