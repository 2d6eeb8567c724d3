package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.images.acr.AcrImportSettings;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.registry.RegistryAccess;

import java.util.HashSet;
import java.util.Map;

/** Runs a {@link CopyImagesSpec}: builds the registry access and the ACR client from the settings, then migrates. */
public final class CopyImagesRunner {

    private final EventSink events;

    public CopyImagesRunner(EventSink events) {
        this.events = events;
    }

    /**
     * @param settings non-secret AWS and Azure settings of the front end's environment
     * @param aws      AWS keys the front end resolved, or null for the SDK's default chain
     * @param azure    the service principal the front end resolved, or null for the environment's
     * @param logins   the front end's own registry credentials, or {@link RegistryLogins#NONE}
     */
    public ImageMigrationSummary run(CopyImagesSpec spec, Map<String, String> settings, AwsCredentials aws,
                                     AzureServicePrincipal azure, RegistryLogins logins) {
        ImageMigrationAccess clouds = new ImageMigrationAccess(settings, aws, azure, spec.subscription(), spec.subscriptionName());
        CredentialsProvider cloudTarget = spec.acrTarget()
                ? clouds.acrTarget(spec.registry(), spec.plainHttp().contains(spec.registry())) : CredentialsProvider.ANONYMOUS;
        ImageMigrationAccess.EcrSources ecr = clouds.ecrSources();
        CredentialsProvider own = logins.sources(CredentialsProvider.ANONYMOUS);
        RegistryAccess access = RegistryAccess.of(logins.sources(ecr), logins.target(cloudTarget), new HashSet<>(spec.plainHttp()))
                .withSourceEndpoints(host -> {
                    if (own.credentialsFor(host).isPresent()) {
                        return java.util.Optional.empty(); // the user's own login: no ECR token, the host's own name
                    }
                    try {
                        return ecr.endpoint(host);
                    } catch (RuntimeException e) {
                        return java.util.Optional.empty(); // the token's failure is reported where the registry asks for it
                    }
                });
        AcrImportSettings acrImport = spec.mode() == MigrationMode.IMPORT && !spec.dryRun()
                ? clouds.acrImport(spec.registry(), spec.resourceGroup()) : null;
        ImageMigrationRequest request = new ImageMigrationRequest(spec.images(), spec.to(), spec.mode(), spec.parallel(),
                spec.dryRun(), spec.force(), spec.referrers(), access, acrImport, spec.output())
                .withSelections(spec.selections(), clouds.catalog(access)).withForceName(spec.forceName());
        return new ImageMigration(events).run(request);
    }
}
