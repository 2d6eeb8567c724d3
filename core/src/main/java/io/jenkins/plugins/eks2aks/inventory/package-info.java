/**
 * eksInventory: everything about the source EKS cluster that the migration has to know, from a live cluster (the
 * EKS API and the Kubernetes API) or a cluster dump. Objects stream through small collectors (counts, images,
 * AWS dependencies, API versions, storage) one at a time, so a cluster of any size is read one page at a time;
 * the result is written as inventory.json, Markdown, self-contained HTML and the ECR image list.
 */
package io.jenkins.plugins.eks2aks.inventory;
