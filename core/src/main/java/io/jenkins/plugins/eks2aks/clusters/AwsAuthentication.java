package io.jenkins.plugins.eks2aks.clusters;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;

import java.util.Optional;
import java.util.Set;

/**
 * Tells an AWS refusal of the credentials themselves (a wrong key pair, an expired session) from any other service
 * error, and words it in one line naming where the credentials came from and which service endpoint judged them.
 */
public final class AwsAuthentication {

    private static final Set<String> REJECTED = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken", "AuthFailure");
    private static final Set<String> EXPIRED = Set.of("ExpiredTokenException", "ExpiredToken", "RequestExpired");

    private AwsAuthentication() {
    }

    /**
     * The refusal as a {@link CloudAuthenticationException}, or empty when {@code e} is another error (a missing
     * resource, a permission the identity lacks).
     *
     * @param credentialsSource where the credentials came from (never a secret)
     * @param authority         the service and where it was asked, e.g. {@code ECR in us-east-1}
     */
    public static Optional<CloudAuthenticationException> refusal(AwsServiceException e, String credentialsSource, String authority) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (code == null) {
            return Optional.empty();
        }
        if (REJECTED.contains(code)) {
            return Optional.of(new CloudAuthenticationException("AWS " + authority + " rejected the credentials from " + credentialsSource
                    + " (" + code + "): check the access key pair", e));
        }
        if (EXPIRED.contains(code)) {
            return Optional.of(new CloudAuthenticationException("The AWS credentials from " + credentialsSource + " have expired ("
                    + code + " at " + authority + "): refresh the session token", e));
        }
        return Optional.empty();
    }

    /** {@code SERVICE in REGION}, with the endpoint when one was set (a VPC endpoint, a stand-in). */
    public static String authority(String service, SdkClient client) {
        var configuration = client.serviceClientConfiguration();
        String region = configuration instanceof software.amazon.awssdk.awscore.AwsServiceClientConfiguration aws && aws.region() != null
                ? " in " + aws.region().id() : "";
        return service + region + configuration.endpointOverride().map(uri -> " (" + uri + ")").orElse("");
    }
}
