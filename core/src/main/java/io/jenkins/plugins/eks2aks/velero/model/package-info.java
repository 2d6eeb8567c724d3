/**
 * Velero's API types ({@code velero.io/v1}) that eks2aks creates and watches, with Velero's exact field names
 * ({@code pkg/apis/velero/v1/backup_types.go}, {@code restore_types.go}, {@code backupstoragelocation_types.go}):
 * only the fields eks2aks sets or reads. Unknown fields are ignored, so newer Velero versions read fine.
 */
package io.jenkins.plugins.eks2aks.velero.model;
