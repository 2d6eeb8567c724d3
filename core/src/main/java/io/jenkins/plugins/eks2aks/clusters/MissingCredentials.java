package io.jenkins.plugins.eks2aks.clusters;

import com.azure.identity.CredentialUnavailableException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Optional;

/**
 * A cloud SDK that found no credentials at all, told in one line. The AWS SDK's default chain answers with a
 * 2,000-character message listing six providers; Azure Identity's default chain with one paragraph per source. Both
 * reach a front end as "unexpected" errors with a stack trace unless recognised: this recognises them anywhere in a
 * cause chain, so the CLI and the steps say what to set instead.
 */
public final class MissingCredentials {

    private static final String AWS_CHAIN = "Unable to load credentials from any of the providers in the chain";

    private MissingCredentials() {
    }

    /** The one-line failure when {@code e} or one of its causes is a cloud SDK that found no credentials. */
    public static Optional<CloudAuthenticationException> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SdkClientException && t.getMessage() != null && t.getMessage().startsWith(AWS_CHAIN)) {
                return Optional.of(new CloudAuthenticationException("No AWS credentials found: set AWS_PROFILE, or "
                        + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN for a session), or run where a "
                        + "web identity, container or instance role is available (in Jenkins: give the step's AWS credentialsId)"));
            }
            if (t instanceof CredentialUnavailableException) {
                return Optional.of(new CloudAuthenticationException("No Azure credentials found: set AZURE_CLIENT_ID, "
                        + "AZURE_TENANT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH), or run where a managed or "
                        + "workload identity is available (in Jenkins: give the step's Azure credentialsId)"));
            }
        }
        return Optional.empty();
    }
}
