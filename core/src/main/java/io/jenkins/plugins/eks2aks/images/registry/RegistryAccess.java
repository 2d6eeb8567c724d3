package io.jenkins.plugins.eks2aks.images.registry;

import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;

import java.util.Set;

/**
 * How to reach registries: credentials, which hosts speak plain HTTP, the retry policy, and when to switch from
 * monolithic to chunked uploads. Resolved once at the edge.
 *
 * @param source         credentials for the registries images come from
 * @param target         credentials for the registry images go to
 * @param plainHttpHosts {@code host:port} served over plain HTTP (test and lab registries); all others use HTTPS
 * @param retry          retries of transient failures
 * @param chunkSize      blobs larger than this are uploaded in chunks of this size; smaller ones in one request
 * @param sourceEndpoints where source hosts are reached when their cloud names another address (ECR's proxyEndpoint)
 */
public record RegistryAccess(CredentialsProvider source, CredentialsProvider target, Set<String> plainHttpHosts,
                             RetryPolicy retry, int chunkSize, RegistryEndpoints sourceEndpoints) {

    /** 16 MiB: large enough that most layers go in one request, small enough to bound memory per transfer. */
    public static final int DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;

    public RegistryAccess {
        plainHttpHosts = Set.copyOf(plainHttpHosts);
        sourceEndpoints = sourceEndpoints == null ? RegistryEndpoints.NONE : sourceEndpoints;
        if (chunkSize < 1024) {
            throw new IllegalArgumentException("chunkSize must be at least 1 KiB");
        }
    }

    /** Every source host reached at its own name. */
    public RegistryAccess(CredentialsProvider source, CredentialsProvider target, Set<String> plainHttpHosts, RetryPolicy retry,
                          int chunkSize) {
        this(source, target, plainHttpHosts, retry, chunkSize, RegistryEndpoints.NONE);
    }

    public static RegistryAccess of(CredentialsProvider source, CredentialsProvider target, Set<String> plainHttpHosts) {
        return new RegistryAccess(source, target, plainHttpHosts, RetryPolicy.DEFAULT, DEFAULT_CHUNK_SIZE);
    }

    public RegistryAccess withRetry(RetryPolicy policy) {
        return new RegistryAccess(source, target, plainHttpHosts, policy, chunkSize, sourceEndpoints);
    }

    /** The same access, source hosts reached where {@code endpoints} says. */
    public RegistryAccess withSourceEndpoints(RegistryEndpoints endpoints) {
        return new RegistryAccess(source, target, plainHttpHosts, retry, chunkSize, endpoints);
    }
}
