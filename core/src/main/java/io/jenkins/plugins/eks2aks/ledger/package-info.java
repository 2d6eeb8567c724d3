/**
 * The migration ledger ({@code ledger.json} in a migration's output folder): one entry per finished step with the
 * digest of its inputs, its outputs, when it ran and how it ended. A re-run skips a step whose inputs are unchanged;
 * {@code plan} reads the throughputs it measured to estimate the next run.
 */
package io.jenkins.plugins.eks2aks.ledger;
