package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyOptions;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyRestore;
import io.jenkins.plugins.eks2aks.velero.verify.VerifyResult;
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

/** {@code eks2aks verify-restore}: what Velero's Completed does not prove, checked on AKS. */
@Command(name = "verify-restore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Checks the restored namespaces on AKS: every PVC Bound; Deployments and StatefulSets rolled out; no pod in "
                        + "ImagePullBackOff, ErrImagePull or CrashLoopBackOff; no image still on ECR; the Workload ID label on pods "
                        + "of identity service accounts; LoadBalancer Services with an address (warning only); with --expect-objects, "
                        + "every object of the converted manifests present. Waits up to --timeout for rollouts.",
                "Writes OUT/verify-restore.json and OUT/verify-restore-junit.xml (one test case per object and check)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed (warnings allowed)", "1:a check failed",
                "3:the options are wrong or the cluster could not be read", "64:the command line could not be parsed"},
        footer = {"", "Example:", "  eks2aks verify-restore --kubeconfig aks.kubeconfig --namespaces shop --out target/verify"})
final class VerifyRestoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--namespaces", paramLabel = "NS", split = ",", description = "The restored namespaces (as named on AKS).")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--expect-objects", paramLabel = "FILE", description = "The converted manifests: each object must be present.")
    Path expectObjects;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long to wait for rollouts, e.g. 10m (default: 10m).")
    String timeout;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Report directory; replaced as a whole.")
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
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, false);
        var request = new VerifyOptions(namespaces, expectObjects, timeout, forceOutput.checked(out), forceOutput.force, pollInterval,
                cluster.options()).request(VerifyOptions.Names.CLI);
        VerifyResult result = new VerifyRestore(events, clock).run(request, new ClusterConnector(environment, null, null, null,
                Duration.ofSeconds(30), clock, events));
        return result.passed() ? Eks2AksCommand.EXIT_OK : 1;
    }
}
