package io.jenkins.plugins.eks2aks.images.acr;

import com.azure.resourcemanager.containerregistry.fluent.RegistriesClient;

import java.time.Duration;
import java.util.Objects;

/**
 * The target ACR of an import, and how to drive its long-running import operations.
 *
 * @param registries    the management client ({@code ContainerRegistryManager.serviceClient().getRegistries()}), built
 *                      at the edge with the Azure credentials; passed in, never created here
 * @param resourceGroup the registry's resource group
 * @param registryName  the registry's name ({@code contoso} for {@code contoso.azurecr.io})
 * @param pollInterval  how often to poll an import; ARM's Retry-After wins when it sends one
 * @param timeout       how long one import may run before it counts as failed
 * @param attempts      imports tried per image (a failed import is retried)
 */
public record AcrImportSettings(RegistriesClient registries, String resourceGroup, String registryName, Duration pollInterval,
                                Duration timeout, int attempts) {

    public AcrImportSettings {
        Objects.requireNonNull(registries, "registries");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(registryName, "registryName");
    }

    /** Polls every 2 s, gives an import 30 minutes, tries it 3 times. */
    public static AcrImportSettings of(RegistriesClient registries, String resourceGroup, String registryName) {
        return new AcrImportSettings(registries, resourceGroup, registryName, Duration.ofSeconds(2), Duration.ofMinutes(30), 3);
    }
}
