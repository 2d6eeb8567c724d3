/**
 * Kubernetes facts that several features share: the API versions each release removed, the support calendars of
 * EKS and AKS, and how to compare versions. No I/O.
 */
package io.jenkins.plugins.eks2aks.kubernetes;
