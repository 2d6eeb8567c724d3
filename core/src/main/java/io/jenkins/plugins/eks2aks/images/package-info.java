/**
 * Container images: ECR references and where they go in ACR (used by the manifest converter), and the image
 * migration itself ({@link io.jenkins.plugins.eks2aks.images.ImageMigration}): ACR server-side import ({@code acr}) or a
 * digest-exact registry-to-registry copy ({@code copy} over the OCI client in {@code registry}), with ECR tokens
 * ({@code ecr}), outputs in {@code report}; repository selections ({@code shop/*}, a tag rule) expanded into references by
 * {@code select}.
 */
package io.jenkins.plugins.eks2aks.images;
