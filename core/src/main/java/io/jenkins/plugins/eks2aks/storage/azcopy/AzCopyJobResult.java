package io.jenkins.plugins.eks2aks.storage.azcopy;

import java.util.List;

/**
 * What one AzCopy run ended with.
 *
 * @param exitCode  AzCopy's exit code
 * @param jobId     the job id from its Init line, or null (a sync with nothing to do starts no job)
 * @param end       the EndOfJob message, or null when AzCopy ended without one
 * @param failed    the failed transfers, {@code source: error} each
 * @param dryRun    the Dryrun lines: what would be copied, {@code name (size)} each
 * @param dryRunBytes bytes the dry run would copy
 * @param fatal     the first message that says retrying cannot help (authentication), or null
 * @param lastError the last error or plain-text line, for a failure with no EndOfJob
 */
public record AzCopyJobResult(int exitCode, String jobId, AzCopyMessage end, List<String> failed, List<String> dryRun,
                              long dryRunBytes, String fatal, String lastError) {

    public AzCopyJobResult {
        failed = List.copyOf(failed);
        dryRun = List.copyOf(dryRun);
    }

    /** The job's status, e.g. {@code Completed}, {@code CompletedWithErrors}, {@code Failed}, {@code Cancelled}; null without one. */
    public String status() {
        return end == null ? null : end.string("JobStatus");
    }

    public boolean completed() {
        return exitCode == 0 && (end == null || end.content() == null || "Completed".equals(status()));
    }
}
