package io.jenkins.plugins.eks2aks.velero.verify;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.ClusterAccessOptions;
import io.jenkins.plugins.eks2aks.velero.GoDurations;
import io.jenkins.plugins.eks2aks.velero.VeleroNames;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * verify-restore as the CLI options and the step parameters give it; {@link #request} validates it.
 *
 * @param namespaces    the restored namespaces (on AKS, after any mapping); required
 * @param expectObjects the converted manifests (a file), whose objects must all be present, or null
 * @param timeout       how long to wait for rollouts ({@code 10m} by default)
 */
public record VerifyOptions(List<String> namespaces, Path expectObjects, String timeout, Path output, boolean forceOutput,
                            Duration pollInterval, ClusterAccessOptions cluster) {

    public record Names(String namespaces, String expectObjects, String timeout, String output, ClusterAccessOptions.Names cluster) {

        public static final Names CLI = new Names("--namespaces", "--expect-objects", "--timeout", "--out", ClusterAccessOptions.Names.CLI);
    }

    public VerifyRequest request(Names names) {
        List<String> ns = new ArrayList<>();
        for (String v : namespaces == null ? List.<String>of() : namespaces) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    ns.add(VeleroNames.check(part.trim(), names.namespaces()));
                }
            }
        }
        if (ns.isEmpty()) {
            throw new MigrationException("Give " + names.namespaces() + ": the restored namespaces to check");
        }
        if (output == null) {
            throw new MigrationException("Give " + names.output() + " DIR: verify-restore.json and the JUnit XML go there");
        }
        return new VerifyRequest(List.copyOf(ns), expectObjects, timeout == null ? Duration.ofMinutes(10) : GoDurations.parse(timeout, names.timeout()),
                output, forceOutput, pollInterval == null ? Duration.ofSeconds(10) : pollInterval,
                cluster.access(names.cluster(), ClusterAccessOptions.Side.AKS));
    }
}
