/**
 * The stateful half of the migration, driven through Velero's API with fabric8 (no {@code velero} binary): back up
 * on EKS ({@code backup}), restore on AKS through a read-only location with storage-class and image mapping
 * ({@code restore}), and check what Velero's {@code Completed} does not prove ({@code verify}). Shared here: Velero's
 * install checks, waiting on a phase by watching, durations in Go's notation, outcomes and result files.
 */
package io.jenkins.plugins.eks2aks.velero;
