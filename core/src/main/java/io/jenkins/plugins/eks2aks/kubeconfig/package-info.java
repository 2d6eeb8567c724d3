/**
 * Kubeconfig files for the migration's clusters, as {@code kubectl}, {@code velero} and {@code helm} read them: for an
 * EKS cluster with an EKS token (what {@code aws eks get-token} makes), for an AKS cluster from ARM's user (or, when
 * asked, admin) credentials with an Entra token in place of {@code kubelogin}. Every secret a file holds is listed
 * beside it, so a front end can mask it.
 */
package io.jenkins.plugins.eks2aks.kubeconfig;
