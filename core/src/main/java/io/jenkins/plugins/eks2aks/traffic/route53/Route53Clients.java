package io.jenkins.plugins.eks2aks.traffic.route53;

import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

import java.time.Duration;

/** Builds the Route 53 client: the global endpoint of the settings' partition, an explicit HTTP client. */
public final class Route53Clients {

    private Route53Clients() {
    }

    public static Route53Client create(AwsSettings settings, Duration timeout) {
        var builder = Route53Client.builder()
                .region(globalRegion(settings.region()))
                .credentialsProvider(settings.credentials())
                .httpClient(ApacheHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(timeout.multipliedBy(3)).build());
        if (settings.route53Endpoint() != null) {
            builder.endpointOverride(settings.route53Endpoint());
        }
        return builder.build();
    }

    /** Route 53 is global: {@code aws-global}, {@code aws-cn-global} or {@code aws-us-gov-global} for the region's partition. */
    static Region globalRegion(Region region) {
        return Region.of(PartitionMetadata.of(region).id() + "-global");
    }
}
