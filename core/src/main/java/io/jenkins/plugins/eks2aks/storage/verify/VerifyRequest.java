package io.jenkins.plugins.eks2aks.storage.verify;

import io.jenkins.plugins.eks2aks.storage.blob.BlobLocation;
import io.jenkins.plugins.eks2aks.storage.source.S3Location;

import java.nio.file.Path;

/**
 * A validated gate, made by {@link VerifyOptions#request}.
 *
 * @param s3Source     the S3 source, or null for a folder
 * @param folder       the folder source, or null for S3
 * @param destination  the container and prefix
 * @param sampleRate   share of objects re-read when no comparable hash exists
 * @param veleroBackup the Velero backup whose layout is checked, or null
 * @param parallel     objects re-read at once
 * @param output       report folder, or null
 * @param force        replace an output folder eks2aks did not write
 */
public record VerifyRequest(S3Location s3Source, Path folder, BlobLocation destination, double sampleRate, String veleroBackup,
                            int parallel, Path output, boolean force) {

    public String sourceDescription() {
        return s3Source != null ? s3Source.toString() : folder.toString();
    }
}
