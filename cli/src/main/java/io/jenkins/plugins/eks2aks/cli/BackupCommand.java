package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.velero.backup.BackupOptions;
import io.jenkins.plugins.eks2aks.velero.backup.BackupRequest;
import io.jenkins.plugins.eks2aks.velero.backup.BackupResult;
import io.jenkins.plugins.eks2aks.velero.backup.VeleroBackup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eks2aks backup}: a Velero backup of the EKS cluster, through Velero's API. */
@Command(name = "backup",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Backs up the EKS cluster with Velero, through its API (no velero binary): checks Velero's CRDs, deployment, "
                        + "storage location and node agent, creates a Backup (volumes through file-system backup: EBS snapshots "
                        + "cannot move to Azure), waits for it with progress and writes OUT/backup-result.json and .md.",
                "Re-running with the same --name reuses a Completed Backup of the same spec and waits for one still running; "
                        + "nothing new is created. The same name with another spec is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the backup Completed (or was started, with --no-wait; or the dry run printed it)",
                "1:the backup Failed, FailedValidation, was deleted, or did not finish within --timeout",
                "2:the backup PartiallyFailed (warnings and errors counted in the result)",
                "3:the options are wrong, Velero is not ready, or the cluster could not be read; nothing was created",
                "64:the command line could not be parsed"},
        footer = {"", "Examples:", "  eks2aks backup --cluster shop-prod --region us-east-1 --name shop-move --include-namespaces shop,data --out target/backup",
                "  eks2aks backup --include-namespaces shop --dry-run"})
final class BackupCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", description = "The Backup's name (default: eks2aks-<UTC timestamp>).")
    String name;

    @Option(names = "--include-namespaces", paramLabel = "NS", split = ",", description = "Namespaces to back up (default: all).")
    List<String> includeNamespaces = new ArrayList<>();

    @Option(names = "--exclude-namespaces", paramLabel = "NS", split = ",", description = "Namespaces to leave out.")
    List<String> excludeNamespaces = new ArrayList<>();

    @Option(names = "--include-resources", paramLabel = "RESOURCE", split = ",", description = "Resources to back up (default: all).")
    List<String> includeResources = new ArrayList<>();

    @Option(names = "--selector", paramLabel = "K=V[,K=V]", description = "Only objects with these labels.")
    String selector;

    @Option(names = "--storage-location", paramLabel = "NAME", description = "The BackupStorageLocation (default: default).")
    String storageLocation;

    @Option(names = "--ttl", paramLabel = "DURATION", description = "How long Velero keeps the backup, e.g. 720h (default: Velero's).")
    String ttl;

    @Option(names = "--no-fs-backup", description = "Do not back up volumes through the node agent (file-system backup is on by default).")
    boolean noFsBackup;

    @Option(names = "--snapshot-volumes", description = "Also take native volume snapshots (off by default: they cannot be restored on Azure).")
    boolean snapshotVolumes;

    @Option(names = "--velero-namespace", paramLabel = "NS", description = "Velero's namespace (default: velero).")
    String veleroNamespace;

    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait for the backup to finish (default); --no-wait returns once it is created.")
    boolean waitForEnd;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long to wait, e.g. 2h (default: 2h).")
    String timeout;

    @Option(names = "--dry-run", description = "Print the Backup as YAML on stdout; touch no cluster (no cluster options needed).")
    boolean dryRun;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where backup-result.json and .md go (replaced as a whole); required unless --dry-run.")
    Path out;

    @CommandLine.Mixin
    ForceOutputOption forceOutput = new ForceOutputOption();

    @CommandLine.Mixin
    EksClusterOptions cluster = new EksClusterOptions();

    /** How often the wait reads the Backup again besides watching it; tests shorten it. */
    Duration pollInterval = Duration.ofSeconds(10);
    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        ConsoleEvents events = dryRun ? new ConsoleEvents(spec.commandLine().getErr(), spec.commandLine().getErr(), false, false)
                : new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, false);
        BackupRequest request = new BackupOptions(name, includeNamespaces, excludeNamespaces, includeResources, selector,
                storageLocation, ttl, !noFsBackup, snapshotVolumes, veleroNamespace, waitForEnd, timeout, dryRun,
                out == null ? null : forceOutput.checked(out), forceOutput.force, pollInterval, cluster.options())
                .request(BackupOptions.Names.CLI, clock);
        ClusterConnector connector = new ClusterConnector(environment, null, null, null, Duration.ofSeconds(30), clock, events);
        BackupResult result = new VeleroBackup(events, clock).run(request, connector);
        if (dryRun) {
            spec.commandLine().getOut().print(result.yaml());
            spec.commandLine().getOut().flush();
        }
        return result.outcome().exitCode();
    }
}
