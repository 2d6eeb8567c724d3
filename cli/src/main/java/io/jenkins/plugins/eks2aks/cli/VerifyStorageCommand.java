package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.storage.StorageAccess;
import io.jenkins.plugins.eks2aks.storage.verify.StorageVerify;
import io.jenkins.plugins.eks2aks.storage.verify.VerifyOptions;
import io.jenkins.plugins.eks2aks.storage.verify.VerifyRequest;
import io.jenkins.plugins.eks2aks.storage.verify.VerifySummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eks2aks verify-storage}: the gate before a restore, proving the container holds the whole source. */
@Command(name = "verify-storage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Compares an S3 prefix or a local folder with a blob container: every object present with the same size; "
                        + "the same content where both sides carry a comparable hash (a single-part ETag against the blob's "
                        + "Content-MD5) and otherwise a SHA-256 re-read of both sides for a sample (--sample-rate); nothing extra "
                        + "in the destination. --velero-backup NAME also checks the files a Velero restore of that backup reads.",
                "Credentials as for sync-storage. With --out, writes OUT/verify.json, OUT/verify.md and OUT/verify-junit.xml."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the destination holds the whole source", "2:objects are missing, truncated, different or extra (named), "
                + "or the source is empty", "3:bad input: options, a missing bucket or container, wrong keys, an expired SAS",
                "64:the command line could not be parsed"},
        footer = {"", "Example:",
                "  eks2aks verify-storage s3://velero-backups/eks 'https://contoso.blob.core.windows.net/velero/eks?sv=...' "
                        + "--velero-backup nightly-20261205 --out target/verify"})
final class VerifyStorageCommand implements Callable<Integer> {

    static final VerifyOptions.Names NAMES = new VerifyOptions.Names("SOURCE", "DESTINATION", "--sample-rate", "--velero-backup", "--parallel");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "s3://BUCKET[/PREFIX] or a local folder.")
    String source;

    @Parameters(index = "1", paramLabel = "DESTINATION", description = "https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX][?SAS].")
    String destination;

    @Option(names = "--sample-rate", paramLabel = "SHARE",
            description = "Share of objects without comparable hashes re-read on both sides, 0 to 1 (default: 1.0, all).")
    Double sampleRate;

    @Option(names = "--velero-backup", paramLabel = "NAME", description = "Also check Velero's files for this backup.")
    String veleroBackup;

    @Option(names = "--parallel", paramLabel = "N", description = "Objects re-read at once (default: 8).")
    Integer parallel;

    @Option(names = "--region", paramLabel = "REGION", description = "The bucket's AWS region (default: AWS_REGION, then the profile).")
    String region;

    @Option(names = "--s3-path-style", description = "Path-style S3 addressing (automatic for an IP or localhost endpoint).")
    boolean s3PathStyle;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Report directory (replaced as a whole).")
    Path out;

    @CommandLine.Mixin
    ForceOutputOption forceOutput = new ForceOutputOption();

    @Option(names = {"-q", "--quiet"}, description = "Only the findings and the summary line.")
    boolean quiet;

    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws InterruptedException {
        VerifyRequest request = new VerifyOptions(source, destination, sampleRate, veleroBackup, parallel,
                out == null ? null : forceOutput.checked(out), forceOutput.force).request(NAMES);
        StorageAccess access = StorageAccess.resolve(environment, request.destination(), request.s3Source() != null, region,
                "--region", s3PathStyle, null, request.parallel());
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, quiet);
        VerifySummary summary = new StorageVerify(events, access.masking()).run(request, access.source(request.s3Source(), request.folder()),
                access.blobDestination());
        if (quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        return summary.passed() ? Eks2AksCommand.EXIT_OK : Eks2AksCommand.EXIT_DECISIONS_PENDING;
    }
}
