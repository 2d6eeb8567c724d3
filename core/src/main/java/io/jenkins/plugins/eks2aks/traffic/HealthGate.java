package io.jenkins.plugins.eks2aks.traffic;

import java.net.URI;
import java.time.Duration;

/**
 * What the AKS side must show between increments: {@code passes} probes in a row of {@code url} answering
 * {@code expectStatus} within {@code latencyBudget}, and, when {@code errorRateUrl} is given, the number it answers
 * no higher than {@code maxErrorRate}. The first probe that fails fails the gate.
 *
 * @param url           the AKS side's health URL, or null to probe only the error rate
 * @param expectStatus  the HTTP status a healthy answer has
 * @param latencyBudget the longest a healthy answer may take
 * @param passes        probes in a row that must pass
 * @param interval      between two probes
 * @param errorRateUrl  a URL whose body is one number (e.g. a monitoring query), or null
 * @param maxErrorRate  the highest error rate that passes
 */
public record HealthGate(URI url, int expectStatus, Duration latencyBudget, int passes, Duration interval, URI errorRateUrl,
                         double maxErrorRate) {

    /** One line for the log: {@code GET https://... = 200 within 500 ms, 3 in a row}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (url != null) {
            s.append("GET ").append(url).append(" = ").append(expectStatus).append(" within ").append(latencyBudget.toMillis()).append(" ms");
        }
        if (errorRateUrl != null) {
            s.append(s.length() == 0 ? "" : ", ").append("error rate from ").append(errorRateUrl).append(" <= ").append(maxErrorRate);
        }
        return s.append(", ").append(passes).append(" in a row").toString();
    }
}
