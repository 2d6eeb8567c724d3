/**
 * Karpenter rules of the EKS→AKS catalog (§6.2: KP1–KP3). AKS node auto-provisioning (NAP) is Karpenter, so
 * {@code karpenter.sh/v1} NodePools carry over, pointing at an AKSNodeClass and asking for Azure VM properties
 * instead of EC2 ones (§6.1 S10); EC2NodeClasses become AKSNodeClasses once the node image family is chosen.
 */
package io.jenkins.plugins.eks2aks.manifests.rules.karpenter;
