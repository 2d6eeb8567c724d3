package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.clusters.AksClients;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.traffic.HealthProbe;
import io.jenkins.plugins.eks2aks.traffic.OpenRouting;
import io.jenkins.plugins.eks2aks.traffic.Pause;
import io.jenkins.plugins.eks2aks.traffic.TrafficOptions;
import io.jenkins.plugins.eks2aks.traffic.TrafficRequest;
import io.jenkins.plugins.eks2aks.traffic.TrafficResult;
import io.jenkins.plugins.eks2aks.traffic.TrafficShift;
import io.jenkins.plugins.eks2aks.traffic.azure.AzureRoutings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eks2aks shift-traffic}: the gated, weighted DNS cut-over from EKS to AKS. */
@Command(name = "shift-traffic",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Moves the hostnames' traffic from the EKS endpoint to the AKS endpoint in weighted steps: Route 53 weighted records "
                        + "(--route53-zone-id), or Azure Traffic Manager weighted endpoints (--traffic-manager-profile, with "
                        + "--azure-dns-zone when the hostnames live in an Azure DNS zone).",
                "A simple record becomes a weighted pair (EKS 100, AKS 0, same TTL) in one atomic change. The TTL is lowered to "
                        + "--shift-ttl and the old TTL waited out; then each --weights step holds for --hold and must pass the health "
                        + "gate (--health-url, --error-rate-url). A failed gate moves the weights back to the last step whose gate "
                        + "passed. The TTL is restored at the end.",
                "The current weights are read first: a re-run resumes, a finished shift changes nothing. --rollback puts 100%% back "
                        + "on EKS. Route 53 reads the AWS settings (AWS_PROFILE, AWS_ACCESS_KEY_ID..., AWS_ENDPOINT_URL_ROUTE_53); "
                        + "Azure reads AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_TENANT_ID, AZURE_SUBSCRIPTION_ID.",
                "Writes OUT/traffic-shift.json (the weights over time and every probe), OUT/traffic-shift.md and "
                        + "OUT/traffic-shift-junit.xml (one test case per gate)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all traffic on AKS (or back on EKS with --rollback, or a dry run)",
                "1:a health gate failed: the weights were rolled back to the last good step (or never moved)",
                "3:the options are wrong, or a hostname, zone or record cannot be shifted; nothing was changed",
                "64:the command line could not be parsed"},
        footer = {"", "Example:", "  eks2aks shift-traffic --hostname www.example.com --eks-target shop-1234.us-east-1.elb.amazonaws.com "
                + "--aks-target shop.eastus.cloudapp.azure.com --route53-zone-id Z0123456789 --weights 10,25,50,100 --hold 5m "
                + "--health-url https://shop-aks.example.com/healthz --out target/traffic"})
final class ShiftTrafficCommand implements Callable<Integer> {

    static final TrafficOptions.Names NAMES = new TrafficOptions.Names("--hostname", "--eks-target", "--aks-target", "--route53-zone-id",
            "--azure-dns-zone", "--traffic-manager-profile", "--resource-group", "--weights", "--hold", "--health-url", "--expect-status",
            "--latency-budget", "--passes", "--probe-interval", "--error-rate-url", "--max-error-rate", "--shift-ttl", "--ttl");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--hostname", paramLabel = "NAME", split = ",", description = "A DNS name to move (repeat, or comma-separate): all move together.")
    List<String> hostnames = new ArrayList<>();

    @Option(names = "--eks-target", paramLabel = "TARGET", description = "What the hostnames answer today: the EKS load balancer's DNS name (or IP).")
    String eksTarget;

    @Option(names = "--aks-target", paramLabel = "TARGET", description = "The AKS side: its public IP (A records) or DNS name (CNAME records).")
    String aksTarget;

    @Option(names = "--route53-zone-id", paramLabel = "ZONE", description = "The Route 53 hosted zone of the hostnames.")
    String route53ZoneId;

    @Option(names = "--azure-dns-zone", paramLabel = "ZONE", description = "The Azure DNS zone of the hostnames (with --traffic-manager-profile).")
    String azureDnsZone;

    @Option(names = "--traffic-manager-profile", paramLabel = "PROFILE", description = "The Azure Traffic Manager profile whose weighted endpoints carry the weights.")
    String trafficManagerProfile;

    @Option(names = {"-g", "--resource-group"}, paramLabel = "GROUP", description = "Resource group of the profile and the Azure DNS zone.")
    String resourceGroup;

    @Option(names = "--subscription", paramLabel = "ID", description = "Azure subscription (default: AZURE_SUBSCRIPTION_ID).")
    String subscription;

    @Option(names = "--weights", paramLabel = "LIST", description = "AKS percentages to move through, rising, ending at 100 (default: "
            + TrafficOptions.DEFAULT_WEIGHTS + ").")
    String weights;

    @Option(names = "--hold", paramLabel = "DURATION", description = "How long each step holds before its gate (default: " + TrafficOptions.DEFAULT_HOLD + ").")
    String hold;

    @Option(names = "--health-url", paramLabel = "URL", description = "The AKS side's health URL, probed before the first change and after each step.")
    String healthUrl;

    @Option(names = "--expect-status", paramLabel = "CODE", description = "The status a healthy answer has (default: 200).")
    Integer expectStatus;

    @Option(names = "--latency-budget", paramLabel = "DURATION", description = "The longest a healthy answer may take (default: "
            + TrafficOptions.DEFAULT_LATENCY_BUDGET + ").")
    String latencyBudget;

    @Option(names = "--passes", paramLabel = "N", description = "Probes in a row that must pass (default: " + TrafficOptions.DEFAULT_PASSES + ").")
    Integer passes;

    @Option(names = "--probe-interval", paramLabel = "DURATION", description = "Between two probes (default: " + TrafficOptions.DEFAULT_PROBE_INTERVAL + ").")
    String probeInterval;

    @Option(names = "--error-rate-url", paramLabel = "URL", description = "A URL answering one number, e.g. a monitoring query of the AKS side's error rate.")
    String errorRateUrl;

    @Option(names = "--max-error-rate", paramLabel = "RATE", description = "The highest error rate that passes (default: 0.01).")
    Double maxErrorRate;

    @Option(names = "--shift-ttl", paramLabel = "SECONDS", description = "The TTL while the weights move (default: 60).")
    Long shiftTtl;

    @Option(names = "--ttl", paramLabel = "SECONDS", description = "The TTL to end with (default: the TTL found at the start).")
    Long ttl;

    @Option(names = "--dry-run", description = "Print the change batches; change nothing, probe nothing.")
    boolean dryRun;

    @Option(names = "--rollback", description = "Move all traffic back to EKS (weights EKS 100, AKS 0, TTL restored).")
    boolean rollback;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Report directory; replaced as a whole.")
    Path out;

    @CommandLine.Mixin
    ForceOutputOption forceOutput = new ForceOutputOption();

    Map<String, String> environment = System.getenv();
    Clock clock = Clock.systemUTC();
    Pause pause = Pause.REAL;

    @Override
    public Integer call() {
        TrafficRequest request = new TrafficOptions(hostnames, eksTarget, aksTarget, route53ZoneId, azureDnsZone, trafficManagerProfile,
                resourceGroup, weights, hold, healthUrl, expectStatus, latencyBudget, passes, probeInterval, errorRateUrl, maxErrorRate,
                shiftTtl, ttl, dryRun, rollback).request(NAMES, forceOutput.checked(out), forceOutput.force);
        ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), spec.commandLine().getErr(), false, false);
        try (OpenRouting routing = OpenRouting.open(request, () -> AwsSettings.resolveGlobal(environment, null, null),
                () -> AzureRoutings.open(request, AzureSettings.resolve(environment, null, subscription, "--subscription"), AksClients.defaultHttpClient()),
                events, pause)) {
            TrafficResult result = new TrafficShift(events, clock, pause, new HealthProbe(HealthProbe.defaultClient(), clock, pause))
                    .run(request, routing.routing());
            return result.outcome().succeeded() ? Eks2AksCommand.EXIT_OK : Eks2AksCommand.EXIT_FAILED;
        }
    }

}
