/**
 * The convert use case: reads and converts manifests ({@code manifests}) and writes the converted files together with
 * the conversion reports ({@code report}). It sits above both, so the reports can read conversion results without
 * the conversion depending back on them.
 */
package io.jenkins.plugins.eks2aks.conversion;
