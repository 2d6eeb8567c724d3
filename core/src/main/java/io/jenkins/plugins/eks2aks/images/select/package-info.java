/**
 * Repository selections for the image migration: instead of listing every reference, name a repository or a prefix
 * ({@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/*}) with a tag rule, and {@link
 * io.jenkins.plugins.eks2aks.images.select.ImageSelector} expands it into references through a {@link
 * io.jenkins.plugins.eks2aks.images.select.RegistryCatalog}: ECR's own API ({@link
 * io.jenkins.plugins.eks2aks.images.select.EcrCatalog}), or another catalog for other registries.
 */
package io.jenkins.plugins.eks2aks.images.select;
