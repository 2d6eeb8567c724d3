package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.velero.restore.RestoreOptions;
import io.jenkins.plugins.eks2aks.velero.restore.RestoreRequest;
import io.jenkins.plugins.eks2aks.velero.restore.RestoreResult;
import io.jenkins.plugins.eks2aks.velero.restore.VeleroRestore;
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

/** {@code eks2aks restore}: restores an EKS backup on AKS through Velero's API. */
@Command(name = "restore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Restores a Velero backup of the EKS cluster on AKS, through Velero's API (no velero binary): a read-only "
                        + "BackupStorageLocation eks2aks-<backup> on the Blob container the backup was copied to, the storage-class "
                        + "and image ConfigMaps (from convert --velero-configmaps, or built from --mapping), then a Restore; waits "
                        + "with progress, then checks what Completed does not prove (as verify-restore).",
                "A target StorageClass missing on AKS, or a ConfigMap of the same name eks2aks did not write, stops it before "
                        + "anything is created. Re-running re-attaches to the same Restore. Writes OUT/restore-result.json "
                        + "(and OUT/verify-restore.json, OUT/verify-restore-junit.xml)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the restore Completed and verified (or was started, with --no-wait; or the dry run printed it)",
                "1:the restore Failed, FailedValidation, was deleted, timed out, or a verify-restore check failed",
                "2:the restore PartiallyFailed",
                "3:the options are wrong, Velero is not ready, a StorageClass is missing, or the cluster could not be read; nothing was created",
                "64:the command line could not be parsed"},
        footer = {"", "Example:", "  eks2aks restore -g rg-shop -n shop-aks --backup shop-move --storage-account shopbackups --container velero "
                + "--storage-resource-group rg-backups --velero-configmaps target/demo/velero --include-namespaces shop --out target/restore"})
final class RestoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--backup", required = true, paramLabel = "NAME", description = "The Backup to restore (as created on EKS).")
    String backup;

    @Option(names = "--storage-account", paramLabel = "ACCOUNT", description = "The Azure storage account the backup was copied to.")
    String storageAccount;

    @Option(names = "--container", paramLabel = "CONTAINER", description = "Its Blob container (the location's bucket).")
    String container;

    @Option(names = "--prefix", paramLabel = "P", description = "The prefix inside the container, if the backup is under one.")
    String prefix;

    @Option(names = "--storage-resource-group", paramLabel = "RG", description = "The storage account's resource group.")
    String storageResourceGroup;

    @Option(names = "--velero-configmaps", paramLabel = "DIR", description = "The velero/ folder convert --velero-configmaps wrote.")
    Path veleroConfigMaps;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Instead: build the ConfigMaps from this eks2aks.yaml (storageClasses, registries).")
    Path mapping;

    @Option(names = "--include-namespaces", paramLabel = "NS", split = ",", description = "Namespaces to restore (default: all in the backup).")
    List<String> includeNamespaces = new ArrayList<>();

    @Option(names = "--namespace-mapping", paramLabel = "OLD:NEW", split = ",", description = "Restore namespace OLD as NEW.")
    List<String> namespaceMapping = new ArrayList<>();

    @Option(names = "--existing-resource-policy", paramLabel = "none|update", description = "What Velero does with objects that exist (default: none).")
    String existingResourcePolicy;

    @Option(names = "--velero-namespace", paramLabel = "NS", description = "Velero's namespace (default: velero).")
    String veleroNamespace;

    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Wait for the restore to finish (default); --no-wait returns once it is created.")
    boolean waitForEnd;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long to wait for the sync, the restore and the rollouts, e.g. 2h (default: 2h).")
    String timeout;

    @Option(names = "--no-verify", description = "Skip the verify-restore checks after the restore.")
    boolean noVerify;

    @Option(names = "--dry-run", description = "Print the location, the ConfigMaps and the Restore as YAML on stdout; touch no cluster.")
    boolean dryRun;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where restore-result.json goes (replaced as a whole); required unless --dry-run.")
    Path out;

    @CommandLine.Mixin
    ForceOutputOption forceOutput = new ForceOutputOption();

    @CommandLine.Mixin
    AksClusterOptions cluster = new AksClusterOptions();

    Duration pollInterval = Duration.ofSeconds(10);
    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        ConsoleEvents events = dryRun ? new ConsoleEvents(spec.commandLine().getErr(), spec.commandLine().getErr(), false, false)
                : new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, false);
        RestoreRequest request = new RestoreOptions(backup, storageAccount, container, prefix, storageResourceGroup,
                cluster.subscription, veleroConfigMaps, mapping, includeNamespaces, namespaceMapping, existingResourcePolicy,
                veleroNamespace, waitForEnd, timeout, !noVerify, dryRun, out == null ? null : forceOutput.checked(out),
                forceOutput.force, pollInterval, cluster.options()).request(RestoreOptions.Names.CLI);
        ClusterConnector connector = new ClusterConnector(environment, null, null, null, Duration.ofSeconds(30), clock, events);
        RestoreResult result = new VeleroRestore(events, clock).run(request, connector);
        if (dryRun) {
            spec.commandLine().getOut().print(result.yaml());
            spec.commandLine().getOut().flush();
        }
        return result.outcome().exitCode();
    }
}
