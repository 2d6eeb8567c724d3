package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.manifests.ConversionSummary;
import io.jenkins.plugins.eks2aks.manifests.ConvertOptions;
import io.jenkins.plugins.eks2aks.manifests.FailOn;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code eks2aks convert}: EKS manifests in, AKS manifests and a report out. */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Converts Kubernetes manifests written for Amazon EKS into manifests for Azure AKS.",
                "Reads YAML (multi-document, kind: List) and JSON files or directories; writes OUT/manifests "
                        + "(mirroring the input layout, or OUT/overlay with --format kustomize) and "
                        + "OUT/report/conversion-report.{json,md,html}."},
        footer = {"", "Example:", "  eks2aks convert examples/eks-sample --acr contoso.azurecr.io --out target/demo"})
final class ConvertCommand implements Callable<Integer> {

    /** How this command spells each option in the engine's messages. */
    static final ConvertOptions.Names NAMES = ConvertOptions.Names.CLI;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "A manifest file or a directory of manifests.")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory; replaced as a whole when the conversion succeeds.")
    Path out;

    @Option(names = {"-m", "--mapping"}, paramLabel = "FILE",
            description = "Migration mapping file (eks2aks.yaml): registries, storage classes, identities, ingress target, … "
                    + "Default: INPUT/eks2aks.yaml when it exists. Flags override it.")
    Path mappingFile;

    @Option(names = "--acr", paramLabel = "REGISTRY",
            description = "ACR that receives every ECR image without a registry map entry: a name (contoso) or login server (contoso.azurecr.io).")
    String acr;

    @Option(names = "--registry-map", paramLabel = "ECR=ACR",
            description = "ECR host (optionally /repository-prefix) = ACR login server (optionally /prefix). Repeatable; the longest match wins.")
    List<String> registryMap = new ArrayList<>();

    @Option(names = "--ingress-target", paramLabel = "TARGET",
            description = "AKS ingress replacing ALB ingresses: webapprouting (default), agic or agc.")
    String ingressTarget;

    @Option(names = "--target-aks-version", paramLabel = "1.xx",
            description = "AKS Kubernetes version; API versions removed up to it are converted (default, as for inventory: "
                    + "the oldest AKS version still supported today).")
    String targetAksVersion;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "files",
            description = "files (converted manifests mirroring the input) or kustomize (an AKS overlay on the input). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--velero-configmaps", description = "Also write the ConfigMaps a Velero restore needs to get the same result.")
    boolean veleroConfigMaps;

    @Option(names = "--fail-on", paramLabel = "WHAT", defaultValue = "decisions",
            description = "decisions: exit 2 when decisions are pending, 3 on conflicts (default); conflicts: exit 3 on conflicts only; never: exit 0 unless the input is wrong.")
    String failOn;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out input paths: not read, not converted, not copied, and dropped from the kustomizations "
                    + "listing them. A glob without / matches a file or folder name at any depth (*.json, test), one with / "
                    + "the path from INPUT (charts/**, overlays/dev). Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--dry-run", description = "Convert and report on the terminal, write nothing.")
    boolean dryRun;

    @CommandLine.Mixin
    ForceOutputOption forceOutput = new ForceOutputOption();

    @Option(names = {"-q", "--quiet"}, description = "Print only warnings, errors and the summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also print every change with its value before and after.")
    boolean verbose;

    @Override
    public Integer call() {
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), verbose, quiet);
        ConvertOptions options = new ConvertOptions(input.toString(), out.toString(), mappingFile == null ? null : mappingFile.toString(),
                acr, registryMap, ingressTarget, targetAksVersion, format, veleroConfigMaps, failOn, dryRun, forceOutput.force, exclude);
        FailOn policy = options.check(NAMES);
        PathScope scope = PathScope.currentFolder();
        Path file = options.mappingFileFor(NAMES, scope);
        if (file != null && mappingFile == null) {
            spec.commandLine().getOut().println("[convert] Using mapping file " + file);
        }
        ConversionSummary summary = new ManifestConversion(events).run(options.request(NAMES, scope));
        if (quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        return switch (policy.verdict(summary)) {
            case CONFLICTS -> Eks2AksCommand.EXIT_ERROR;
            case DECISIONS_PENDING -> Eks2AksCommand.EXIT_DECISIONS_PENDING;
            case PASSED, DECISIONS_TOLERATED -> Eks2AksCommand.EXIT_OK;
        };
    }
}
