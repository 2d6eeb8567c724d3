package io.jenkins.plugins.eks2aks.storage;

import static io.jenkins.plugins.eks2aks.storage.StorageFixtures.NAMES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobProperties;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.registry.JsonValues;
import io.jenkins.plugins.eks2aks.storage.blob.SourceMetadata;
import io.jenkins.plugins.eks2aks.testservers.Azurite;
import io.jenkins.plugins.eks2aks.testservers.AzuriteExtension;
import io.jenkins.plugins.eks2aks.testservers.S3Emulator;
import io.jenkins.plugins.eks2aks.testservers.S3EmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The java engine from a real S3 emulator into a real Azurite. */
class S3ToBlobSyncTest {

    @RegisterExtension
    static final S3EmulatorExtension S3 = S3EmulatorExtension.withBuckets("velero", "empty-bucket");
    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();

    static final byte[] BIG = random(64 * 1024 * 1024 + 123, 1);
    static final byte[] MULTIPART = random(11 * 1024 * 1024, 2);

    @BeforeAll
    static void fill(S3Emulator s3) throws Exception {
        S3Client client = StorageFixtures.s3(s3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> puts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            puts.add(pool.submit(() -> StorageFixtures.put(client, "velero", "many/object-" + n + ".json", ("{\"n\":" + n + "}").getBytes())));
        }
        for (Future<?> put : puts) {
            put.get();
        }
        pool.shutdown();
        StorageFixtures.put(client, "velero", "backups/nightly/empty.marker", new byte[0]);
        StorageFixtures.put(client, "velero", "backups/nightly/with space and ünïcödé €.txt", "hello".getBytes());
        StorageFixtures.put(client, "velero", "backups/nightly/big.tar.gz", BIG);
        StorageFixtures.putMultipart(client, "velero", "backups/nightly/multipart.bin", MULTIPART, 5 * 1024 * 1024);
    }

    @Test
    void copiesEveryKindOfObjectThenARerunMovesNothing(S3Emulator s3, Azurite azurite, @TempDir Path out) throws Exception {
        BlobContainerClient container = StorageFixtures.container(azurite, "nightly");
        String url = StorageFixtures.url(container, "restored", StorageFixtures.sas(container));
        StorageFixtures.RecordingEvents events = new StorageFixtures.RecordingEvents();

        SyncSummary first = sync("s3://velero/backups/nightly", url, s3, events, out.resolve("first"), false);

        assertEquals(4, first.objects(), first::toString);
        assertEquals(4, first.copied(), first::toString);
        assertEquals(BIG.length + MULTIPART.length + 5L, first.bytesCopied());
        assertTrue(first.failed().isEmpty(), first::toString);
        assertArrayEquals(BIG, container.getBlobClient("restored/big.tar.gz").downloadContent().toBytes());
        assertArrayEquals(MULTIPART, container.getBlobClient("restored/multipart.bin").downloadContent().toBytes());
        assertEquals("hello", container.getBlobClient("restored/with space and ünïcödé €.txt").downloadContent().toString());
        assertEquals(0, container.getBlobClient("restored/empty.marker").getProperties().getBlobSize());
        BlobProperties big = container.getBlobClient("restored/big.tar.gz").getProperties();
        assertArrayEquals(MessageDigest.getInstance("MD5").digest(BIG), big.getContentMd5());
        assertEquals(Long.toString(BIG.length), big.getMetadata().get(SourceMetadata.SIZE));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(BIG)), big.getMetadata().get(SourceMetadata.VERSION));
        assertTrue(container.getBlobClient("restored/multipart.bin").getProperties().getMetadata().get(SourceMetadata.VERSION).endsWith("-3"));
        assertFalse(events.log().contains(sigOf(url)), "the SAS signature never reaches the log");

        SyncSummary again = sync("s3://velero/backups/nightly", url, s3, new StorageFixtures.RecordingEvents(), out.resolve("again"), false);

        assertEquals(0, again.copied(), again::toString);
        assertEquals(0, again.bytesSent());
        assertEquals(4, again.skipped());
        Map<String, Object> json = JsonValues.object(Files.readAllBytes(out.resolve("again").resolve(SyncReports.JSON)));
        assertEquals(4, ((Number) json.get("skipped")).intValue());
        assertEquals(0, ((Number) json.get("copied")).intValue());
        assertFalse(Files.readString(out.resolve("first").resolve(SyncReports.JSON)).contains(sigOf(url)));
        assertTrue(Files.readString(out.resolve("first").resolve(SyncReports.MARKDOWN)).contains("sig=****"));
    }

    @Test
    void copiesAThousandSmallObjectsAndCopiesAgainOnlyWhatChanged(S3Emulator s3, Azurite azurite) throws Exception {
        BlobContainerClient container = StorageFixtures.container(azurite, "many");
        String url = StorageFixtures.url(container, "", StorageFixtures.sas(container));

        SyncSummary first = sync("s3://velero/many", url, s3, new StorageFixtures.RecordingEvents(), null, false);
        assertEquals(1000, first.copied(), first::toString);
        assertEquals(1000, container.listBlobs().stream().count());

        StorageFixtures.put(StorageFixtures.s3(s3), "velero", "many/object-7.json", "{\"n\":\"changed\"}".getBytes());
        SyncSummary second = sync("s3://velero/many", url, s3, new StorageFixtures.RecordingEvents(), null, false);

        assertEquals(1, second.copied(), second::toString);
        assertEquals(999, second.skipped());
        assertEquals("{\"n\":\"changed\"}", container.getBlobClient("object-7.json").downloadContent().toString());
    }

    @Test
    void aDryRunListsWhatItWouldCopyAndCopiesNothing(S3Emulator s3, Azurite azurite) throws Exception {
        BlobContainerClient container = StorageFixtures.container(azurite, "dry");
        StorageFixtures.RecordingEvents events = new StorageFixtures.RecordingEvents();

        SyncSummary summary = sync("s3://velero/backups", StorageFixtures.url(container, "", StorageFixtures.sas(container)), s3,
                events, null, true);

        assertTrue(summary.dryRun());
        assertEquals(4, summary.copied());
        assertEquals(0, summary.bytesSent());
        assertEquals(0, container.listBlobs().stream().count());
        assertTrue(events.log().contains("would copy nightly/big.tar.gz (64.0 MiB)"), events::log);
    }

    @Test
    void anEmptyPrefixIsReportedNotSilentlyASuccess(S3Emulator s3, Azurite azurite) throws Exception {
        BlobContainerClient container = StorageFixtures.container(azurite, "nothing");
        StorageFixtures.RecordingEvents events = new StorageFixtures.RecordingEvents();

        SyncSummary summary = sync("s3://velero/no-such-prefix", StorageFixtures.url(container, "", StorageFixtures.sas(container)),
                s3, events, null, false);

        assertTrue(summary.emptySource());
        assertFalse(summary.succeeded());
        assertTrue(events.log().contains("WARNING: the source s3://velero/no-such-prefix/ holds no objects"), events::log);
    }

    @Test
    void badBucketsContainersAndSasFailWithOneLine(S3Emulator s3, Azurite azurite) {
        BlobContainerClient container = StorageFixtures.container(azurite, "bad-input");
        String sas = StorageFixtures.sas(container);
        String missingContainer = azurite.containerUrl("no-such-container") + "?" + sas;

        MigrationException noBucket = assertThrows(MigrationException.class, () -> sync("s3://no-such-bucket",
                StorageFixtures.url(container, "", sas), s3, new StorageFixtures.RecordingEvents(), null, false));
        assertEquals("S3 bucket 'no-such-bucket' does not exist (check the name, the region and AWS_ENDPOINT_URL_S3)",
                noBucket.getMessage());

        MigrationException noContainer = assertThrows(MigrationException.class, () -> sync("s3://velero/backups",
                missingContainer, s3, new StorageFixtures.RecordingEvents(), null, false));
        assertTrue(noContainer.getMessage().contains("no-such-container"), noContainer::getMessage);
        assertFalse(noContainer.getMessage().contains(sigOf(missingContainer)), noContainer::getMessage);

        String expired = StorageFixtures.url(container, "", StorageFixtures.sas(container, OffsetDateTime.now().minusHours(1)));
        MigrationException denied = assertThrows(MigrationException.class, () -> sync("s3://velero/backups", expired, s3,
                new StorageFixtures.RecordingEvents(), null, false));
        assertTrue(denied.getMessage().startsWith("Access denied to " + container.getBlobContainerUrl()), denied::getMessage);
        assertFalse(denied.getMessage().contains(sigOf(expired)), denied::getMessage);

        Map<String, String> wrongKeys = StorageFixtures.env(s3);
        wrongKeys.remove("AWS_SECRET_ACCESS_KEY");
        MigrationException incomplete = assertThrows(MigrationException.class, () -> StorageAccess.resolve(wrongKeys,
                io.jenkins.plugins.eks2aks.storage.blob.BlobLocation.parse(expired, "--to"), true, null, "--region", false, null, 8));
        assertEquals("Incomplete AWS credentials: AWS_SECRET_ACCESS_KEY is not set although AWS_ACCESS_KEY_ID is", incomplete.getMessage());
    }

    static SyncSummary sync(String from, String to, S3Emulator s3, StorageFixtures.RecordingEvents events, Path out, boolean dryRun)
            throws InterruptedException {
        StorageSyncRequest request = new StorageSyncOptions(from, to, null, 8, null, dryRun, null, out, false).request(NAMES);
        StorageAccess access = StorageAccess.resolve(StorageFixtures.env(s3), request.destination(), true, null, "--region", false, null, 8);
        return new StorageSync(events).run(request, access, Map.of());
    }

    static String sigOf(String url) {
        String sig = url.replaceAll(".*[?&]sig=([^&]+).*", "$1");
        assertNotNull(sig);
        return sig;
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
