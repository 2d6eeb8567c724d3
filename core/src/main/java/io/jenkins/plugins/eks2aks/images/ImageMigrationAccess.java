package io.jenkins.plugins.eks2aks.images;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.containerregistry.ContainerRegistryManager;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.ArmRetry;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;
import io.jenkins.plugins.eks2aks.images.acr.AcrEntraCredentials;
import io.jenkins.plugins.eks2aks.images.acr.AcrImportSettings;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.ecr.EcrCredentials;
import io.jenkins.plugins.eks2aks.images.registry.RegistryAccess;
import io.jenkins.plugins.eks2aks.images.registry.RegistryClients;
import io.jenkins.plugins.eks2aks.images.registry.UrlConnectionTransport;
import io.jenkins.plugins.eks2aks.images.select.DistributionCatalog;
import io.jenkins.plugins.eks2aks.images.select.EcrCatalog;
import io.jenkins.plugins.eks2aks.images.select.RegistryCatalog;
import io.jenkins.plugins.eks2aks.images.select.RoutingCatalog;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds what an image migration needs to reach the clouds, from settings resolved at the edge: ECR tokens for
 * the sources, an Entra ID exchange for an ACR target, and the ACR management client for import mode. The CLI
 * and the {@code ecrToAcr} step both use it, so the two behave the same.
 *
 * @param settings     non-secret settings (AWS_REGION, AWS_ENDPOINT_URL*, AZURE_AUTHORITY_HOST, …) as the CLI's
 *                     environment or the step's EnvVars give them
 * @param aws          AWS keys, or null for the SDK's default chain
 * @param azure        the Azure service principal, or null to take it from {@code settings}
 * @param subscription the target ACR's subscription, or null for the principal's or AZURE_SUBSCRIPTION_ID
 * @param subscriptionName how the front end names the subscription option, for the message when there is none
 */
public record ImageMigrationAccess(Map<String, String> settings, AwsCredentials aws, AzureServicePrincipal azure,
                                   String subscription, String subscriptionName) {

    public ImageMigrationAccess {
        settings = Map.copyOf(settings);
    }

    /** Whether {@code host} is an Azure Container Registry login server. */
    public static boolean isAcr(String host) {
        return host.endsWith(".azurecr.io") || host.endsWith(".azurecr.cn") || host.endsWith(".azurecr.us");
    }

    /**
     * ECR sources: a token from GetAuthorizationToken per registry, made when first needed and refreshed; each registry
     * reached at the token's {@code proxyEndpoint}.
     */
    public EcrSources ecrSources() {
        Map<String, EcrCredentials> ecr = new ConcurrentHashMap<>();
        java.util.function.Function<String, Optional<EcrCredentials>> tokens = host -> EcrImageReference.parse(host + "/x")
                .map(ref -> ecr.computeIfAbsent(host, h -> EcrCredentials.forHost(ecrClient(ref.region()), h,
                        AwsSettings.credentialsSource(settings, null, aws))));
        return new EcrSources() {
            @Override
            public Optional<io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials> credentialsFor(String host) {
                return tokens.apply(host).flatMap(c -> c.credentialsFor(host));
            }

            @Override
            public Optional<URI> endpoint(String host) {
                return tokens.apply(host).flatMap(c -> c.endpoint(host));
            }
        };
    }

    /** ECR's registries: their tokens, and where each token says to reach its registry. */
    public interface EcrSources extends CredentialsProvider, io.jenkins.plugins.eks2aks.images.registry.RegistryEndpoints {
    }

    /**
     * What repository selections list: private ECR registries through the ECR API (with push times), every other
     * registry through the OCI distribution API with {@code access}'s credentials.
     */
    public RegistryCatalog catalog(RegistryAccess access) {
        return catalog(new DistributionCatalog(new RegistryClients(access, Clock.systemUTC())));
    }

    /** Private ECR registries through the ECR API, with the ECR tokens' clients; other registries through {@code fallback}. */
    public RegistryCatalog catalog(RegistryCatalog fallback) {
        return new RoutingCatalog(new EcrCatalog(this::ecrClient, AwsSettings.credentialsSource(settings, null, aws)), fallback);
    }

    private EcrClient ecrClient(String region) {
        AwsSettings resolved = AwsSettings.resolve(settings, region, null, aws, "the ECR host's region"); // always known
        EcrClientBuilder builder = EcrClient.builder().region(resolved.region()).credentialsProvider(resolved.credentials());
        Optional.ofNullable(settings.get("AWS_ENDPOINT_URL_ECR")).or(() -> Optional.ofNullable(settings.get("AWS_ENDPOINT_URL")))
                .filter(s -> !s.isBlank()).map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** An ACR target: Entra ID token → ACR refresh token → access token, resolved when the registry first asks. */
    public CredentialsProvider acrTarget(String registry, boolean plainHttp) {
        Map<String, AcrEntraCredentials> acr = new HashMap<>();
        return host -> {
            if (!host.equals(registry)) {
                return Optional.empty();
            }
            synchronized (acr) {
                return acr.computeIfAbsent(host, h -> {
                    AzureSettings resolved = AzureSettings.resolve(settings, azure, subscription, subscriptionName);
                    String scope = resolved.resourceManagerEndpoint().toString().replaceAll("/?$", "/") + ".default";
                    return new AcrEntraCredentials(h, tenant(),
                            () -> resolved.credential().getTokenSync(new TokenRequestContext().addScopes(scope)).getToken(),
                            UrlConnectionTransport.forRegistries(), plainHttp, Clock.systemUTC());
                }).credentialsFor(host);
            }
        };
    }

    /** Import mode: the ARM client for the target ACR. */
    public AcrImportSettings acrImport(String registry, String resourceGroup) {
        if (!isAcr(registry)) {
            throw new MigrationException("Import mode needs an Azure Container Registry target (*.azurecr.io), not '" + registry
                    + "'; use copy mode");
        }
        if (resourceGroup == null || resourceGroup.isBlank()) {
            throw new MigrationException("Import mode needs the target ACR's resource group; or use copy mode");
        }
        AzureSettings resolved = AzureSettings.resolve(settings, azure, subscription, subscriptionName);
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", resolved.resourceManagerEndpoint().toString());
        AzureProfile profile = new AzureProfile(tenant(), resolved.subscriptionId(), new AzureEnvironment(endpoints));
        ContainerRegistryManager manager = ContainerRegistryManager.configure().withRetryPolicy(ArmRetry.policy())
                .authenticate(resolved.credential(), profile);
        return AcrImportSettings.of(manager.serviceClient().getRegistries(), resourceGroup, registry.substring(0, registry.indexOf('.')));
    }

    private String tenant() {
        return azure != null ? azure.tenantId() : settings.get("AZURE_TENANT_ID");
    }
}
