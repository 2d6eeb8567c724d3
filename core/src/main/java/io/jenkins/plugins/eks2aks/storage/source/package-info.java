/** Where the data comes from: S3 prefixes and local folders, listed page by page. */
package io.jenkins.plugins.eks2aks.storage.source;
