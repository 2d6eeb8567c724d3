/**
 * Azure Container Registry: server-side import through the ARM API, its documented limits, and the Entra ID token
 * exchange for the registry API.
 */
package io.jenkins.plugins.eks2aks.images.acr;
