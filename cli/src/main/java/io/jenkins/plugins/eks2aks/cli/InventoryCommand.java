package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.inventory.InventoryOptions;
import io.jenkins.plugins.eks2aks.inventory.InventoryRunner;
import io.jenkins.plugins.eks2aks.inventory.InventorySummary;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eks2aks inventory}: everything about the source cluster, live or from a dump. */
@Command(name = "inventory",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Inventories an EKS cluster for the move to AKS: control plane, node groups and the AKS node-pool plan, "
                        + "workloads, images (ECR marked), AWS dependencies with their Azure equivalents, removed API "
                        + "versions and the stateful footprint.",
                "Writes OUT/inventory.json, OUT/inventory.md, OUT/inventory.html and OUT/ecr-images.txt (the list ecrToAcr copies).",
                "AWS settings are read as every AWS tool reads them: AWS_REGION, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/"
                        + "AWS_SESSION_TOKEN, AWS_PROFILE, the default chain, and AWS_ENDPOINT_URL[_EKS|_STS]."},
        footer = {"", "Examples:", "  eks2aks inventory --dump examples/eks-sample/cluster-dump --out target/inventory",
                "  eks2aks inventory --cluster shop-prod --region us-east-1 --out target/inventory"})
final class InventoryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--cluster", paramLabel = "NAME", description = "Live: the EKS cluster name (with --region or AWS_REGION).")
        String cluster;

        @Option(names = "--dump", paramLabel = "PATH", description = "Offline: a cluster dump (kubectl get -A -o yaml output), a file or a directory.")
        Path dump;

        @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Live, Kubernetes API only (no EKS API): a kubeconfig file.")
        Path kubeconfig;
    }

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region of the cluster (default: AWS_REGION, AWS_DEFAULT_REGION, the profile).")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "AWS profile (default: AWS_PROFILE).")
    String profile;

    @Option(names = "--context", paramLabel = "NAME", description = "With --kubeconfig: the context (default: the current one).")
    String context;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output directory; replaced as a whole when the inventory succeeds.")
    Path out;

    @CommandLine.Mixin
    ForceOutputOption forceOutput = new ForceOutputOption();

    @Option(names = "--source-version", paramLabel = "VERSION", description = "The EKS Kubernetes version when the input does not say it (dumps), e.g. 1.29.")
    String sourceVersion;

    @Option(names = "--target-version", paramLabel = "VERSION",
            description = "The AKS version to review API removals for (default: the oldest AKS version still supported that is not older than the source).")
    String targetVersion;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Timeout of each call to the EKS and Kubernetes APIs (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = {"-q", "--quiet"}, description = "Print only warnings, errors and the summary.")
    boolean quiet;

    /** The environment AWS settings are read from; tests replace it. */
    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();

    /** How this command spells each option in the engine's messages. */
    static final InventoryOptions.Names NAMES = new InventoryOptions.Names("--cluster", "--region", "--dump", "--kubeconfig", "--out", "--timeout",
            FrontEndNames.CLI);

    @Override
    public Integer call() {
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, quiet);
        InventoryOptions options = new InventoryOptions(source.cluster, region, profile, text(source.dump), text(source.kubeconfig),
                context, out.toString(), forceOutput.force, sourceVersion, targetVersion, timeoutSeconds);
        InventorySummary summary = new InventoryRunner(events, clock).run(options.request(NAMES, PathScope.currentFolder()),
                environment, null);
        if (quiet) {
            spec.commandLine().getOut().println(summary.oneLine());
        }
        return Eks2AksCommand.EXIT_OK;
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }
}
