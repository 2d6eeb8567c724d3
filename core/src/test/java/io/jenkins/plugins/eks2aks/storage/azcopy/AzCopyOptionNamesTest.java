package io.jenkins.plugins.eks2aks.storage.azcopy;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.storage.StorageAccess;
import io.jenkins.plugins.eks2aks.storage.StorageSync;
import io.jenkins.plugins.eks2aks.storage.StorageSyncOptions;
import io.jenkins.plugins.eks2aks.storage.StorageSyncRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sync that needs AzCopy and finds none asks for it the way the front end spells its option. */
class AzCopyOptionNamesTest {

    private static final StorageSyncOptions.Names NAMES = AzCopySyncTest.NAMES;

    private static String withoutAzCopy(Path dir, StorageSyncOptions.Names names) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("data"));
        StorageSyncRequest request = new StorageSyncOptions(folder.toString(), "https://acct.blob.core.windows.net/backups?sv=1&sig=S",
                "azcopy", null, null, false, null, null, false).request(names);
        Map<String, String> env = Map.of("PATH", Files.createDirectories(dir.resolve("empty-bin")).toString());
        StorageAccess access = StorageAccess.resolve(env, request.destination(), false, null, "--region", false, null, 8);
        return assertThrows(MigrationException.class, () -> new StorageSync(EventSink.NONE).run(request, access, env)).getMessage();
    }

    @Test
    void aMissingAzCopyIsAskedForWithTheCommandLinesOption(@TempDir Path dir) throws Exception {
        String message = withoutAzCopy(dir, NAMES);
        assertTrue(message.contains(", give --azcopy PATH, or use the java engine"), message);
    }

    @Test
    void aMissingAzCopyIsAskedForWithTheStepsParameter(@TempDir Path dir) throws Exception {
        String message = withoutAzCopy(dir, new StorageSyncOptions.Names("'source'", "'destination'", "'engine'", "'parallel'",
                "'blockSize'", "'azcopy'", "'output'"));
        assertTrue(message.contains(", give 'azcopy' PATH, or use the java engine"), message);
    }
}
