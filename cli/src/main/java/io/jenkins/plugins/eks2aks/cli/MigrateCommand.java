package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.images.RegistryLogins;
import io.jenkins.plugins.eks2aks.images.auth.AuthFile;
import io.jenkins.plugins.eks2aks.migrate.MigrateOptions;
import io.jenkins.plugins.eks2aks.migrate.MigrationClients;
import io.jenkins.plugins.eks2aks.migrate.MigrationRun;
import io.jenkins.plugins.eks2aks.migrate.MigrationSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eks2aks migrate}: the migration's steps in order, as one resumable run; traffic stays where it is. */
@Command(name = "migrate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Runs inventory, preflight, images, convert, backup, sync-storage, verify-storage, restore and verify-restore "
                        + "in order, with one mapping file, into one folder: OUT/ledger.json, OUT/migration.json and .md, and "
                        + "one subfolder per step with its reports. A step whose inputs are not given is skipped with the reason.",
                "Each finished step is recorded in the ledger with the digest of its inputs. A re-run skips every step that "
                        + "finished with the same inputs (and whose earlier steps did not run again) and continues where the last "
                        + "run stopped. It never moves traffic: shift-traffic is a separate, gated step."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every step ran, was up to date or was skipped (or the dry run printed what would run)",
                "1:a step failed: it is named, with the command that resumes",
                "3:the options or an input are wrong, or the folder holds files eks2aks did not write; nothing ran",
                "64:the command line could not be parsed"},
        footer = {"", "Examples:",
                "  eks2aks migrate examples/eks-sample --dump examples/eks-sample/cluster-dump --out target/migration --dry-run",
                "  eks2aks migrate shop/ --eks-cluster shop-prod --region us-east-1 -g rg-shop --aks-cluster shop-aks --acr contoso.azurecr.io "
                        + "--storage-source s3://velero-backups/eks --storage-destination 'https://shopbackups.blob.core.windows.net/velero/eks?sv=...' "
                        + "--storage-account shopbackups --container velero --storage-resource-group rg-backups --namespaces shop --out target/migration",
                "  eks2aks migrate shop/ ... --out target/migration --from backup     (redo the backup and everything after it)"})
final class MigrateCommand implements Callable<Integer> {

    static final MigrateOptions.Names NAMES = MigrateOptions.Names.CLI;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MANIFESTS", description = "The EKS manifests: a file or a folder (what convert reads).")
    String manifests;

    @Option(names = {"-m", "--mapping"}, paramLabel = "FILE", description = "The mapping file (default: MANIFESTS/eks2aks.yaml when it exists).")
    String mapping;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The migration's folder; kept between runs (it holds the ledger).")
    String out;

    @CommandLine.Mixin
    ForceOutputOption forceOutput = new ForceOutputOption();

    @Option(names = "--from", paramLabel = "STEP", description = "Run this step and every one after it again, finished or not.")
    String from;

    @Option(names = "--until", paramLabel = "STEP", description = "Stop after this step.")
    String until;

    @Option(names = "--dry-run", description = "Print which steps would run and why; run and write nothing.")
    boolean dryRun;

    @Option(names = "--eks-cluster", paramLabel = "NAME", description = "The EKS cluster (AWS settings as every AWS tool reads them).")
    String eksCluster;

    @Option(names = "--region", paramLabel = "REGION", description = "Its AWS region, and the bucket's (default: AWS_REGION, the profile).")
    String region;

    @Option(names = "--eks-kubeconfig", paramLabel = "FILE", description = "A kubeconfig for EKS instead of --eks-cluster.")
    String eksKubeconfig;

    @Option(names = "--eks-context", paramLabel = "NAME", description = "With --eks-kubeconfig: the context.")
    String eksContext;

    @Option(names = "--dump", paramLabel = "PATH", description = "A cluster dump the inventory reads offline (the backup still needs a live cluster).")
    String dump;

    @Option(names = {"-g", "--resource-group"}, paramLabel = "GROUP", description = "The AKS cluster's resource group.")
    String resourceGroup;

    @Option(names = "--aks-cluster", paramLabel = "NAME", description = "The AKS cluster (AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_TENANT_ID).")
    String aksCluster;

    @Option(names = "--subscription", paramLabel = "ID", description = "The Azure subscription (default: AZURE_SUBSCRIPTION_ID).")
    String subscription;

    @Option(names = "--aks-kubeconfig", paramLabel = "FILE", description = "A kubeconfig for AKS.")
    String aksKubeconfig;

    @Option(names = "--aks-context", paramLabel = "NAME", description = "With --aks-kubeconfig: the context.")
    String aksContext;

    @Option(names = "--acr", paramLabel = "REGISTRY[/PREFIX]", description = "Where the images go; convert points the workloads at it.")
    String acr;

    @Option(names = "--images-file", paramLabel = "FILE", description = "The images to copy, one a line (default: the inventory's ecr-images.txt).")
    String imagesFile;

    @Option(names = "--image-mode", paramLabel = "import|copy", description = "How images move (default: import into an ACR, else copy).")
    String imageMode;

    @Option(names = "--plain-http", paramLabel = "HOST:PORT", description = "A registry served over plain HTTP. Repeatable.")
    List<String> plainHttp = new ArrayList<>();

    @Option(names = "--authfile", paramLabel = "FILE", description = "Registry credentials in the Docker/Podman auth file format.")
    Path authFile;

    @Option(names = "--backup-name", paramLabel = "NAME", description = "The Velero Backup (default: " + MigrateOptions.DEFAULT_BACKUP_NAME
            + ", so a re-run finds it).")
    String backupName;

    @Option(names = "--namespaces", paramLabel = "NS", split = ",", description = "The namespaces to back up, restore and verify (default: all).")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--velero-namespace", paramLabel = "NS", description = "Velero's namespace on both clusters (default: velero).")
    String veleroNamespace;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long to wait for the backup, the restore and the rollouts, e.g. 2h.")
    String timeout;

    @Option(names = "--storage-source", paramLabel = "s3://BUCKET[/PREFIX]", description = "The backup bucket (or a local folder).")
    String storageSource;

    @Option(names = "--storage-destination", paramLabel = "URL", description = "The blob container it is copied to: https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX][?SAS].")
    String storageDestination;

    @Option(names = "--storage-account", paramLabel = "ACCOUNT", description = "For the restore: the storage account of that container.")
    String storageAccount;

    @Option(names = "--container", paramLabel = "CONTAINER", description = "For the restore: the container's name.")
    String container;

    @Option(names = "--storage-resource-group", paramLabel = "RG", description = "For the restore: the storage account's resource group.")
    String storageResourceGroup;

    @Option(names = {"-q", "--quiet"}, description = "Print only warnings, errors and the summary.")
    boolean quiet;

    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws InterruptedException {
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, quiet);
        MigrateOptions options = new MigrateOptions(manifests, mapping, out, forceOutput.force, from, until, dryRun, eksCluster, region,
                eksKubeconfig, eksContext, dump, resourceGroup, aksCluster, subscription, aksKubeconfig, aksContext, acr, imagesFile,
                imageMode, plainHttp, backupName, namespaces, veleroNamespace, timeout, storageSource, storageDestination,
                storageAccount, container, storageResourceGroup);
        var request = options.request(NAMES, PathScope.currentFolder());
        RegistryLogins logins = authFile == null ? RegistryLogins.NONE : new RegistryLogins(null, null, AuthFile.read(authFile));
        MigrationSummary summary = new MigrationRun(events, clock).run(request, new MigrationClients(environment, null, null, logins),
                resumeCommand(spec.commandLine().getParseResult().originalArgs()));
        if (quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        return summary.succeeded() ? Eks2AksCommand.EXIT_OK : Eks2AksCommand.EXIT_FAILED;
    }

    /** This command line without --from (the ledger knows where to continue), --dry-run or a SAS signature. */
    static String resumeCommand(List<String> args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--from")) {
                i++;
            } else if (!a.startsWith("--from=") && !a.equals("--dry-run")) {
                // A SAS signature is a secret: the printed command says where it goes, not what it is.
                a = a.replaceAll("([?&]sig=)[^&]*", "$1<signature>");
                kept.add(a.isEmpty() || a.matches(".*[\\s'\"$&;|<>()*?`\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
            }
        }
        if (kept.isEmpty() || !kept.get(0).equals("migrate")) {
            kept.add(0, "migrate");
        }
        return "eks2aks " + String.join(" ", kept);
    }
}
