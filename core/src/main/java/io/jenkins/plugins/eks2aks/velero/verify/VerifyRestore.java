package io.jenkins.plugins.eks2aks.velero.verify;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.KubernetesErrors;
import io.jenkins.plugins.eks2aks.connect.ClusterConnector;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.velero.ResultFiles;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verify-restore use case ({@code eks2aks verify-restore}, the {@code verifyRestore} step, and the end of
 * {@code restore}): check the restored namespaces until every check passes or the timeout passes (rollouts take a
 * while), log each failure, write {@code verify-restore.json} and {@code verify-restore-junit.xml}.
 */
public final class VerifyRestore {

    public static final String TOPIC = "verify-restore";
    public static final String JSON = "verify-restore.json";
    public static final String JUNIT = "verify-restore-junit.xml";

    private final EventSink events;
    private final Clock clock;

    public VerifyRestore(EventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public VerifyResult run(VerifyRequest request, ClusterConnector connector) {
        OutputFolder.checkReplaceable(request.output(), request.forceOutput());
        VerifyResult result;
        try (KubernetesClient client = connector.connect(request.cluster())) {
            result = check(client, request.namespaces(), request.expectObjects(), request.timeout(), request.pollInterval());
        }
        Path folder = request.output().toAbsolutePath().normalize();
        ResultFiles.write(folder, TOPIC, request.forceOutput(), files(new VerifyResult(result.checks(), folder.resolve(JSON).toString())));
        return new VerifyResult(result.checks(), folder.resolve(JSON).toString());
    }

    /** Checks on a connected client, waiting for rollouts; logs the outcome. */
    public VerifyResult check(KubernetesClient client, List<String> namespaces, Path expectObjects, Duration timeout, Duration poll) {
        Instant deadline = clock.instant().plus(timeout);
        List<VerifyCheck> checks;
        try {
            while (true) {
                checks = new RestoredState(client).check(namespaces, expectObjects);
                long failed = RestoredState.failed(checks);
                if (failed == 0 || !clock.instant().plus(poll).isBefore(deadline)) {
                    break;
                }
                events.info(TOPIC, failed + " check(s) not passing yet, e.g. " + first(checks) + "; checking again in " + poll.toSeconds() + " s");
                Thread.sleep(poll.toMillis());
            }
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.explain(client, "verifying the restored namespaces " + namespaces, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while verifying the restore", e);
        }
        for (VerifyCheck c : checks) {
            if (c.status() == VerifyCheck.Status.FAIL) {
                events.warn(TOPIC, "FAIL " + c.object() + " " + c.check() + ": " + c.detail());
            } else if (c.status() == VerifyCheck.Status.WARN) {
                events.warn(TOPIC, "WARN " + c.object() + " " + c.check() + ": " + c.detail());
            }
        }
        VerifyResult result = new VerifyResult(checks, null);
        events.info(TOPIC, result.oneLine());
        return result;
    }

    /** {@code verify-restore.json} and {@code verify-restore-junit.xml}. */
    public static Map<String, String> files(VerifyResult result) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(JSON, ResultFiles.json(result.toMap()));
        files.put(JUNIT, VerifyJUnit.render("verifyRestore", result.checks()));
        return files;
    }

    private static String first(List<VerifyCheck> checks) {
        return checks.stream().filter(c -> c.status() == VerifyCheck.Status.FAIL).findFirst()
                .map(c -> c.object() + " " + c.check() + " (" + c.detail() + ")").orElse("");
    }
}
