package io.jenkins.plugins.eks2aks.storage;

import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.clusters.EntraSignIn;
import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;
import io.jenkins.plugins.eks2aks.credentials.SecretMask;
import io.jenkins.plugins.eks2aks.storage.blob.BlobDestination;
import io.jenkins.plugins.eks2aks.storage.blob.BlobLocation;
import io.jenkins.plugins.eks2aks.storage.source.FolderSource;
import io.jenkins.plugins.eks2aks.storage.source.S3Location;
import io.jenkins.plugins.eks2aks.storage.source.S3Source;
import io.jenkins.plugins.eks2aks.storage.source.StorageSource;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The clients a storage command needs, resolved once at the edge from the environment the way AWS and Azure tools
 * read it. S3: {@link AwsSettings}' region and credentials, {@code AWS_ENDPOINT_URL_S3} (then {@code AWS_ENDPOINT_URL}),
 * path-style addressing for an IP or {@code localhost} endpoint or on request. Blob: the SAS in the URL, then
 * {@code AZURE_STORAGE_SAS_TOKEN}, then {@code AZURE_STORAGE_CONNECTION_STRING}, then the Azure SDK's default
 * credential chain (service principal variables, managed or workload identity).
 *
 * @param destination     the destination, with the SAS that authenticates it when there is one
 * @param blobClient      the container client
 * @param blobCredentials how the container is reached, for messages
 * @param s3Client        the S3 client, or null for a folder source
 * @param aws             the AWS keys when they are static (AzCopy needs them in its environment), or null
 * @param awsSource       where the AWS credentials come from, for messages
 * @param masking         masks every secret value this access holds
 */
public record StorageAccess(BlobLocation destination, BlobContainerClient blobClient, String blobCredentials, S3Client s3Client,
                            AwsCredentials aws, String awsSource, SecretMask masking) {

    /**
     * @param env         the environment (a Jenkins build's variables are not the process environment)
     * @param s3          whether the source is S3
     * @param region      the region option, or null
     * @param regionName  how the front end names the region option, for the message when no region is found
     * @param s3PathStyle force path-style S3 addressing
     * @param explicitAws AWS keys from a Jenkins credential, or null
     * @param parallel    connections the S3 client may keep
     */
    public static StorageAccess resolve(Map<String, String> env, BlobLocation location, boolean s3, String region,
                                        String regionName, boolean s3PathStyle, AwsCredentials explicitAws, int parallel) {
        return resolve(env, location, s3, region, regionName, s3PathStyle, explicitAws, null, parallel);
    }

    /**
     * As {@link #resolve(Map, BlobLocation, boolean, String, String, boolean, AwsCredentials, int)}, with an Entra identity from a
     * Jenkins credential (a service principal with a secret or a certificate, or a managed identity) that signs in to
     * Blob when no SAS or connection string is given, at {@code AZURE_AUTHORITY_HOST} (its cloud).
     *
     * @param explicitAzure the identity, or null
     */
    public static StorageAccess resolve(Map<String, String> env, BlobLocation location, boolean s3, String region,
                                        String regionName, boolean s3PathStyle, AwsCredentials explicitAws,
                                        AzureServicePrincipal explicitAzure, int parallel) {
        List<String> secrets = new ArrayList<>();
        BlobContainerClientBuilder builder = new BlobContainerClientBuilder();
        String blobCredentials;
        BlobLocation destination = location;
        if (location.sas() != null) {
            blobCredentials = "the SAS in the destination URL";
        } else if (!blank(env.get("AZURE_STORAGE_SAS_TOKEN"))) {
            destination = location.withSas(env.get("AZURE_STORAGE_SAS_TOKEN").trim());
            blobCredentials = "AZURE_STORAGE_SAS_TOKEN";
        } else {
            blobCredentials = null;
        }
        if (destination.sas() != null) {
            secrets.add(destination.sas());
            builder.endpoint(destination.containerUrl()).sasToken(destination.sas());
        } else if (!blank(env.get("AZURE_STORAGE_CONNECTION_STRING"))) {
            String connection = env.get("AZURE_STORAGE_CONNECTION_STRING").trim();
            secrets.add(connection);
            try {
                builder.connectionString(connection).endpoint(destination.containerUrl());
            } catch (IllegalArgumentException e) {
                throw new MigrationException("AZURE_STORAGE_CONNECTION_STRING is not a storage connection string: "
                        + SecretMask.of(secrets).mask(e.getMessage()));
            }
            blobCredentials = "AZURE_STORAGE_CONNECTION_STRING";
        } else if (explicitAzure != null) {
            if (explicitAzure.clientSecret() != null) {
                secrets.add(explicitAzure.clientSecret());
            }
            if (explicitAzure.certificatePassword() != null) {
                secrets.add(explicitAzure.certificatePassword());
            }
            builder.endpoint(destination.containerUrl()).credential(EntraSignIn.credential(explicitAzure, env.get("AZURE_AUTHORITY_HOST"), null));
            blobCredentials = "the " + explicitAzure.kind() + " in " + explicitAzure.source();
        } else if (!blank(env.get("AZURE_CLIENT_ID")) && !blank(env.get("AZURE_CLIENT_SECRET"))) {
            // From the map, not the process: a Jenkins build's bound service principal is not in the agent's environment.
            AzureServicePrincipal sp = AzureSettings.fromEnvironment(env);
            secrets.add(sp.clientSecret());
            ClientSecretCredentialBuilder credential = new ClientSecretCredentialBuilder().tenantId(sp.tenantId())
                    .clientId(sp.clientId()).clientSecret(sp.clientSecret());
            if (!blank(env.get("AZURE_AUTHORITY_HOST"))) {
                credential.authorityHost(env.get("AZURE_AUTHORITY_HOST").trim());
            }
            builder.endpoint(destination.containerUrl()).credential(credential.build());
            blobCredentials = "the service principal in " + sp.source();
        } else {
            builder.endpoint(destination.containerUrl()).credential(new DefaultAzureCredentialBuilder().build());
            blobCredentials = "the Azure default credential chain (workload or managed identity, Azure CLI)";
        }
        builder.containerName(destination.container());
        S3Client client = null;
        AwsCredentials keys = null;
        String awsSource = null;
        if (s3) {
            keys = explicitAws;
            if (keys == null && (!blank(env.get("AWS_ACCESS_KEY_ID")) || !blank(env.get("AWS_SECRET_ACCESS_KEY")))) {
                keys = AwsSettings.fromEnvironment(env);
            }
            AwsSettings settings = AwsSettings.resolve(env, region, null, keys, regionName);
            awsSource = settings.credentialsSource();
            if (keys != null) {
                secrets.add(keys.secretAccessKey());
                secrets.add(keys.sessionToken());
            }
            client = s3Client(env, settings, s3PathStyle, parallel);
        }
        return new StorageAccess(destination, builder.buildClient(), blobCredentials, client, keys, awsSource, SecretMask.of(secrets));
    }

    private static S3Client s3Client(Map<String, String> env, AwsSettings settings, boolean pathStyle, int parallel) {
        S3ClientBuilder builder = S3Client.builder().region(settings.region()).credentialsProvider(settings.credentials())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(Math.max(parallel * 2, 16)));
        String endpoint = !blank(env.get("AWS_ENDPOINT_URL_S3")) ? env.get("AWS_ENDPOINT_URL_S3") : env.get("AWS_ENDPOINT_URL");
        boolean local = false;
        if (!blank(endpoint)) {
            URI uri = URI.create(endpoint.trim());
            if (uri.getHost() == null) {
                throw new MigrationException("AWS_ENDPOINT_URL_S3 is not a URL: '" + endpoint + "' (expected e.g. https://s3.us-east-1.amazonaws.com)");
            }
            builder.endpointOverride(uri);
            local = uri.getHost().equals("localhost") || uri.getHost().matches("[0-9.]+") || uri.getHost().startsWith("[");
        }
        // Virtual-host addressing puts the bucket in the host name, which an IP address or localhost cannot carry.
        return builder.forcePathStyle(pathStyle || local).crossRegionAccessEnabled(blank(endpoint)).build();
    }

    /** The source these clients read: the S3 prefix, or else the folder. */
    public StorageSource source(S3Location s3Location, Path folder) {
        return s3Location != null ? new S3Source(s3Client, s3Location, awsSource) : new FolderSource(folder);
    }

    /** The container client as a destination. */
    public BlobDestination blobDestination() {
        return new BlobDestination(blobClient, destination, blobCredentials);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
