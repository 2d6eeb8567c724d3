package io.jenkins.plugins.eks2aks.traffic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link HealthGate}: probes until enough passed in a row, or one failed. Redirects are not followed: a
 * health URL that redirects is answering something other than the status it was configured for.
 */
public final class HealthProbe {

    /** A request that gets no answer at all is given this long beyond the latency budget before it counts as failed. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final HttpClient http;
    private final Clock clock;
    private final Pause pause;
    private boolean warm;

    public HealthProbe(HttpClient http, Clock clock, Pause pause) {
        this.http = http;
        this.clock = clock;
        this.pause = pause;
    }

    /** A client with the JVM's proxy settings, no redirects, HTTP/1.1. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The probes run for this gate at {@code aksPercent}; the gate passed when the last one passed. */
    public List<ProbeResult> run(HealthGate gate, int aksPercent) throws InterruptedException {
        warmUp(gate);
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < gate.passes(); i++) {
            if (i > 0) {
                pause.sleep(gate.interval());
            }
            if (gate.url() != null) {
                ProbeResult r = health(gate, aksPercent);
                results.add(r);
                if (!r.passed()) {
                    return results;
                }
            }
            if (gate.errorRateUrl() != null) {
                ProbeResult r = errorRate(gate, aksPercent);
                results.add(r);
                if (!r.passed()) {
                    return results;
                }
            }
        }
        return results;
    }

    /**
     * One unmeasured request before the first probe: in a fresh JVM the client's first request loads its classes and
     * makes the TLS handshake, which took longer than a 500 ms budget on a busy machine; that is not the service's latency.
     */
    private void warmUp(HealthGate gate) throws InterruptedException {
        if (warm) {
            return;
        }
        warm = true;
        try {
            http.send(get(gate.url() != null ? gate.url() : gate.errorRateUrl(), Duration.ofSeconds(10)), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the probe that follows reports it
        }
    }

    private ProbeResult health(HealthGate gate, int aksPercent) throws InterruptedException {
        Instant at = clock.instant();
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(get(gate.url(), gate.latencyBudget().plus(GRACE)), HttpResponse.BodyHandlers.discarding());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() != gate.expectStatus()) {
                return new ProbeResult(at, aksPercent, gate.url().toString(), false, response.statusCode(), millis,
                        response.statusCode() + " (expected " + gate.expectStatus() + ")");
            }
            boolean inBudget = millis <= gate.latencyBudget().toMillis();
            return new ProbeResult(at, aksPercent, gate.url().toString(), inBudget, response.statusCode(), millis,
                    millis + " ms" + (inBudget ? "" : " (budget " + gate.latencyBudget().toMillis() + " ms)"));
        } catch (HttpTimeoutException e) {
            return new ProbeResult(at, aksPercent, gate.url().toString(), false, 0, (System.nanoTime() - start) / 1_000_000,
                    "no answer within " + gate.latencyBudget().plus(GRACE).toMillis() + " ms");
        } catch (IOException e) {
            return new ProbeResult(at, aksPercent, gate.url().toString(), false, 0, (System.nanoTime() - start) / 1_000_000,
                    "unreachable: " + e);
        }
    }

    private ProbeResult errorRate(HealthGate gate, int aksPercent) throws InterruptedException {
        Instant at = clock.instant();
        long start = System.nanoTime();
        String target = gate.errorRateUrl().toString();
        try {
            HttpResponse<String> response = http.send(get(gate.errorRateUrl(), Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() / 100 != 2) {
                return new ProbeResult(at, aksPercent, target, false, response.statusCode(), millis,
                        "error-rate query answered " + response.statusCode());
            }
            double rate;
            try {
                rate = Double.parseDouble(response.body().trim());
            } catch (NumberFormatException e) {
                return new ProbeResult(at, aksPercent, target, false, response.statusCode(), millis,
                        "error-rate query answered '" + abbreviate(response.body().trim()) + "', not a number");
            }
            boolean ok = rate <= gate.maxErrorRate();
            return new ProbeResult(at, aksPercent, target, ok, response.statusCode(), millis,
                    "error rate " + rate + (ok ? "" : " (max " + gate.maxErrorRate() + ")"));
        } catch (IOException e) {
            return new ProbeResult(at, aksPercent, target, false, 0, (System.nanoTime() - start) / 1_000_000,
                    "error-rate query unreachable: " + e);
        }
    }

    private static HttpRequest get(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", "eks2aks-shift-traffic").build();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
