package io.jenkins.plugins.eks2aks.images.select;

/**
 * One tag of a repository.
 *
 * @param tag    the tag
 * @param pushed when the image it names was pushed, or null when the registry does not say (the OCI distribution
 *               API's tag list does not; ECR's DescribeImages does)
 */
public record TagInfo(String tag, java.time.Instant pushed) { }
