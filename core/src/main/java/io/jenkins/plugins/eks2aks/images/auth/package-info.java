/**
 * Registry credentials as the engine receives them: already resolved at the edge (CLI options, Jenkins credentials),
 * never read from the environment here.
 */
package io.jenkins.plugins.eks2aks.images.auth;
