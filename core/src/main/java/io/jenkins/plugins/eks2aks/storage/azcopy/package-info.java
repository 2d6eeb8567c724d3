/** The AzCopy engine: runs the real azcopy binary and reads its JSON progress lines. */
package io.jenkins.plugins.eks2aks.storage.azcopy;
