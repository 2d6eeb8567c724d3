/**
 * {@code eks2aks migrate} and the {@code eksToAksMigration} step: the migration's steps in order, as one resumable run
 * over one output folder, with each finished step kept in the ledger ({@code ledger.json}). Traffic never moves here.
 */
package io.jenkins.plugins.eks2aks.migrate;
