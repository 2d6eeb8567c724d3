/**
 * {@code eks2aks plan} / {@code migrationPlan}: the whole migration as an ordered list of steps with the work each
 * has to do, an estimate of how long it takes (measured on this installation when a ledger says, else stated
 * defaults) and every decision still open with the mapping key that settles it. Reads only; writes
 * {@code plan.json} and {@code plan.md}.
 */
package io.jenkins.plugins.eks2aks.plan;
