package io.jenkins.plugins.eks2aks.migrate;

import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.OptionException;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.images.CopyImagesOptions;
import io.jenkins.plugins.eks2aks.images.select.SelectionOptions;
import io.jenkins.plugins.eks2aks.plan.MigrationStep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A migration run as the CLI options and the {@code eksToAksMigration} step's parameters give it, as plain values.
 * {@link #request} validates them and applies the defaults. Each step's inputs are optional here: a step whose inputs
 * are not given is skipped with the reason, so one can rehearse the steps one cloud at a time.
 *
 * @param manifests            the EKS manifests (file or folder): what {@code convert} reads
 * @param mapping              the mapping file, or null for {@code MANIFESTS/eks2aks.yaml} when present
 * @param output               the migration's folder: the ledger, the run report and one subfolder per step
 * @param force                use an output folder eks2aks did not write
 * @param from                 force this step and those after it, or null
 * @param until                stop after this step, or null
 * @param dryRun               print what would run and why; write and touch nothing
 * @param eksCluster           the EKS cluster (live inventory and backup), or null
 * @param region               its AWS region, or null for the environment's
 * @param sourceKubeconfig     a kubeconfig for EKS instead of {@code eksCluster}, or null
 * @param sourceContext        its context, or null
 * @param dump                 a cluster dump to inventory offline, or null
 * @param resourceGroup        the AKS cluster's resource group, or null
 * @param aksCluster           the AKS cluster's name, or null
 * @param subscription         the Azure subscription, or null for the environment's
 * @param targetKubeconfig     a kubeconfig for AKS, or null
 * @param targetContext        its context, or null
 * @param acr                  the registry images go to (and convert points the workloads at), or null
 * @param imagesFile           the images to copy, one a line, or null for the inventory's {@code ecr-images.txt}
 * @param imageMode            import or copy, or null for the target's default
 * @param plainHttp            {@code host:port} of registries served over plain HTTP
 * @param backupName           the Velero Backup's name, or null for {@value #DEFAULT_BACKUP_NAME} (stable, so a re-run reuses it)
 * @param namespaces           the namespaces to back up, restore and verify, or empty for all
 * @param veleroNamespace      Velero's namespace on both sides, or null for {@code velero}
 * @param timeout              how long to wait for the backup, the restore and the rollouts, e.g. 2h, or null
 * @param storageSource        {@code s3://bucket[/prefix]} or a local folder with the backup's objects, or null
 * @param storageDestination   the blob container URL they go to, or null
 * @param storageAccount       the storage account of that container (for the restore), or null
 * @param container            the container's name (for the restore), or null
 * @param storageResourceGroup the storage account's resource group (for the restore), or null
 */
public record MigrateOptions(String manifests, String mapping, String output, boolean force, String from, String until,
                             boolean dryRun, String eksCluster, String region, String sourceKubeconfig, String sourceContext,
                             String dump, String resourceGroup, String aksCluster, String subscription, String targetKubeconfig,
                             String targetContext, String acr, String imagesFile, String imageMode, List<String> plainHttp,
                             String backupName, List<String> namespaces, String veleroNamespace, String timeout,
                             String storageSource, String storageDestination, String storageAccount, String container,
                             String storageResourceGroup) {

    /** A fixed name, so a re-run finds the Backup the last run created instead of starting another. */
    public static final String DEFAULT_BACKUP_NAME = "eks2aks-migration";

    /**
     * How a front end spells each option, for messages: {@code --from} on the command line, {@code 'from'} in a step;
     * and the front end's own way to do what migrate itself never does, since a build log must not name a CLI command.
     *
     * @param overwriteImages how an image copy replaces a tag the target already holds: {@code eks2aks copy-images --force},
     *                        or the {@code ecrToAcr} step's {@code force}
     * @param shiftTraffic    what moves the traffic afterwards: {@code eks2aks shift-traffic}, or the {@code shiftTraffic} step
     * @param frontEnd        the commands or steps the inventory's findings and convert's decisions send the user to
     */
    public record Names(String manifests, String mapping, String output, String from, String until, String eksCluster,
                        String region, String sourceKubeconfig, String sourceContext, String dump, String resourceGroup,
                        String aksCluster, String subscription, String targetKubeconfig, String targetContext, String acr,
                        String imagesFile, String imageMode, String backupName, String namespaces, String timeout,
                        String storageSource, String storageDestination, String storageAccount, String container,
                        String storageResourceGroup, String overwriteImages, String shiftTraffic,
                        FrontEndNames frontEnd) {

        /** The command line's spellings. */
        public static final Names CLI = new Names("MANIFESTS", "--mapping", "--out", "--from", "--until", "--eks-cluster", "--region",
                "--eks-kubeconfig", "--eks-context", "--dump", "--resource-group", "--aks-cluster", "--subscription",
                "--aks-kubeconfig", "--aks-context", "--acr", "--images-file", "--image-mode", "--backup-name", "--namespaces",
                "--timeout", "--storage-source", "--storage-destination", "--storage-account", "--container",
                "--storage-resource-group", "eks2aks copy-images --force", "eks2aks shift-traffic",
                FrontEndNames.CLI);

        /**
         * The image step's names. Images, selections and parallel are fixed by migrate and always valid, so no message
         * names them; an import that would replace a tag is refused, and since migrate never forces, the message sends
         * the user to the front end's own forced copy instead of an option migrate does not have.
         */
        public CopyImagesOptions.Names copyImages() {
            String fixed = StepActions.FIXED;
            return new CopyImagesOptions.Names(fixed, imagesFile, new SelectionOptions.Names(fixed, fixed, fixed, fixed), acr, imageMode,
                    fixed, resourceGroup, subscription, output, overwriteImages + " (migrate never replaces a tag)");
        }
    }

    public MigrateOptions {
        plainHttp = plainHttp == null ? new ArrayList<>() : new ArrayList<>(plainHttp);
        namespaces = namespaces == null ? new ArrayList<>() : new ArrayList<>(namespaces);
    }

    /** Checks what can be checked without touching a file, so a step fails on the controller before an agent is used. */
    public void check(Names names) {
        if (blank(manifests)) {
            throw new OptionException(names.manifests() + " is required: the EKS manifests, a file or a folder");
        }
        if (blank(output)) {
            throw new OptionException(names.output() + " is required: the migration's folder (ledger, reports)");
        }
        MigrationStep first = step(from, names.from());
        MigrationStep last = step(until, names.until());
        if (first != null && last != null && last.ordinal() < first.ordinal()) {
            throw new OptionException(names.until() + " " + until + " comes before " + names.from() + " " + from
                    + ": the steps run in the order " + stepList());
        }
        if (!blank(eksCluster) && !blank(sourceKubeconfig)) {
            throw new OptionException("Give " + names.eksCluster() + " or " + names.sourceKubeconfig() + " for EKS, not both");
        }
        if (blank(resourceGroup) != blank(aksCluster)) {
            throw new OptionException("Give both " + names.resourceGroup() + " and " + names.aksCluster()
                    + " to reach the AKS cluster through Azure, or neither");
        }
        if (blank(storageSource) != blank(storageDestination)) {
            throw new OptionException("Give both " + names.storageSource() + " and " + names.storageDestination()
                    + " to copy the backup's storage, or neither");
        }
    }

    /**
     * The validated request: paths resolved in {@code scope} (a step's workspace confines them), inputs that must exist
     * checked, the output checked against the inputs.
     */
    public MigrateRequest request(Names names, PathScope scope) {
        check(names);
        Path manifestPath = existing(scope.input(manifests, names.manifests()), manifests, names.manifests());
        Path mappingFile = existing(scope.input(mapping, names.mapping()), mapping, names.mapping());
        Path dumpPath = existing(scope.input(dump, names.dump()), dump, names.dump());
        Path sourceConfig = existing(scope.input(sourceKubeconfig, names.sourceKubeconfig()), sourceKubeconfig, names.sourceKubeconfig());
        Path targetConfig = existing(scope.input(targetKubeconfig, names.targetKubeconfig()), targetKubeconfig, names.targetKubeconfig());
        Path images = existing(scope.input(imagesFile, names.imagesFile()), imagesFile, names.imagesFile());
        String storage = trim(storageSource);
        if (storage != null && !storage.startsWith("s3://")) {
            // A local folder (a rehearsal's stand-in for the bucket) is an input like any other.
            storage = existing(scope.input(storage, names.storageSource()), storage, names.storageSource()).toString();
        }
        List<Path> inputs = new ArrayList<>(List.of(manifestPath));
        for (Path p : new Path[] {mappingFile, dumpPath, sourceConfig, targetConfig, images}) {
            if (p != null) {
                inputs.add(p);
            }
        }
        Path out = scope.output(output, names.output(), inputs).toAbsolutePath().normalize();
        return new MigrateRequest(manifestPath, mappingFile, out, force, step(from, names.from()), step(until, names.until()), dryRun,
                trim(eksCluster), trim(region), sourceConfig, trim(sourceContext), dumpPath, trim(resourceGroup), trim(aksCluster),
                trim(subscription), targetConfig, trim(targetContext), trim(acr), images, trim(imageMode), List.copyOf(plainHttp),
                blank(backupName) ? DEFAULT_BACKUP_NAME : backupName.trim(), !blank(backupName),
                namespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).toList(), trim(veleroNamespace), trim(timeout),
                storage, trim(storageDestination), trim(storageAccount), trim(container), trim(storageResourceGroup),
                MigrateRequest.DEFAULT_POLL_INTERVAL, names);
    }

    private static MigrationStep step(String key, String name) {
        if (blank(key)) {
            return null;
        }
        MigrationStep step = MigrationStep.fromKey(key.trim());
        if (step == null) {
            throw OptionException.invalidChoice(name, key, stepList());
        }
        return step;
    }

    static String stepList() {
        return Arrays.stream(MigrationStep.values()).map(MigrationStep::key).collect(Collectors.joining(", "));
    }

    private static Path existing(Path path, String value, String name) {
        if (path == null) {
            return null;
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new MigrationException(name + " '" + value + "' does not exist");
        }
        return absolute;
    }

    private static String trim(String value) {
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
