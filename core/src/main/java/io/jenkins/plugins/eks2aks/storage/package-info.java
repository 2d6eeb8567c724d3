/**
 * Moves the backup bucket (S3, or a local folder) into an Azure Blob container and proves nothing was lost: the
 * {@code sync-storage}/{@code azcopySync} use case with a java engine and an AzCopy engine, and the
 * {@code verify-storage}/{@code verifyStorage} gate that runs before a restore.
 */
package io.jenkins.plugins.eks2aks.storage;
