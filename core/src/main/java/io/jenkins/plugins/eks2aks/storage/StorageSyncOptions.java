package io.jenkins.plugins.eks2aks.storage;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.storage.blob.BlobLocation;
import io.jenkins.plugins.eks2aks.storage.source.S3Location;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A storage sync as the CLI options and the step parameters give it. Both edges read it the same way; only the names
 * they show in messages differ.
 *
 * @param source      {@code s3://BUCKET[/PREFIX]} or a local folder
 * @param destination the container URL, {@code https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX][?SAS]}
 * @param engine      {@code java} (default) or {@code azcopy}
 * @param parallel    objects in flight at once, or null for 8
 * @param blockSizeMiB block size of the java engine in MiB, or null for 8
 * @param dryRun      only list what would be copied
 * @param azcopy      the AzCopy binary, or null to find it on the PATH
 * @param output      where {@code sync-result.json} and {@code .md} go; null to write nothing
 * @param force       replace an output folder eks2aks did not write
 */
public record StorageSyncOptions(String source, String destination, String engine, Integer parallel, Integer blockSizeMiB,
                                 boolean dryRun, String azcopy, Path output, boolean force) {

    /** What the edge calls each option: {@code --parallel} on the command line, {@code parallel} in a step. */
    public record Names(String source, String destination, String engine, String parallel, String blockSize, String azcopy,
                        String output) {
    }

    public static final int DEFAULT_PARALLEL = 8;
    public static final int DEFAULT_BLOCK_MIB = 8;

    /**
     * The validated request.
     *
     * @throws MigrationException one line naming the option that is wrong, in {@code names}' words
     */
    public StorageSyncRequest request(Names names) {
        if (source == null || source.isBlank()) {
            throw new MigrationException("No source: give " + names.source() + " (s3://BUCKET[/PREFIX] or a folder)");
        }
        if (destination == null || destination.isBlank()) {
            throw new MigrationException("No destination: give " + names.destination()
                    + " (https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX])");
        }
        S3Location s3 = S3Location.isS3(source) ? S3Location.parse(source.trim(), names.source()) : null;
        Path folder = s3 == null ? Path.of(source.trim()).toAbsolutePath().normalize() : null;
        if (folder != null && !Files.isDirectory(folder)) {
            throw new MigrationException(names.source() + " '" + source + "' is neither s3://BUCKET[/PREFIX] nor an existing folder");
        }
        BlobLocation blob = BlobLocation.parse(destination, names.destination());
        int n = parallel == null ? DEFAULT_PARALLEL : parallel;
        if (n < 1 || n > 256) {
            throw new MigrationException("Invalid " + names.parallel() + " " + n + ": give 1 to 256");
        }
        int block = blockSizeMiB == null ? DEFAULT_BLOCK_MIB : blockSizeMiB;
        if (block < 1 || block > 100) {
            throw new MigrationException("Invalid " + names.blockSize() + " " + block + ": give 1 to 100 (MiB)");
        }
        if (output != null && folder != null) {
            // Reports written inside the source would be copied by the next run.
            OutputFolder.checkApart(output, List.of(folder));
        }
        return new StorageSyncRequest(s3, folder, blob, SyncEngine.parse(engine, names.engine()), n, block * 1024 * 1024,
                dryRun, azcopy == null || azcopy.isBlank() ? null : azcopy.trim(), output, force, names.azcopy());
    }
}
