package io.jenkins.plugins.eks2aks.clusters;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Duration;

/** Builds the EKS client from resolved settings, with an explicit HTTP client (no service-loader discovery). */
public final class EksClients {

    private EksClients() {
    }

    public static EksClient create(AwsSettings settings, Duration timeout) {
        var builder = EksClient.builder()
                .region(settings.region())
                .credentialsProvider(settings.credentials())
                .httpClient(ApacheHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout)
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(timeout.multipliedBy(3))
                        .build());
        if (settings.eksEndpoint() != null) {
            builder.endpointOverride(settings.eksEndpoint());
        }
        return builder.build();
    }
}
