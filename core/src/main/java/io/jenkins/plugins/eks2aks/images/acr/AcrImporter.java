package io.jenkins.plugins.eks2aks.images.acr;

import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.polling.PollResult;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import com.azure.resourcemanager.containerregistry.models.ImportImageParameters;
import com.azure.resourcemanager.containerregistry.models.ImportMode;
import com.azure.resourcemanager.containerregistry.models.ImportSource;
import com.azure.resourcemanager.containerregistry.models.ImportSourceCredentials;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.CloudAuthenticationException;
import io.jenkins.plugins.eks2aks.images.ImageReference;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;
import io.jenkins.plugins.eks2aks.images.registry.RetryPolicy;

import java.util.List;
import java.util.Optional;

/**
 * Server-side import into ACR ({@code Registries.importImage}): ACR pulls the image by digest from the source
 * registry with the source's credentials (for ECR, user {@code AWS} and a GetAuthorizationToken password, asked of the
 * provider for every import so a long run gets a fresh one). The long-running operation is polled on the calling
 * thread; callers run several at once, up to the run's bound. A failed import is tried again unless ARM's error says
 * it fails the same way every time ({@link ImportFailure}).
 */
public final class AcrImporter {

    private final AcrImportSettings settings;
    private final CredentialsProvider sourceCredentials;
    private final RetryPolicy backoff;

    public AcrImporter(AcrImportSettings settings, CredentialsProvider sourceCredentials, RetryPolicy backoff) {
        this.settings = settings;
        this.sourceCredentials = sourceCredentials;
        this.backoff = backoff;
    }

    /**
     * Imports {@code source} pinned to {@code digest} as {@code target} (its tag, or untagged when it has none).
     *
     * @param force    overwrite an existing target tag
     * @param onRetry  told of each repeated import (before it is sent), so the report counts them
     * @throws MigrationException with ARM's error code and message when every attempt failed
     */
    public void importImage(ImageReference source, String digest, ImageReference target, boolean force, Runnable onRetry)
            throws InterruptedException {
        ImportImageParameters parameters = parameters(source, digest, target, force);
        for (int attempt = 1; ; attempt++) {
            ImportFailure failure;
            try {
                SyncPoller<PollResult<Void>, Void> poller = settings.registries()
                        .beginImportImage(settings.resourceGroup(), settings.registryName(), parameters)
                        .setPollInterval(settings.pollInterval());
                PollResponse<PollResult<Void>> last = poller.waitForCompletion(settings.timeout());
                if (last.getStatus() == LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
                    return;
                }
                failure = ImportFailure.of(last.getValue() == null ? null : last.getValue().getError(), String.valueOf(last.getStatus()));
            } catch (ManagementException e) {
                failure = ImportFailure.of(e);
            } catch (CloudAuthenticationException e) {
                throw e; // the sign-in failed: no import can succeed with these credentials
            } catch (RuntimeException e) {
                if (e.getCause() instanceof InterruptedException ie) {
                    throw ie;
                }
                failure = new ImportFailure(null, String.valueOf(e.getMessage()).replaceAll("\\s+", " "), true);
            }
            if (!failure.retryable() || attempt >= settings.attempts()) {
                throw new MigrationException("ACR import into " + settings.registryName() + " failed"
                        + (attempt > 1 ? " after " + attempt + " attempts" : "") + ": " + failure.describe());
            }
            onRetry.run();
            Thread.sleep(backoff.backoff(attempt).toMillis());
        }
    }

    ImportImageParameters parameters(ImageReference source, String digest, ImageReference target, boolean force) {
        ImportSource importSource = new ImportSource()
                .withRegistryUri(source.registry())
                .withSourceImage(source.repository() + "@" + digest);
        Optional<RegistryCredentials> credentials = sourceCredentials.credentialsFor(source.registry());
        credentials.ifPresent(c -> importSource.withCredentials(
                new ImportSourceCredentials().withUsername(c.username()).withPassword(c.password())));
        ImportImageParameters parameters = new ImportImageParameters()
                .withSource(importSource)
                .withMode(force ? ImportMode.FORCE : ImportMode.NO_FORCE);
        if (target.tag() != null) {
            parameters.withTargetTags(List.of(target.repository() + ":" + target.tag()));
        } else {
            parameters.withUntaggedTargetRepositories(List.of(target.repository()));
        }
        return parameters;
    }
}
