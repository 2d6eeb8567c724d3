package io.jenkins.plugins.eks2aks.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of the plan.
 *
 * @param name            the step's key, e.g. {@code sync-storage}
 * @param work            what it has to do, by unit ({@code objects}, {@code images}, {@code bytes}, …), in a stable order
 * @param estimateSeconds how long it should take
 * @param estimateSource  {@code measured} (from the ledger's throughputs) or {@code default}
 * @param basis           how the estimate was made, e.g. {@code default 50.0 MiB/s + 60 s}
 * @param notes           what the work figures leave out, or what must be known first
 */
public record PlanStep(String name, Map<String, Long> work, long estimateSeconds, String estimateSource, String basis,
                       List<String> notes) {

    public static final String MEASURED = "measured";
    public static final String DEFAULT = "default";

    public PlanStep {
        work = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(work));
        notes = List.copyOf(notes);
    }
}
