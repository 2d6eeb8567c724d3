package io.jenkins.plugins.eks2aks.clusters;

import io.jenkins.plugins.eks2aks.MigrationException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Makes the token {@code aws eks get-token} makes (aws-iam-authenticator's format): an STS GetCallerIdentity request
 * with the cluster name in the signed {@code x-k8s-aws-id} header, presigned with SigV4 by the SDK's own signer,
 * then {@code k8s-aws-v1.} + base64url without padding. The API server forwards the URL to STS, which accepts it for
 * 15 minutes after signing whatever {@code X-Amz-Expires} says (the authenticator sends 60 for legacy reasons).
 */
public final class EksTokenGenerator {

    public static final String PREFIX = "k8s-aws-v1.";
    static final String CLUSTER_HEADER = "x-k8s-aws-id";
    /** STS honours a presigned GetCallerIdentity for 15 minutes; stop one minute early, as the AWS CLI does. */
    static final Duration LIFETIME = Duration.ofMinutes(14);

    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI stsEndpoint;
    private final Clock clock;

    public EksTokenGenerator(AwsCredentialsProvider credentials, Region region, URI stsEndpoint, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.stsEndpoint = stsEndpoint;
        this.clock = clock;
    }

    public EksToken generate(String clusterName) {
        Instant signedAt = clock.instant();
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(stsEndpoint)
                .encodedPath("/")
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15")
                .putHeader(CLUSTER_HEADER, clusterName)
                .build();
        AwsCredentialsIdentity identity;
        try {
            identity = credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new MigrationException("Cannot sign the EKS token for cluster '" + clusterName + "': no usable AWS credentials ("
                    + firstLine(e.getMessage()) + ")", e);
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofSeconds(60))
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, java.time.ZoneOffset.UTC)));
        String url = signed.request().getUri().toString();
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
        return new EksToken(token, signedAt.plus(LIFETIME));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
