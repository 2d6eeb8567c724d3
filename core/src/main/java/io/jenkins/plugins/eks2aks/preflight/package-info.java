/**
 * aksPreflight: proves the target AKS cluster is ready before anything is moved. Facts come from Azure Resource
 * Manager (the managed cluster) and from the cluster's Kubernetes API; requirements from the inventory. Each check
 * passes, fails with the command that fixes it, or says why it could not be checked. Reports: JSON, Markdown, and
 * JUnit XML so Jenkins shows the checks as test results.
 */
package io.jenkins.plugins.eks2aks.preflight;
