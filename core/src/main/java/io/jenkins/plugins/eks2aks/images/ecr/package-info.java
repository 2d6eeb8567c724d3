/** Amazon ECR: registry credentials from the AWS SDK's ECR client (GetAuthorizationToken), refreshed before expiry. */
package io.jenkins.plugins.eks2aks.images.ecr;
