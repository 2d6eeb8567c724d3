package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.preflight.PreflightOptions;
import io.jenkins.plugins.eks2aks.preflight.PreflightRunner;
import io.jenkins.plugins.eks2aks.preflight.PreflightSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eks2aks preflight}: proves the target AKS cluster is ready, check by check. */
@Command(name = "preflight",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Checks that the target AKS cluster is ready for the workloads of the inventory: version, OIDC issuer and "
                        + "Workload ID, CSI drivers and snapshot controller, storage classes, the ingress controller, Velero "
                        + "and its backup location, ACR pull. Each check passes, fails with its fix, or is not checked.",
                "Reads the cluster from Azure Resource Manager (--resource-group/--name; AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, "
                        + "AZURE_TENANT_ID, AZURE_SUBSCRIPTION_ID) and/or its Kubernetes API (--kubeconfig).",
                "Writes OUT/preflight.json, OUT/preflight.md and OUT/preflight-junit.xml."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed or could not be checked", "2:a check failed (see the report's fixes)",
                "3:the options are wrong or a cluster could not be read", "64:the command line could not be parsed"},
        footer = {"", "Example:", "  eks2aks preflight --resource-group rg-shop --name shop-aks --kubeconfig aks.kubeconfig "
                + "--inventory target/inventory/inventory.json --ingress app-routing --acr contoso.azurecr.io --out target/preflight"})
final class PreflightCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--subscription", paramLabel = "ID", description = "Azure subscription (default: AZURE_SUBSCRIPTION_ID).")
    String subscription;

    @Option(names = {"-g", "--resource-group"}, paramLabel = "GROUP", description = "Resource group of the AKS cluster.")
    String resourceGroup;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Name of the AKS cluster.")
    String name;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "A kubeconfig for the AKS cluster (for the in-cluster checks).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "With --kubeconfig: the context (default: the current one).")
    String context;

    @Option(names = "--inventory", paramLabel = "FILE", description = "The source's inventory.json: what the target must offer.")
    Path inventory;

    @Option(names = "--source-version", paramLabel = "VERSION", description = "Without --inventory: the EKS version AKS must not be older than.")
    String sourceVersion;

    @Option(names = "--ingress", paramLabel = "TARGET", description = "The chosen ingress: app-routing, agc, agic or nginx.")
    String ingress;

    @Option(names = "--acr", paramLabel = "REGISTRY", description = "The ACR the workloads pull from, e.g. contoso.azurecr.io: with --name, the kubelet identity's role assignments on it are read (AcrPull or a role granting registries/pull/read).")
    String acr;

    @Option(names = "--velero-namespace", paramLabel = "NS", defaultValue = "velero", description = "Velero's namespace (default: ${DEFAULT-VALUE}).")
    String veleroNamespace;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Report directory; replaced as a whole.")
    Path out;

    @CommandLine.Mixin
    ForceOutputOption forceOutput = new ForceOutputOption();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Timeout of each Kubernetes API call (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();

    /** How this command spells each option in the engine's messages. */
    static final PreflightOptions.Names NAMES = new PreflightOptions.Names("--resource-group", "--name", "--subscription",
            "--kubeconfig", "--inventory", "--ingress", "--out", "--timeout");

    @Override
    public Integer call() {
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, false);
        PreflightOptions options = new PreflightOptions(resourceGroup, name, subscription, text(kubeconfig), context, text(inventory),
                sourceVersion, ingress, acr, veleroNamespace, out.toString(), forceOutput.force, timeoutSeconds);
        PreflightSummary summary = new PreflightRunner(events, clock).run(options.request(NAMES, PathScope.currentFolder()),
                environment, null);
        return summary.ready() ? Eks2AksCommand.EXIT_OK : Eks2AksCommand.EXIT_DECISIONS_PENDING;
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }
}
