package io.jenkins.plugins.eks2aks.clusters;

import java.time.Instant;

/**
 * A bearer token for an EKS cluster's Kubernetes API.
 *
 * @param value     {@code k8s-aws-v1.<base64url of a presigned STS URL>}; a credential, never log it
 * @param expiresAt when to stop using it (a minute before STS stops accepting the presigned URL)
 */
public record EksToken(String value, Instant expiresAt) {

    @Override
    public String toString() {
        return "EksToken[expires " + expiresAt + "]";
    }
}
