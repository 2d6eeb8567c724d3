package io.jenkins.plugins.eks2aks.migrate;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.MissingCredentials;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.ledger.InputDigest;
import io.jenkins.plugins.eks2aks.ledger.Ledger;
import io.jenkins.plugins.eks2aks.ledger.LedgerEntry;
import io.jenkins.plugins.eks2aks.plan.MigrationStep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The migrate use case shared by {@code eks2aks migrate} and the {@code eksToAksMigration} step: runs inventory →
 * preflight → images → convert → backup → sync-storage → verify-storage → restore → verify-restore through their own
 * engine runners, each into its subfolder of the output folder. A step is written to the ledger only once it ended; a
 * step whose inputs (and the earlier steps it reads) did not change since it last succeeded is not run again. Stops
 * before traffic moves: that is {@code shift-traffic}'s, behind its own gate.
 */
public final class MigrationRun {

    public static final String TOPIC = "migrate";

    /** The earlier steps whose outputs a step reads: when one of them ran again, so does the step. */
    private static final Map<MigrationStep, Set<MigrationStep>> READS = Map.of(
            MigrationStep.INVENTORY, EnumSet.noneOf(MigrationStep.class),
            MigrationStep.PREFLIGHT, EnumSet.of(MigrationStep.INVENTORY),
            MigrationStep.IMAGES, EnumSet.of(MigrationStep.INVENTORY),
            MigrationStep.CONVERT, EnumSet.noneOf(MigrationStep.class),
            MigrationStep.BACKUP, EnumSet.noneOf(MigrationStep.class),
            MigrationStep.SYNC_STORAGE, EnumSet.of(MigrationStep.BACKUP),
            MigrationStep.VERIFY_STORAGE, EnumSet.of(MigrationStep.SYNC_STORAGE),
            MigrationStep.RESTORE, EnumSet.of(MigrationStep.CONVERT, MigrationStep.VERIFY_STORAGE),
            MigrationStep.VERIFY_RESTORE, EnumSet.of(MigrationStep.RESTORE));

    private final EventSink events;
    private final Clock clock;

    public MigrationRun(EventSink events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param clients what the front end resolved for the steps' clients
     * @param resume  how the front end resumes after a failure: the command line, or the step call; printed with it
     */
    public MigrationSummary run(MigrateRequest request, MigrationClients clients, String resume) throws InterruptedException {
        Path ledgerFile = request.output().resolve(Ledger.FILE);
        Ledger ledger = Ledger.read(ledgerFile);
        if (!request.dryRun()) {
            prepareFolder(request.output(), request.force());
        }
        StepActions actions = new StepActions(request, request.names(), clients, events, clock);
        List<StepStatus> statuses = new ArrayList<>();
        Set<MigrationStep> rerun = EnumSet.noneOf(MigrationStep.class);
        String failed = null;
        String interrupted = null;
        for (MigrationStep step : MigrationStep.values()) {
            String key = step.key();
            if (failed != null) {
                statuses.add(new StepStatus(key, StepStatus.State.NOT_RUN, "after " + failed + " failed", null));
                continue;
            }
            if (request.from() != null && step.ordinal() < request.from().ordinal()) {
                statuses.add(status(new StepStatus(key, StepStatus.State.NOT_RUN, "before " + request.names().from() + " " + request.from().key(), null)));
                continue;
            }
            if (request.until() != null && step.ordinal() > request.until().ordinal()) {
                statuses.add(status(new StepStatus(key, StepStatus.State.NOT_RUN, "after " + request.names().until() + " " + request.until().key(), null)));
                continue;
            }
            PreparedStep prepared = actions.prepare(step);
            String digest = chained(step, prepared.inputsDigest(), ledger);
            if (!prepared.configured()) {
                statuses.add(status(new StepStatus(key, StepStatus.State.SKIPPED, prepared.skipReason(), null)));
                if (!request.dryRun() && !alreadySkipped(ledger, key, digest, prepared.skipReason())) {
                    Instant now = clock.instant();
                    ledger = ledger.with(new LedgerEntry(key, digest, List.of(), now, now, LedgerEntry.Outcome.SKIPPED, Map.of(),
                            prepared.skipReason()));
                    ledger.write(ledgerFile);
                }
                continue;
            }
            String reason = why(request, step, digest, ledger, rerun);
            if (reason == null) {
                LedgerEntry last = ledger.latest(key).orElseThrow();
                statuses.add(status(new StepStatus(key, StepStatus.State.UP_TO_DATE, "finished " + last.end() + ", inputs unchanged", null)));
                continue;
            }
            rerun.add(step);
            if (request.dryRun()) {
                statuses.add(status(new StepStatus(key, StepStatus.State.WOULD_RUN, reason, null)));
                continue;
            }
            events.info(TOPIC, key + ": running (" + reason + ")");
            Instant start = clock.instant();
            StepResult result = runStep(prepared);
            // An interrupt (a Jenkins abort, a kill of the thread) is a stop, not a failure to fix: the flag is cleared
            // so the ledger and the reports can still be written, and the run ends with InterruptedException.
            boolean stopped = Thread.interrupted();
            Instant end = clock.instant();
            ledger = ledger.with(new LedgerEntry(key, digest, result.outputs(), start, end.isBefore(start) ? start : end,
                    result.succeeded() ? LedgerEntry.Outcome.SUCCEEDED : LedgerEntry.Outcome.FAILED, result.work(),
                    result.succeeded() ? null : result.message()));
            ledger.write(ledgerFile);
            if (stopped) {
                interrupted = key;
                failed = key;
                statuses.add(new StepStatus(key, result.succeeded() ? StepStatus.State.RAN : StepStatus.State.FAILED, reason, result.message()));
            } else if (result.succeeded()) {
                statuses.add(status(new StepStatus(key, StepStatus.State.RAN, reason, result.message())));
            } else {
                failed = key;
                StepStatus status = new StepStatus(key, StepStatus.State.FAILED, reason, result.message());
                statuses.add(status);
                events.emit(new MigrationEvent(EventLevel.ERROR, TOPIC, status.oneLine()));
            }
        }
        MigrationSummary summary = new MigrationSummary(statuses, failed, failed == null ? null : resume, request.dryRun(),
                ledgerFile.toString(), request.dryRun() ? null : request.output().resolve(MigrationReports.MARKDOWN).toString());
        if (!request.dryRun()) {
            MigrationReports.write(request.output(), summary, request.names().shiftTraffic());
        }
        if (interrupted != null) {
            String line = "Interrupted in " + interrupted + "; the ledger keeps every step that finished. Resume with: " + resume;
            events.emit(new MigrationEvent(EventLevel.ERROR, TOPIC, line));
            throw new InterruptedException(line);
        }
        if (failed != null) {
            events.emit(new MigrationEvent(EventLevel.ERROR, TOPIC, "Stopped at " + failed + "; the ledger keeps every step that "
                    + "finished. Fix the cause, then resume with: " + resume));
        }
        events.info(TOPIC, summary.oneLine());
        return summary;
    }

    /** Why the step must run, or null when it finished with the same inputs (and none of what it reads ran again). */
    private static String why(MigrateRequest request, MigrationStep step, String digest, Ledger ledger, Set<MigrationStep> rerun) {
        if (request.from() != null && step.ordinal() >= request.from().ordinal()) {
            return "forced by " + request.names().from() + " " + request.from().key();
        }
        for (MigrationStep earlier : READS.get(step)) {
            if (rerun.contains(earlier) && request.dryRun()) {
                return "reads " + earlier.key() + ", which runs first";
            }
        }
        if (ledger.upToDate(step.key(), digest)) {
            return null;
        }
        Optional<LedgerEntry> last = ledger.latest(step.key());
        if (last.isEmpty() || last.get().outcome() == LedgerEntry.Outcome.SKIPPED) {
            return "never ran";
        }
        return last.get().succeeded() ? "inputs changed" : "its last run failed";
    }

    /** The step's own digest and, for each earlier step it reads, that step's last successful run. */
    private static String chained(MigrationStep step, String own, Ledger ledger) {
        InputDigest digest = new InputDigest().value("inputs", own);
        for (MigrationStep earlier : MigrationStep.values()) {
            if (READS.get(step).contains(earlier)) {
                Optional<LedgerEntry> done = ledger.latest(earlier.key()).filter(LedgerEntry::succeeded);
                digest.value(earlier.key(), done.map(e -> e.inputsDigest() + "@" + e.end()).orElse(null));
            }
        }
        return digest.digest();
    }

    private StepResult runStep(PreparedStep prepared) throws InterruptedException {
        try {
            return prepared.action().run();
        } catch (MigrationException e) {
            return StepResult.failed(e.getMessage());
        } catch (RuntimeException e) {
            // A cloud SDK that found no credentials says so in one line; anything else is still recorded, so the
            // ledger says where the run stopped.
            return StepResult.failed(MissingCredentials.in(e).map(Throwable::getMessage)
                    .orElse(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static boolean alreadySkipped(Ledger ledger, String step, String digest, String reason) {
        return ledger.latest(step).filter(e -> e.outcome() == LedgerEntry.Outcome.SKIPPED && e.inputsDigest().equals(digest)
                && reason.equals(e.note())).isPresent();
    }

    private StepStatus status(StepStatus status) {
        events.info(TOPIC, status.oneLine());
        return status;
    }

    /** The output folder is the migration's own: created and marked once, then kept (it holds the ledger). */
    private static void prepareFolder(Path folder, boolean force) {
        OutputFolder.checkReplaceable(folder, force);
        try {
            Files.createDirectories(folder);
            Path marker = folder.resolve(OutputFolder.MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Written by eks2aks migrate. It keeps ledger.json and one folder per step; "
                        + "keep nothing else here.\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot create the migration folder '" + folder + "': " + e.getMessage(), e);
        }
    }
}
