package io.jenkins.plugins.eks2aks.storage;

import io.jenkins.plugins.eks2aks.storage.blob.BlobLocation;
import io.jenkins.plugins.eks2aks.storage.source.S3Location;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A validated storage sync, made by {@link StorageSyncOptions#request}.
 *
 * @param s3Source    the S3 source, or null for a folder
 * @param folder      the folder source, or null for S3
 * @param destination the container and prefix (with a SAS when the URL carried one)
 * @param engine      who moves the bytes
 * @param parallel    the one bound: objects in flight (java) or AzCopy's concurrency
 * @param blockSize   bytes per block (java engine)
 * @param dryRun      only list what would be copied
 * @param azcopy      the AzCopy binary, or null for the PATH
 * @param output      report folder, or null
 * @param force       replace an output folder eks2aks did not write
 * @param azcopyName  how the front end names the AzCopy option ({@code --azcopy}, {@code 'azcopy'}), for the
 *                    message when AzCopy is not found
 */
public record StorageSyncRequest(S3Location s3Source, Path folder, BlobLocation destination, SyncEngine engine, int parallel,
                                 int blockSize, boolean dryRun, String azcopy, Path output, boolean force, String azcopyName) {

    public StorageSyncRequest {
        if ((s3Source == null) == (folder == null)) {
            throw new IllegalArgumentException("exactly one source");
        }
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(engine, "engine");
    }

    /** The source as people read it. */
    public String sourceDescription() {
        return s3Source != null ? s3Source.toString() : folder.toString();
    }
}
