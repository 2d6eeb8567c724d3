/** Client-side copy: images and blobs from registry to registry, digest-exact, bounded and resumable. */
package io.jenkins.plugins.eks2aks.images.copy;
