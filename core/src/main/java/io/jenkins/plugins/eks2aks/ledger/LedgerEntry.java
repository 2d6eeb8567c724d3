package io.jenkins.plugins.eks2aks.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One finished step. A step is recorded only once it ended, so an entry never describes work in progress.
 *
 * @param step         the step's name, e.g. {@code images}
 * @param inputsDigest {@code sha256:…} over everything the step read (files, options); a change means it must run again
 * @param outputs      the files or folders it wrote
 * @param start        when it started
 * @param end          when it ended
 * @param outcome      how it ended
 * @param work         what it moved or read, by unit ({@code images}, {@code bytes}, {@code objects}, …), for throughputs
 * @param note         why it failed or was skipped, one line; null when it succeeded
 */
public record LedgerEntry(String step, String inputsDigest, List<String> outputs, Instant start, Instant end,
                          Outcome outcome, Map<String, Long> work, String note) {

    /** How a step ended. */
    public enum Outcome {
        SUCCEEDED, FAILED,
        /** Not run because its inputs are not configured; the note says which. Never counts as finished work. */
        SKIPPED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Outcome fromKey(String key) {
            for (Outcome o : values()) {
                if (o.key().equals(key)) {
                    return o;
                }
            }
            throw new IllegalArgumentException(key);
        }
    }

    public LedgerEntry {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(inputsDigest, "inputsDigest");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(outcome, "outcome");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("step " + step + " ends before it starts");
        }
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        work = work == null ? Map.of() : Map.copyOf(new TreeMap<>(work));
    }

    /** An entry without a note. */
    public LedgerEntry(String step, String inputsDigest, List<String> outputs, Instant start, Instant end, Outcome outcome,
                       Map<String, Long> work) {
        this(step, inputsDigest, outputs, start, end, outcome, work, null);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
