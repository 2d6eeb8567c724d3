package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.ConversionSummary;
import io.jenkins.plugins.eks2aks.manifests.ManifestConversion;
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
                        + "(mirroring the input layout) and OUT/report/conversion-report.{json,md}."},
        footer = {"", "Example:", "  eks2aks convert examples/eks-sample --acr contoso.azurecr.io --out target/demo"})
final class ConvertCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "A manifest file or a directory of manifests.")
    Path input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory; replaced as a whole when the conversion succeeds.")
    Path out;

    @Option(names = "--acr", paramLabel = "REGISTRY",
            description = "ACR that receives every ECR image without a --registry-map entry: a name (contoso) or login server (contoso.azurecr.io).")
    String acr;

    @Option(names = "--registry-map", paramLabel = "ECR=ACR",
            description = "ECR host (optionally /repository-prefix) = ACR login server (optionally /prefix). Repeatable; the longest match wins.")
    List<String> registryMap = new ArrayList<>();

    @Option(names = "--dry-run", description = "Convert and report on the terminal, write nothing.")
    boolean dryRun;

    @Option(names = {"-q", "--quiet"}, description = "Print only warnings, errors and the summary.")
    boolean quiet;

    @Override
    public Integer call() {
        RegistryMap registries = RegistryMap.of(registryMap, acr);
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, quiet);
        ConversionSummary summary = new ManifestConversion(events).run(new ConversionRequest(input, out, registries, dryRun));
        if (quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        if (summary.conflicts() > 0) {
            return Eks2AksCommand.EXIT_ERROR;
        }
        return summary.pendingDecisions() > 0 ? Eks2AksCommand.EXIT_DECISIONS_PENDING : Eks2AksCommand.EXIT_OK;
    }
}
