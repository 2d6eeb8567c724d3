package io.jenkins.plugins.eks2aks.steps.credentials;

import hudson.util.Secret;
import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;

import java.io.Serializable;

/**
 * AWS keys derived on the controller, as they travel to the agent: every value a {@link Secret} (the access key id
 * too, as the aws() binding masks it), never the credential object itself.
 */
public final class AwsKeys implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Secret accessKeyId;
    private final Secret secretAccessKey;
    private final Secret sessionToken;
    private final String source;

    AwsKeys(String accessKeyId, String secretAccessKey, String sessionToken, String source) {
        this.accessKeyId = Secret.fromString(accessKeyId);
        this.secretAccessKey = Secret.fromString(secretAccessKey);
        this.sessionToken = sessionToken == null || sessionToken.isEmpty() ? null : Secret.fromString(sessionToken);
        this.source = source;
    }

    /** Keys the engine read from an environment (its one reading of the AWS_* variables). */
    static AwsKeys of(AwsCredentials keys) {
        return new AwsKeys(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken(), keys.source());
    }

    /** The engine's value, made where the work runs. */
    public AwsCredentials toEngine() {
        return new AwsCredentials(accessKeyId.getPlainText(), secretAccessKey.getPlainText(),
                sessionToken == null ? null : sessionToken.getPlainText(), source);
    }

    /** Adds the values the build log must never show (all three, as the aws() binding masks them). */
    void secrets(java.util.List<Secret> out) {
        out.add(accessKeyId);
        out.add(secretAccessKey);
        if (sessionToken != null) {
            out.add(sessionToken);
        }
    }

    /** Where the keys came from, e.g. {@code credential 'aws-prod'}; never a secret. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "AwsKeys[from " + source + "]";
    }
}
