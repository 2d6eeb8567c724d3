/**
 * Manifest conversion: read YAML/JSON manifests, run the EKS→AKS rules, write the converted manifests and the
 * report. Rules return changes with a reason; they never modify their input.
 */
package io.jenkins.plugins.eks2aks.manifests;
