/** The destination container through the Azure Storage Blob SDK: listing, block uploads, errors. */
package io.jenkins.plugins.eks2aks.storage.blob;
