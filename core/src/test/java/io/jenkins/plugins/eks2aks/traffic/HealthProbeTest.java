package io.jenkins.plugins.eks2aks.traffic;

import io.jenkins.plugins.eks2aks.standins.HealthTarget;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Probes of a local HTTP server: status, latency budget, error rate, consecutive passes. */
class HealthProbeTest {

    private final HealthProbe probe = new HealthProbe(HealthProbe.defaultClient(), Clock.systemUTC(), d -> { });

    /** The first request of a fresh client is a warm-up, not a probe (class loading and TLS are not the service's latency). */
    @Test
    void passesInARowPassTheGateAndTheFirstFailureEndsIt() throws Exception {
        try (HealthTarget target = new HealthTarget().failAfter(3)) {
            HealthGate gate = new HealthGate(target.health(), 200, Duration.ofSeconds(2), 2, Duration.ZERO, null, 0.01);
            List<ProbeResult> ok = probe.run(gate, 10);
            assertEquals(2, ok.size());
            assertTrue(ok.stream().allMatch(ProbeResult::passed));

            List<ProbeResult> failed = probe.run(gate, 25);
            assertEquals(1, failed.size(), "the first failure ends the gate");
            assertEquals("503 (expected 200)", failed.get(0).detail());
            assertEquals(25, failed.get(0).aksPercent());
        }
    }

    @Test
    void aSlowAnswerFailsTheLatencyBudget() throws Exception {
        try (HealthTarget target = new HealthTarget().delay(300)) {
            ProbeResult r = probe.run(new HealthGate(target.health(), 200, Duration.ofMillis(100), 1, Duration.ZERO, null, 0.01), 10).get(0);
            assertFalse(r.passed());
            assertTrue(r.detail().endsWith(" ms (budget 100 ms)"), r.detail());
        }
    }

    @Test
    void theErrorRateQueryMustAnswerANumberNoHigherThanTheMaximum() throws Exception {
        try (HealthTarget target = new HealthTarget().failAfter(2)) {
            HealthGate gate = new HealthGate(null, 200, Duration.ofSeconds(1), 2, Duration.ZERO, target.errorRate(), 0.05);
            List<ProbeResult> results = probe.run(gate, 50);
            assertEquals(List.of(true, false), results.stream().map(ProbeResult::passed).toList());
            assertEquals("error rate 0.31 (max 0.05)", results.get(1).detail());
        }
    }

    @Test
    void anUnreachableTargetFails() throws Exception {
        int port = io.jenkins.plugins.eks2aks.testservers.FreePort.pick();
        ProbeResult r = probe.run(new HealthGate(java.net.URI.create("http://127.0.0.1:" + port + "/healthz"), 200, Duration.ofSeconds(1), 1,
                Duration.ZERO, null, 0.01), 10).get(0);
        assertFalse(r.passed());
        assertTrue(r.detail().startsWith("unreachable: "), r.detail());
    }
}
