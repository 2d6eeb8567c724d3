/** The image migration's outputs: the mapping file, the JSON and Markdown reports. */
package io.jenkins.plugins.eks2aks.images.report;
