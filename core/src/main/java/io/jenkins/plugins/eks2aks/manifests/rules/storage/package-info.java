/**
 * Storage rules of the EKS→AKS catalog (§2: SC1–SC14, PV1–PV8): EBS and EFS StorageClasses become AKS classes
 * (the built-in ones, or custom classes converted in place when the mapping file maps a class to its own name),
 * claims follow their class, and volumes that hold data are either recreated by their claims or need the
 * Azure volume their data was copied to.
 */
package io.jenkins.plugins.eks2aks.manifests.rules.storage;
