/** The gate before a restore: the destination holds every source object, whole and equal. */
package io.jenkins.plugins.eks2aks.storage.verify;
