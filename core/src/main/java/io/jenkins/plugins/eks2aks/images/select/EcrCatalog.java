package io.jenkins.plugins.eks2aks.images.select;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsAuthentication;
import io.jenkins.plugins.eks2aks.images.EcrImageReference;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.TagStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A private ECR registry's repositories and tags through the ECR API: {@code DescribeRepositories} and
 * {@code DescribeImages}, every page. The registry id (account) and region come from the host, so a registry of
 * another account works when its repository policy lets the caller describe it.
 */
public final class EcrCatalog implements RegistryCatalog {

    private final Function<String, EcrClient> clientForRegion;
    private final String credentialsSource;
    // One client per region for the catalog's lifetime (one run): a selection of 30 repositories makes 31 calls.
    private final Map<String, EcrClient> clients = new ConcurrentHashMap<>();

    /** @param clientForRegion builds the ECR client of a region (with the run's credentials and endpoint) */
    public EcrCatalog(Function<String, EcrClient> clientForRegion) {
        this(clientForRegion, "the ECR client's AWS credentials");
    }

    /** @param credentialsSource where the clients' AWS credentials come from, for the message when AWS refuses them */
    public EcrCatalog(Function<String, EcrClient> clientForRegion, String credentialsSource) {
        this.clientForRegion = Objects.requireNonNull(clientForRegion, "clientForRegion");
        this.credentialsSource = credentialsSource;
    }

    /** Whether {@code registry} is a private ECR registry host this catalog can list. */
    public static boolean handles(String registry) {
        return EcrImageReference.parse(registry + "/x").isPresent();
    }

    @Override
    public List<String> repositories(String registry, String prefix) throws InterruptedException {
        EcrImageReference host = host(registry);
        // DescribeRepositories filters by exact names only, so the prefix is applied here.
        DescribeRepositoriesRequest request = DescribeRepositoriesRequest.builder().registryId(host.account()).build();
        return call(host, "ECR DescribeRepositories for " + registry, null, () -> client(host).describeRepositoriesPaginator(request)
                .repositories().stream()
                .map(Repository::repositoryName)
                .filter(name -> name.startsWith(prefix))
                .sorted()
                .toList());
    }

    @Override
    public List<TagInfo> tags(String registry, String repository) throws InterruptedException {
        EcrImageReference host = host(registry);
        // TAGGED: untagged images have no name to copy them under, so they need not come over the wire at all.
        DescribeImagesRequest request = DescribeImagesRequest.builder().registryId(host.account()).repositoryName(repository)
                .filter(f -> f.tagStatus(TagStatus.TAGGED)).build();
        return call(host, "ECR DescribeImages for " + registry + "/" + repository, "no repository '" + repository + "' in " + registry, () -> {
            List<TagInfo> tags = new ArrayList<>();
            for (ImageDetail image : client(host).describeImagesPaginator(request).imageDetails()) {
                // One image may carry several tags; each is a name to copy, pushed at the image's time.
                image.imageTags().forEach(tag -> tags.add(new TagInfo(tag, image.imagePushedAt())));
            }
            return tags;
        });
    }

    private EcrClient client(EcrImageReference host) {
        return clients.computeIfAbsent(host.region(), clientForRegion);
    }

    private static EcrImageReference host(String registry) {
        return EcrImageReference.parse(registry + "/x").orElseThrow(() -> new MigrationException(
                "'" + registry + "' is not a private ECR registry (ACCOUNT.dkr.ecr.REGION.amazonaws.com)"));
    }

    /**
     * Runs {@code call} (the pages are fetched while it iterates) and turns SDK failures into one line naming the call.
     *
     * @param notFound the message when the repository does not exist, or null when the call names no repository
     */
    private <T> T call(EcrImageReference host, String what, String notFound, Supplier<T> call) throws InterruptedException {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            var refusal = AwsAuthentication.refusal(e, credentialsSource, AwsAuthentication.authority("ECR", client(host)));
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            if (e instanceof RepositoryNotFoundException && notFound != null) {
                throw new MigrationException(notFound, e);
            }
            String detail = e.awsErrorDetails() != null
                    ? e.awsErrorDetails().errorMessage() + " (" + e.awsErrorDetails().errorCode() + ")" : firstLine(e.getMessage());
            throw new MigrationException(what + " failed: " + detail, e);
        } catch (SdkClientException e) {
            // The SDK reports an interrupted call as a client exception; the run must see the interruption.
            if (e instanceof AbortedException || Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                Thread.interrupted();
                throw new InterruptedException(what + " interrupted");
            }
            throw new MigrationException(what + " failed: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String text) {
        return text == null ? "no message" : text.lines().findFirst().orElse("");
    }
}
