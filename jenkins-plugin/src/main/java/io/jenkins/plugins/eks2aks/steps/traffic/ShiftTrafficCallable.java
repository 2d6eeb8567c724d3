package io.jenkins.plugins.eks2aks.steps.traffic;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.steps.StepFailure;
import io.jenkins.plugins.eks2aks.clusters.AksClients;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import io.jenkins.plugins.eks2aks.steps.BuildLogEvents;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;
import io.jenkins.plugins.eks2aks.traffic.HealthProbe;
import io.jenkins.plugins.eks2aks.traffic.OpenRouting;
import io.jenkins.plugins.eks2aks.traffic.Pause;
import io.jenkins.plugins.eks2aks.traffic.TrafficOptions;
import io.jenkins.plugins.eks2aks.traffic.TrafficRequest;
import io.jenkins.plugins.eks2aks.traffic.TrafficShift;
import io.jenkins.plugins.eks2aks.traffic.azure.AzureRoutings;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;

/** Runs the traffic shift on the agent that holds the workspace, with the keys derived on the controller; returns JDK types. */
final class ShiftTrafficCallable extends MasterToSlaveFileCallable<HashMap<String, Object>> {

    private static final long serialVersionUID = 1L;

    /** How the step spells its parameters, for the engine's messages. */
    static final TrafficOptions.Names NAMES = new TrafficOptions.Names("'hostnames'", "'eksTarget'", "'aksTarget'", "'route53ZoneId'",
            "'azureDnsZone'", "'trafficManagerProfile'", "'resourceGroup'", "'weights'", "'hold'", "'healthUrl'", "'expectStatus'",
            "'latencyBudget'", "'passes'", "'probeInterval'", "'errorRateUrl'", "'maxErrorRate'", "'shiftTtl'", "'ttl'");

    /** The step's parameters as plain values (they cross the agent channel). */
    record Parameters(ArrayList<String> hostnames, String eksTarget, String aksTarget, String route53ZoneId, String azureDnsZone,
                      String trafficManagerProfile, String resourceGroup, String subscription, String weights, String hold,
                      String healthUrl, Integer expectStatus, String latencyBudget, Integer passes, String probeInterval,
                      String errorRateUrl, Double maxErrorRate, Long shiftTtl, Long ttl, boolean dryRun, boolean rollback,
                      String output) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The engine's validated request; {@code output} resolved against {@code workspace}. */
        TrafficRequest request(Path workspace) {
            return new TrafficOptions(hostnames, eksTarget, aksTarget, route53ZoneId, azureDnsZone, trafficManagerProfile, resourceGroup,
                    weights, hold, healthUrl, expectStatus, latencyBudget, passes, probeInterval, errorRateUrl, maxErrorRate, shiftTtl, ttl,
                    dryRun, rollback).request(NAMES, workspace.resolve(output), false);
        }
    }

    private final Parameters p;
    private final AwsKeys aws;
    private final AzureKeys azure;
    private final HashMap<String, String> settings;
    private final TaskListener listener;

    ShiftTrafficCallable(Parameters parameters, AwsKeys aws, AzureKeys azure, HashMap<String, String> settings, TaskListener listener) {
        this.p = parameters;
        this.aws = aws;
        this.azure = azure;
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public HashMap<String, Object> invoke(File workspace, VirtualChannel channel) throws IOException {
        BuildLogEvents events = new BuildLogEvents(listener);
        try {
            TrafficRequest request = p.request(workspace.toPath());
            try (OpenRouting routing = OpenRouting.open(request,
                    () -> AwsSettings.resolveGlobal(settings, null, aws == null ? null : aws.toEngine()),
                    () -> AzureRoutings.open(request, AzureSettings.resolve(settings, azure == null ? null : azure.toEngine(), p.subscription(), "'subscription'"),
                            AksClients.defaultHttpClient()), events, Pause.REAL)) {
                return new HashMap<>(new TrafficShift(events, Clock.systemUTC(), Pause.REAL,
                        new HealthProbe(HealthProbe.defaultClient(), Clock.systemUTC(), Pause.REAL)).run(request, routing.routing()).toMap());
            }
        } catch (MigrationException e) {
            throw new AbortException("shiftTraffic: " + e.getMessage());
        } catch (RuntimeException e) {
            // An SDK's own exception must not cross the channel: the controller's class filter rejects it.
            throw StepFailure.of("shiftTraffic", e);
        }
    }
}
