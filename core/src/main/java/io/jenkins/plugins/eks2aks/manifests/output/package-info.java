/**
 * Outputs written from a conversion's change list besides the converted files: a Kustomize overlay on the
 * input, and the ConfigMaps Velero needs to restore an EKS backup on AKS with the same result.
 */
package io.jenkins.plugins.eks2aks.manifests.output;
