package io.jenkins.plugins.eks2aks.testservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class S3EmulatorTest {
    @RegisterExtension
    static final S3EmulatorExtension S3 = S3EmulatorExtension.withBuckets("preexisting");

    private static S3Client client;

    @BeforeAll
    static void connect() {
        S3Emulator s3 = S3.get();
        client = S3Client.builder()
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey())))
                .build();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void objectPutIntoANewBucketReadsBackWithTheSameBytes() {
        byte[] content = new byte[700_000];
        new Random(3).nextBytes(content);

        client.createBucket(b -> b.bucket("round-trip"));
        client.putObject(p -> p.bucket("round-trip").key("backups/b1/data.bin"), RequestBody.fromBytes(content));
        byte[] read = client.getObjectAsBytes(g -> g.bucket("round-trip").key("backups/b1/data.bin")).asByteArray();

        assertArrayEquals(content, read);
    }

    @Test
    void bucketsAskedForAtStartAlreadyExist() {
        assertTrue(client.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("preexisting")),
                client.listBuckets().toString());
    }
}
