package io.jenkins.plugins.eks2aks.plan;

import io.jenkins.plugins.eks2aks.ledger.Ledger;
import io.jenkins.plugins.eks2aks.storage.Bytes;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How long a step takes: its work in its main unit over the throughput this installation measured for it (the
 * ledger), or else over a stated default. Defaults are deliberately plain figures, labelled as such in the plan.
 */
final class StepEstimator {

    /**
     * A step's default: {@code unit} per second plus a fixed part (start-up, waiting for a controller).
     *
     * @param unit       the work unit the rate is in, or null for a step of fixed length
     * @param perSecond  units per second
     * @param fixed      seconds every run takes besides
     */
    record Default(String unit, double perSecond, long fixed) {
    }

    private static final long MIB = 1024L * 1024;
    static final Map<MigrationStep, Default> DEFAULTS = new EnumMap<>(Map.of(
            MigrationStep.INVENTORY, new Default("objects", 200, 10),
            MigrationStep.PREFLIGHT, new Default(null, 0, 30),
            MigrationStep.IMAGES, new Default("images", 1 / 30.0, 0),
            MigrationStep.CONVERT, new Default("objects", 500, 2),
            MigrationStep.BACKUP, new Default("bytes", 50.0 * MIB, 60),
            MigrationStep.SYNC_STORAGE, new Default("bytes", 100.0 * MIB, 10),
            MigrationStep.VERIFY_STORAGE, new Default("bytes", 500.0 * MIB, 5),
            MigrationStep.RESTORE, new Default("bytes", 50.0 * MIB, 60),
            MigrationStep.VERIFY_RESTORE, new Default(null, 0, 120)));

    private final Ledger ledger;

    StepEstimator(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The step with its estimate. */
    PlanStep estimate(MigrationStep step, Map<String, Long> work, java.util.List<String> notes) {
        Default d = DEFAULTS.get(step);
        long units = d.unit() == null ? 0 : work.getOrDefault(d.unit(), 0L);
        if (d.unit() == null) {
            OptionalDouble average = ledger.averageSeconds(step.key());
            if (average.isPresent()) {
                return new PlanStep(step.key(), work, Math.round(average.getAsDouble()), PlanStep.MEASURED,
                        "measured: " + Math.round(average.getAsDouble()) + " s a run", notes);
            }
            return new PlanStep(step.key(), work, d.fixed(), PlanStep.DEFAULT, "default: " + d.fixed() + " s a run", notes);
        }
        OptionalDouble measured = ledger.rate(step.key(), d.unit());
        if (units > 0 && measured.isPresent()) {
            return new PlanStep(step.key(), work, (long) Math.ceil(units / measured.getAsDouble()), PlanStep.MEASURED,
                    "measured: " + rate(d.unit(), measured.getAsDouble()), notes);
        }
        long seconds = d.fixed() + (long) Math.ceil(units / d.perSecond());
        return new PlanStep(step.key(), work, seconds, PlanStep.DEFAULT,
                "default: " + rate(d.unit(), d.perSecond()) + (d.fixed() > 0 ? " + " + d.fixed() + " s" : ""), notes);
    }

    private static String rate(String unit, double perSecond) {
        if (unit.equals("bytes")) {
            return Bytes.human(Math.round(perSecond)) + "/s";
        }
        if (perSecond < 1) {
            return String.format(Locale.ROOT, "%.0f s per %s", 1 / perSecond, unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
        }
        return String.format(Locale.ROOT, "%.1f %s/s", perSecond, unit);
    }
}
