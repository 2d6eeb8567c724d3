package io.jenkins.plugins.eks2aks.storage;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.testservers.Azurite;
import io.jenkins.plugins.eks2aks.testservers.S3Emulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Real S3Mock and Azurite, and what the storage tests put into them. */
final class StorageFixtures {

    private StorageFixtures() {
    }

    /** The environment an AWS tool would see for the emulator. */
    static Map<String, String> env(S3Emulator s3) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", s3.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", s3.secretAccessKey());
        env.put("AWS_REGION", s3.region());
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        return env;
    }

    static S3Client s3(S3Emulator s3) {
        return S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true).region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())))
                .build();
    }

    static void put(S3Client s3, String bucket, String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    /** Uploads in parts of {@code partSize} bytes, so the ETag is a multipart one ({@code md5-of-md5s-N}). */
    static void putMultipart(S3Client s3, String bucket, String key, byte[] content, int partSize) {
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int offset = 0, n = 1; offset < content.length; offset += partSize, n++) {
            int number = n;
            byte[] part = java.util.Arrays.copyOfRange(content, offset, Math.min(content.length, offset + partSize));
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number), RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    }

    static BlobServiceClient blobService(Azurite azurite) {
        return new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient();
    }

    static BlobContainerClient container(Azurite azurite, String name) {
        BlobContainerClient container = blobService(azurite).getBlobContainerClient(name);
        container.createIfNotExists();
        return container;
    }

    /** A container SAS valid for an hour: read, add, create, write, list. */
    static String sas(BlobContainerClient container) {
        return sas(container, OffsetDateTime.now().plusHours(1));
    }

    static String sas(BlobContainerClient container, OffsetDateTime expiry) {
        return container.generateSas(new BlobServiceSasSignatureValues(expiry, new BlobContainerSasPermission()
                .setReadPermission(true).setAddPermission(true).setCreatePermission(true).setWritePermission(true)
                .setListPermission(true)));
    }

    static String url(BlobContainerClient container, String prefix, String sas) {
        return container.getBlobContainerUrl() + (prefix.isEmpty() ? "" : "/" + prefix) + "?" + sas;
    }

    /** Keeps every event, for assertions on the log. */
    static final class RecordingEvents implements EventSink {
        final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void emit(MigrationEvent event) {
            events.add(event);
        }

        String log() {
            StringBuilder out = new StringBuilder();
            events.forEach(e -> out.append(e.toLogLine()).append('\n'));
            return out.toString();
        }
    }

    static final StorageSyncOptions.Names NAMES = new StorageSyncOptions.Names("--from", "--to", "--engine", "--parallel",
            "--block-size", "--azcopy", "--out");
}
