package io.jenkins.plugins.eks2aks.storage.verify;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.storage.blob.BlobLocation;
import io.jenkins.plugins.eks2aks.storage.source.S3Location;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gate as the CLI options and the step parameters give it.
 *
 * @param source       {@code s3://BUCKET[/PREFIX]} or a local folder
 * @param destination  the container URL
 * @param sampleRate   the share of objects without comparable hashes that are re-read on both sides, or null for 1.0
 * @param veleroBackup also check Velero's layout for this backup, or null
 * @param parallel     objects re-read at once, or null for 8
 * @param output       where {@code verify.json}, {@code .md} and {@code verify-junit.xml} go; null to write nothing
 * @param force        replace an output folder eks2aks did not write
 */
public record VerifyOptions(String source, String destination, Double sampleRate, String veleroBackup, Integer parallel,
                            Path output, boolean force) {

    /** What the edge calls each option. */
    public record Names(String source, String destination, String sampleRate, String veleroBackup, String parallel) {
    }

    public VerifyRequest request(Names names) {
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
        double rate = sampleRate == null ? 1.0 : sampleRate;
        if (!(rate >= 0 && rate <= 1)) {
            throw new MigrationException("Invalid " + names.sampleRate() + " " + sampleRate + ": give a share from 0 to 1, e.g. 0.1");
        }
        int n = parallel == null ? 8 : parallel;
        if (n < 1 || n > 256) {
            throw new MigrationException("Invalid " + names.parallel() + " " + n + ": give 1 to 256");
        }
        String backup = veleroBackup == null || veleroBackup.isBlank() ? null : veleroBackup.trim();
        if (backup != null && !backup.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?")) {
            throw new MigrationException("Invalid " + names.veleroBackup() + " '" + veleroBackup
                    + "': a Velero backup name is a Kubernetes object name (lower case letters, digits, '-' and '.')");
        }
        return new VerifyRequest(s3, folder, BlobLocation.parse(destination, names.destination()), rate, backup, n, output, force);
    }
}
