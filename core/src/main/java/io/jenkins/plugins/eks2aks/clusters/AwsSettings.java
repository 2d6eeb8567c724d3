package io.jenkins.plugins.eks2aks.clusters;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS configuration, resolved once at the edge the way every AWS tool reads it: region from the option, then
 * {@code AWS_REGION}/{@code AWS_DEFAULT_REGION}, then the profile; credentials from the caller (a Jenkins
 * credential), then {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}[/{@code AWS_SESSION_TOKEN}], then
 * {@code AWS_PROFILE}, then the SDK's default chain (web identity, container and instance roles); endpoints from
 * {@code AWS_ENDPOINT_URL_EKS}/{@code AWS_ENDPOINT_URL_STS}/{@code AWS_ENDPOINT_URL_ROUTE_53}, then {@code AWS_ENDPOINT_URL}, so VPC endpoints, other
 * partitions and local stand-ins work without special flags. The environment is passed in (a Jenkins build's
 * variables are not the process environment).
 *
 * @param region             the region
 * @param credentials        the credentials provider
 * @param credentialsSource  where the credentials come from, for error messages (never a secret)
 * @param eksEndpoint        the EKS endpoint override, or null for the SDK's endpoint
 * @param stsEndpoint        the STS endpoint that EKS tokens are presigned for
 * @param route53Endpoint    the Route 53 endpoint override ({@code AWS_ENDPOINT_URL_ROUTE_53}), or null for the SDK's
 */
public record AwsSettings(Region region, AwsCredentialsProvider credentials, String credentialsSource, URI eksEndpoint,
                          URI stsEndpoint, URI route53Endpoint) {

    /**
     * For a global service (Route 53): the same, except that no region is required; without one, {@code us-east-1}
     * (the partition comes from the region, so a region still chooses China or GovCloud).
     */
    public static AwsSettings resolveGlobal(Map<String, String> env, String profileOption, AwsCredentials explicit) {
        String profile = first(profileOption, env.get("AWS_PROFILE")).orElse(null);
        String region = first(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"))
                .or(() -> profileRegion(profile == null ? "default" : profile)).orElse("us-east-1");
        return resolve(env, region, profileOption, explicit, "AWS_REGION"); // a region is always found here
    }

    /**
     * The non-secret variables AWS tools read. A front end that runs the work elsewhere (a Jenkins agent) passes
     * these on from its environment; the secret ones travel as credentials.
     */
    public static final List<String> SETTINGS = List.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_EKS", "AWS_ENDPOINT_URL_ECR", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_ROUTE_53");

    /**
     * @param regionName how the front end names the region option ({@code --region} on the command line,
     *                   {@code 'region'} in a step), for the message when no region is found
     */
    public static AwsSettings resolve(Map<String, String> env, String regionOption, String profileOption,
                                      AwsCredentials explicit, String regionName) {
        String profile = first(profileOption, env.get("AWS_PROFILE")).orElse(null);
        Region region = Region.of(first(regionOption, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"))
                .or(() -> profileRegion(profile == null ? "default" : profile))
                .orElseThrow(() -> new MigrationException(
                        "No AWS region: give " + regionName + " or set AWS_REGION")));
        AwsCredentials chosen = credentials(env, profile, explicit);
        AwsCredentialsProvider provider = chosen != null ? chosen.provider()
                : profile != null ? ProfileCredentialsProvider.builder().profileName(profile).build()
                : DefaultCredentialsProvider.builder().build();
        String source = credentialsSource(env, profileOption, explicit);
        URI eks = endpoint(env, "AWS_ENDPOINT_URL_EKS").or(() -> endpoint(env, "AWS_ENDPOINT_URL")).orElse(null);
        URI sts = endpoint(env, "AWS_ENDPOINT_URL_STS").or(() -> endpoint(env, "AWS_ENDPOINT_URL"))
                .orElse(defaultStsEndpoint(region));
        URI route53 = endpoint(env, "AWS_ENDPOINT_URL_ROUTE_53").or(() -> endpoint(env, "AWS_ENDPOINT_URL")).orElse(null);
        return new AwsSettings(region, provider, source, eks, sts, route53);
    }

    private static final String DEFAULT_CHAIN = "the AWS default credential chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, "
            + "AWS_PROFILE, web identity, container or instance role)";

    /** Where the credentials {@link #resolve} picks come from (no region needed), for messages; never a secret. */
    public static String credentialsSource(Map<String, String> env, String profileOption, AwsCredentials explicit) {
        String profile = first(profileOption, env.get("AWS_PROFILE")).orElse(null);
        AwsCredentials chosen = credentials(env, profile, explicit);
        return chosen != null ? chosen.source() : profile != null ? "AWS profile '" + profile + "'" : DEFAULT_CHAIN;
    }

    /** The caller's keys, else the environment's, else null (a profile or the default chain). */
    private static AwsCredentials credentials(Map<String, String> env, String profile, AwsCredentials explicit) {
        if (explicit != null) {
            return explicit;
        }
        if (!blank(env.get("AWS_ACCESS_KEY_ID")) || !blank(env.get("AWS_SECRET_ACCESS_KEY"))) {
            return fromEnvironment(env);
        }
        return null;
    }

    /** The regional STS endpoint, in the region's partition ({@code amazonaws.com}, {@code amazonaws.com.cn}…). */
    public static URI defaultStsEndpoint(Region region) {
        return URI.create("https://sts." + region.id() + "." + PartitionMetadata.of(region).dnsSuffix());
    }

    /** Keys from the environment, or empty when neither key variable is set (then the default chain applies). */
    public static Optional<AwsCredentials> fromEnvironmentIfSet(Map<String, String> env) {
        if (blank(env.get("AWS_ACCESS_KEY_ID")) && blank(env.get("AWS_SECRET_ACCESS_KEY"))) {
            return Optional.empty();
        }
        return Optional.of(fromEnvironment(env));
    }

    /** Keys from {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}. */
    public static AwsCredentials fromEnvironment(Map<String, String> env) {
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (blank(id) || blank(secret)) {
            throw new MigrationException("Incomplete AWS credentials: " + (blank(id) ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY")
                    + " is not set although " + (blank(id) ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID") + " is");
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return new AwsCredentials(id.trim(), secret.trim(), token, blank(token)
                ? "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN");
    }

    private static Optional<URI> endpoint(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new MigrationException(variable + " is not a URL: '" + value + "' (expected e.g. https://eks.us-east-1.amazonaws.com)");
        }
    }

    private static Optional<String> profileRegion(String profile) {
        try {
            return ProfileFile.defaultProfileFile().profile(profile).flatMap(p -> p.property("region"));
        } catch (RuntimeException e) {
            return Optional.empty(); // an unreadable ~/.aws/config is the same as none: the region must come from elsewhere
        }
    }

    private static Optional<String> first(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return Optional.of(v.trim());
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
