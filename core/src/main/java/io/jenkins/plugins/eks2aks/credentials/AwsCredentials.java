package io.jenkins.plugins.eks2aks.credentials;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.util.Objects;

/**
 * An AWS access key pair, with a session token when the keys are temporary.
 *
 * @param accessKeyId     {@code AKIA…} or {@code ASIA…}
 * @param secretAccessKey the secret key
 * @param sessionToken    the STS session token, or null for long-term keys
 * @param source          where the keys came from, for messages: a credential id or variable names; never a secret
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken, String source) {

    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(source, "source");
        sessionToken = sessionToken == null || sessionToken.isBlank() ? null : sessionToken;
    }

    /** The keys as an SDK provider. */
    public AwsCredentialsProvider provider() {
        return StaticCredentialsProvider.create(sessionToken == null
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
    }

    @Override
    public String toString() {
        return "AwsCredentials[from " + source + "]";
    }
}
