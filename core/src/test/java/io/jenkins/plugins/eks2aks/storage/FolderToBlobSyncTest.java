package io.jenkins.plugins.eks2aks.storage;

import static io.jenkins.plugins.eks2aks.storage.StorageFixtures.NAMES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.SecretMask;
import io.jenkins.plugins.eks2aks.storage.source.FolderSource;
import io.jenkins.plugins.eks2aks.storage.source.SourceObject;
import io.jenkins.plugins.eks2aks.storage.source.StorageSource;
import io.jenkins.plugins.eks2aks.testservers.Azurite;
import io.jenkins.plugins.eks2aks.testservers.AzuriteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The java engine from a local folder into a real Azurite: re-runs, changed files, a failed and a killed run resumed. */
class FolderToBlobSyncTest {

    @RegisterExtension
    static final AzuriteExtension AZURITE = new AzuriteExtension();

    static final int MIB = 1024 * 1024;

    @Test
    void copiesAFolderAndThenOnlyTheFileThatChanged(Azurite azurite, @TempDir Path folder) throws Exception {
        write(folder.resolve("a.txt"), "alpha".getBytes());
        write(folder.resolve("nested/deeper/b.bin"), S3ToBlobSyncTest.random(3 * MIB + 5, 3));
        write(folder.resolve("zero"), new byte[0]);
        BlobContainerClient container = StorageFixtures.container(azurite, "folder");
        String url = StorageFixtures.url(container, "kopia", StorageFixtures.sas(container));

        SyncSummary first = sync(folder, url, 1);
        assertEquals(3, first.copied(), first::toString);
        assertArrayEquals(Files.readAllBytes(folder.resolve("nested/deeper/b.bin")),
                container.getBlobClient("kopia/nested/deeper/b.bin").downloadContent().toBytes());

        write(folder.resolve("a.txt"), "ALPHA".getBytes()); // same size, new content and time
        Files.setLastModifiedTime(folder.resolve("a.txt"), FileTime.from(Instant.now().plusSeconds(60)));
        SyncSummary second = sync(folder, url, 1);

        assertEquals(1, second.copied(), second::toString);
        assertEquals(2, second.skipped());
        assertEquals("ALPHA", container.getBlobClient("kopia/a.txt").downloadContent().toString());
    }

    @Test
    void anObjectThatFailsMidwayIsNamedAndTheNextRunSendsOnlyTheMissingBlocks(Azurite azurite, @TempDir Path folder)
            throws Exception {
        byte[] big = S3ToBlobSyncTest.random(5 * MIB + MIB / 2, 4);
        write(folder.resolve("big.bin"), big);
        write(folder.resolve("small.txt"), "small".getBytes());
        BlobContainerClient container = StorageFixtures.container(azurite, "resume-blocks");
        StorageSyncRequest request = request(folder, StorageFixtures.url(container, "", StorageFixtures.sas(container)), 1);
        StorageAccess access = StorageAccess.resolve(Map.of(), request.destination(), false, null, "--region", false, null, 8);
        StorageFixtures.RecordingEvents events = new StorageFixtures.RecordingEvents();

        SyncSummary broken = new JavaSync(events, SecretMask.TOKENS, 0).run(request,
                new BreakingSource(new FolderSource(folder), "big.bin", 3 * MIB), access.blobDestination());

        assertEquals(1, broken.failed().size(), broken::toString);
        assertTrue(broken.failed().get(0).startsWith("big.bin: connection reset after 3145728 bytes"), broken::toString);
        assertEquals(1, broken.copied());
        assertTrue(events.log().contains("retrying big.bin (attempt 1 failed"), events::log);

        StorageFixtures.RecordingEvents resumedEvents = new StorageFixtures.RecordingEvents();
        SyncSummary resumed = new JavaSync(resumedEvents, SecretMask.TOKENS, 0).run(request, new FolderSource(folder),
                access.blobDestination());

        assertEquals(1, resumed.copied(), resumed::toString);
        assertEquals(1, resumed.skipped());
        assertEquals(big.length - 3L * MIB, resumed.bytesSent(), "the three staged blocks are not sent again");
        assertTrue(resumedEvents.log().contains("resumed big.bin: 3.0 MiB were already staged by an earlier run"), resumedEvents::log);
        assertArrayEquals(big, container.getBlobClient("big.bin").downloadContent().toBytes());
    }

    @Test
    void aRunKilledMidwayIsResumedByTheNextOne(Azurite azurite, @TempDir Path folder) throws Exception {
        for (int i = 0; i < 20; i++) {
            write(folder.resolve(String.format("f-%02d", i)), ("file " + i).getBytes());
        }
        BlobContainerClient container = StorageFixtures.container(azurite, "killed");
        StorageSyncRequest request = request(folder, StorageFixtures.url(container, "", StorageFixtures.sas(container)), 2);
        StorageAccess access = StorageAccess.resolve(Map.of(), request.destination(), false, null, "--region", false, null, 8);
        CountDownLatch stuck = new CountDownLatch(1);
        StorageSource hanging = new HangingSource(new FolderSource(folder), "f-12", stuck);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                new JavaSync(new StorageFixtures.RecordingEvents(), SecretMask.TOKENS, 0).run(request, hanging, access.blobDestination());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        run.start();
        stuck.await();
        run.interrupt();
        run.join(30_000);

        assertTrue(outcome.get() instanceof InterruptedException, () -> String.valueOf(outcome.get()));
        long before = container.listBlobs().stream().count();
        assertTrue(before > 0 && before < 20, "killed midway: " + before + " blobs");

        SyncSummary resumed = new StorageSync(new StorageFixtures.RecordingEvents()).run(request, access, Map.of());

        // An upload already on the wire when the run was interrupted may still land after `before` was counted (the
        // HTTP client is asynchronous), so the resumed run skips at least what was there and copies at most the rest.
        assertTrue(resumed.skipped() >= before, resumed::toString);
        assertTrue(resumed.copied() <= 20 - before, resumed::toString);
        assertEquals(20, resumed.skipped() + resumed.copied(), resumed::toString);
        assertEquals(20, container.listBlobs().stream().count());
    }

    @Test
    void reportsInsideTheSourceFolderAreRefused(@TempDir Path folder) {
        MigrationException e = assertThrows(MigrationException.class, () -> new StorageSyncOptions(folder.toString(),
                "http://127.0.0.1:1/devstoreaccount1/backups", null, null, null, false, null, folder.resolve("report"), false).request(NAMES));
        assertTrue(e.getMessage().contains("is inside the input"), e::getMessage);
    }

    static SyncSummary sync(Path folder, String url, int blockMiB) throws InterruptedException {
        StorageSyncRequest request = request(folder, url, blockMiB);
        return new StorageSync(new StorageFixtures.RecordingEvents()).run(request,
                StorageAccess.resolve(Map.of(), request.destination(), false, null, "--region", false, null, 8), Map.of());
    }

    static StorageSyncRequest request(Path folder, String url, int blockMiB) {
        return new StorageSyncOptions(folder.toString(), url, "java", 4, blockMiB, false, null, null, false).request(NAMES);
    }

    static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** A source whose stream of one object breaks after some bytes, the way a dropped connection does. */
    record BreakingSource(StorageSource delegate, String name, long after) implements StorageSource {
        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public void list(Consumer<SourceObject> each) {
            delegate.list(each);
        }

        @Override
        public InputStream open(SourceObject object) throws IOException {
            InputStream in = delegate.open(object);
            if (!object.name().equals(name)) {
                return in;
            }
            return new FilterInputStream(in) {
                long read;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (read >= after) {
                        throw new IOException("connection reset after " + read + " bytes");
                    }
                    int n = super.read(b, off, (int) Math.min(len, after - read));
                    read += Math.max(n, 0);
                    return n;
                }
            };
        }
    }

    /** A source that hangs on one object until its thread is interrupted, like a process killed in the middle of a run. */
    record HangingSource(StorageSource delegate, String name, CountDownLatch stuck) implements StorageSource {
        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public void list(Consumer<SourceObject> each) {
            delegate.list(each);
        }

        @Override
        public InputStream open(SourceObject object) throws IOException {
            if (object.name().equals(name)) {
                stuck.countDown();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            return delegate.open(object);
        }
    }
}
