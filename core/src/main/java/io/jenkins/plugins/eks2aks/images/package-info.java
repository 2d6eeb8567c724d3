/**
 * Container images: ECR references, where they go in ACR. Later: ACR import and registry-to-registry copy.
 */
package io.jenkins.plugins.eks2aks.images;
