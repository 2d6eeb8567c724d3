/**
 * Cloud credentials as the engine receives them: plain values resolved at the edge (the CLI from the environment
 * and the SDK chains, the Jenkins steps from credential ids or bound variables). Their {@code toString} never
 * shows a secret, and nothing here logs them.
 */
package io.jenkins.plugins.eks2aks.credentials;
