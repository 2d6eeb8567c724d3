/**
 * A focused OCI distribution client on the JDK's HTTP client: one class per registry endpoint ({@link
 * io.jenkins.plugins.eks2aks.images.registry.Manifests}, {@link io.jenkins.plugins.eks2aks.images.registry.Blobs},
 * {@link io.jenkins.plugins.eks2aks.images.registry.BlobUploads}, {@link
 * io.jenkins.plugins.eks2aks.images.registry.Referrers}) over one transport that authenticates and retries. Manifests
 * are handled as bytes so digests never change.
 */
package io.jenkins.plugins.eks2aks.images.registry;
