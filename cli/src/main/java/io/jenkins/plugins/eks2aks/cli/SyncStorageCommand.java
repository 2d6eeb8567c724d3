package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.storage.StorageAccess;
import io.jenkins.plugins.eks2aks.storage.StorageSync;
import io.jenkins.plugins.eks2aks.storage.StorageSyncOptions;
import io.jenkins.plugins.eks2aks.storage.StorageSyncRequest;
import io.jenkins.plugins.eks2aks.storage.SyncSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eks2aks sync-storage}: the backup bucket (or a folder) into a blob container, re-runnable and resumable. */
@Command(name = "sync-storage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Copies an S3 prefix (s3://BUCKET[/PREFIX]) or a local folder into an Azure Blob container "
                        + "(https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX], or an Azurite URL), the step between "
                        + "veleroBackup on EKS and the restore on AKS.",
                "Engine java (default, no external binary): streams each object into a block blob in blocks, records the "
                        + "source ETag/size/time in the blob's metadata, so a re-run copies only what changed and a killed run "
                        + "resumes from its staged blocks. Engine azcopy: runs AzCopy (on the PATH or --azcopy), azcopy sync "
                        + "for a folder, azcopy copy --overwrite=ifSourceNewer for S3, failed transfers resumed with azcopy jobs resume.",
                "S3: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY[/AWS_SESSION_TOKEN], AWS_PROFILE or a role; AWS_REGION; "
                        + "AWS_ENDPOINT_URL_S3 for another endpoint. Blob: the SAS in the URL, AZURE_STORAGE_SAS_TOKEN, "
                        + "AZURE_STORAGE_CONNECTION_STRING, or Entra ID (AZURE_CLIENT_ID/..., workload or managed identity). "
                        + "No key or SAS signature is printed.",
                "With --out, writes OUT/sync-result.json and OUT/sync-result.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every object is in the destination", "1:some objects failed (named on stderr and in the report)",
                "2:the source holds no objects (check the bucket, the prefix, the region)",
                "3:bad input: options, a missing bucket or container, wrong keys, an expired SAS, AzCopy missing or too old",
                "64:the command line could not be parsed"},
        footer = {"", "Examples:",
                "  eks2aks sync-storage s3://velero-backups/eks 'https://contoso.blob.core.windows.net/velero/eks?sv=...&sig=...' --out target/sync",
                "  eks2aks sync-storage /var/backups/velero https://contoso.blob.core.windows.net/velero --engine azcopy --dry-run"})
final class SyncStorageCommand implements Callable<Integer> {

    static final StorageSyncOptions.Names NAMES = new StorageSyncOptions.Names("SOURCE", "DESTINATION", "--engine", "--parallel",
            "--block-size", "--azcopy", "--out");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "s3://BUCKET[/PREFIX] or a local folder.")
    String source;

    @Parameters(index = "1", paramLabel = "DESTINATION",
            description = "https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX][?SAS] (quote it: a SAS holds '&').")
    String destination;

    @Option(names = "--engine", paramLabel = "java|azcopy", description = "Who moves the bytes (default: java).")
    String engine;

    @Option(names = "--parallel", paramLabel = "N", description = "Objects in flight at once, java engine (default: 8).")
    Integer parallel;

    @Option(names = "--block-size", paramLabel = "MiB", description = "Block size of the java engine; memory is about N x this (default: 8).")
    Integer blockSize;

    @Option(names = "--azcopy", paramLabel = "PATH", description = "The AzCopy binary (default: azcopy on the PATH).")
    String azcopy;

    @Option(names = "--region", paramLabel = "REGION", description = "The bucket's AWS region (default: AWS_REGION, then the profile).")
    String region;

    @Option(names = "--s3-path-style", description = "Path-style S3 addressing (automatic for an IP or localhost endpoint).")
    boolean s3PathStyle;

    @Option(names = "--dry-run", description = "List what would be copied, with the totals; copy nothing.")
    boolean dryRun;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Report directory (replaced as a whole).")
    Path out;

    @CommandLine.Mixin
    ForceOutputOption forceOutput = new ForceOutputOption();

    @Option(names = {"-q", "--quiet"}, description = "Only warnings, errors and the summary line.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also each object as it is copied.")
    boolean verbose;

    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        StorageSyncRequest request = new StorageSyncOptions(source, destination, engine, parallel, blockSize, dryRun, azcopy,
                out == null ? null : forceOutput.checked(out), forceOutput.force).request(NAMES);
        StorageAccess access = StorageAccess.resolve(environment, request.destination(), request.s3Source() != null, region,
                "--region", s3PathStyle, null, request.parallel());
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), verbose, quiet);
        SyncSummary summary = new StorageSync(events).run(request, access, environment);
        if (quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        if (summary.emptySource()) {
            return Eks2AksCommand.EXIT_DECISIONS_PENDING;
        }
        return summary.failed().isEmpty() ? Eks2AksCommand.EXIT_OK : Eks2AksCommand.EXIT_FAILED;
    }
}
