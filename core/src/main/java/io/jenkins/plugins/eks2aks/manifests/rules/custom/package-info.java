/**
 * The deep scan of objects no kind-specific rule handles (custom resources, Flux HelmRelease values and the
 * ConfigMaps its valuesFrom names, Argo CD Application values): AWS settings found where their meaning is clear are converted by the same code as for
 * built-in kinds, the rest are decisions naming the object and the path.
 */
package io.jenkins.plugins.eks2aks.manifests.rules.custom;
