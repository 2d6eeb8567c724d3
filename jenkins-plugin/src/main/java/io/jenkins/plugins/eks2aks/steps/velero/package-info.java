/**
 * The Velero steps: {@code veleroBackup} (EKS), {@code aksRestore} and {@code verifyRestore} (AKS), thin over the
 * engine's {@code velero} use cases. Credentials are resolved on the controller; the agent gets derived values only.
 */
package io.jenkins.plugins.eks2aks.steps.velero;
