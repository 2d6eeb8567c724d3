package io.jenkins.plugins.eks2aks.traffic;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.files.OutputFolder;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The traffic shift shared by {@code eks2aks shift-traffic} and the {@code shiftTraffic} step. It reads the current
 * weights first, so a re-run resumes where the last one stopped and a finished shift changes nothing. Forward:
 * gate the AKS side, replace simple records by weighted pairs (EKS 100, AKS 0, same TTL, one atomic change), lower
 * the TTL and wait out the old one, then per increment: change, hold, gate; a failed gate moves the weights back to
 * the last ones whose gate passed and restores the TTL. At the end the TTL is restored.
 */
public final class TrafficShift {

    public static final String TOPIC = "traffic";
    /** The TTL to end with when a resumed run finds the records at the shift TTL and no --ttl is given: Route 53's default. */
    public static final long FALLBACK_TTL = 300;

    private final EventSink events;
    private final Clock clock;
    private final Pause pause;
    private final HealthProbe probe;

    public TrafficShift(EventSink events, Clock clock, Pause pause, HealthProbe probe) {
        this.events = events;
        this.clock = clock;
        this.pause = pause;
        this.probe = probe;
    }

    public TrafficResult run(TrafficRequest request, WeightedRouting routing) {
        OutputFolder.checkReplaceable(request.output(), request.forceOutput());
        events.info(TOPIC, "reading " + String.join(", ", request.hostnames()) + " in " + routing.describe());
        Progress p = new Progress(request, routing, routing.read(request.hostnames(), request.targets()));
        p.states.forEach(s -> events.info(TOPIC, "  " + s.describe()));
        try {
            if (request.rollback()) {
                p.change(WeightChange.Kind.RESTORE_EKS, 0, p.restoreTtl);
                p.outcome = TrafficOutcome.RESTORED;
            } else {
                forward(p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted at " + p.percent + "% AKS: the weights stay as they are; run again to resume, "
                    + "or roll back to EKS");
        }
        if (request.dryRun()) {
            p.outcome = TrafficOutcome.PLANNED;
        }
        TrafficResult result = new TrafficReport().write(request, routing.describe(), p.outcome, p.from, p.percent, p.changes, p.probes,
                p.failure);
        events.info(TOPIC, result.oneLine() + "; reports in " + request.output().toAbsolutePath().normalize());
        return result;
    }

    private void forward(Progress p) throws InterruptedException {
        TrafficRequest r = p.request;
        if (r.gate() == null) {
            events.warn(TOPIC, "no health gate: the weights move on the hold time alone");
        } else if (p.percent < 100 && !r.dryRun() && !gate(p, "before any change")) {
            p.outcome = TrafficOutcome.HELD;
            return;
        }
        if (p.states.stream().anyMatch(s -> !s.weighted())) {
            p.change(WeightChange.Kind.PAIR, p.percent, null);
        }
        Long oldTtl = p.states.stream().map(HostRouting::ttl).filter(Objects::nonNull).filter(t -> t > r.shiftTtl()).max(Long::compare).orElse(null);
        if (oldTtl != null && p.percent < 100) {
            p.change(WeightChange.Kind.LOWER_TTL, p.percent, r.shiftTtl());
            hold(p, Duration.ofSeconds(oldTtl), "the old TTL, so resolvers drop their cached answers");
        }
        int lastGood = p.percent;
        for (int w : r.weights()) {
            if (w <= p.percent) {
                continue;
            }
            p.change(WeightChange.Kind.SHIFT, w, r.shiftTtl()); // also the AKS record of an alias pair, which has a TTL of its own
            hold(p, r.hold(), "hold");
            if (r.gate() != null && !r.dryRun() && !gate(p, "at " + w + "% AKS")) {
                events.warn(TOPIC, "rolling back to " + lastGood + "% AKS, the last weights whose gate passed");
                p.change(WeightChange.Kind.ROLLBACK, lastGood, p.restoreTtl);
                p.outcome = TrafficOutcome.ROLLED_BACK;
                return;
            }
            lastGood = w;
        }
        p.change(WeightChange.Kind.RESTORE_TTL, p.percent, p.restoreTtl);
        p.outcome = TrafficOutcome.SHIFTED;
    }

    private void hold(Progress p, Duration duration, String why) throws InterruptedException {
        if (p.request.dryRun() || duration.isZero()) {
            return;
        }
        events.info(TOPIC, "waiting " + Durations.format(duration) + " (" + why + ")");
        pause.sleep(duration);
    }

    private boolean gate(Progress p, String when) throws InterruptedException {
        HealthGate gate = p.request.gate();
        events.info(TOPIC, "health gate " + when + ": " + gate.describe());
        List<ProbeResult> results = probe.run(gate, p.percent);
        p.probes.addAll(results);
        for (ProbeResult r : results) {
            events.emit(new MigrationEvent(r.passed() ? EventLevel.INFO : EventLevel.WARNING, TOPIC, (r.passed() ? "PASS " : "FAIL ") + r.target() + ": " + r.detail()));
        }
        ProbeResult last = results.isEmpty() ? null : results.get(results.size() - 1);
        if (last != null && !last.passed()) {
            p.failure = last.target() + " " + when + ": " + last.detail();
            return false;
        }
        return true;
    }

    /** The state of one run: the routing as it now is, and what happened so far. */
    private final class Progress {
        final TrafficRequest request;
        final WeightedRouting routing;
        List<HostRouting> states;
        final int from;
        int percent;
        final Long restoreTtl;
        final List<WeightChange> changes = new ArrayList<>();
        final List<ProbeResult> probes = new ArrayList<>();
        TrafficOutcome outcome;
        String failure;

        Progress(TrafficRequest request, WeightedRouting routing, List<HostRouting> states) {
            this.request = request;
            this.routing = routing;
            this.states = states;
            this.from = states.stream().mapToInt(s -> s.weighted() ? s.aksPercent() : 0).min().orElse(0);
            this.percent = from;
            boolean anyTtl = states.stream().anyMatch(s -> s.ttl() != null);
            // a simple record's TTL is the original; a weighted one at the shift TTL was lowered by an earlier run
            Long found = states.stream().filter(s -> s.ttl() != null && (!s.weighted() || s.ttl() != request.shiftTtl()))
                    .map(HostRouting::ttl).max(Long::compare).orElse(null);
            this.restoreTtl = !anyTtl ? null : request.restoreTtl() != null ? request.restoreTtl() : found != null ? found : FALLBACK_TTL;
        }

        /** Plans and (unless a dry run) applies one change; a change that would change nothing is skipped. */
        void change(WeightChange.Kind kind, int aksPercent, Long ttl) {
            // a simple record is 100% EKS already: only the forward path has to turn it into a pair
            boolean noop = states.stream().allMatch(s -> (s.weighted() || aksPercent == 0 && kind != WeightChange.Kind.PAIR)
                    && s.aksPercent() == aksPercent && (ttl == null || s.ttl() == null || s.ttl().equals(ttl)));
            if (noop) {
                events.info(TOPIC, kind + ": already at " + aksPercent + "% AKS" + (ttl == null ? "" : ", TTL " + ttl) + ", nothing to change");
                percent = aksPercent;
                return;
            }
            RoutingChange change = routing.plan(states, request.targets(), aksPercent, ttl);
            events.info(TOPIC, (request.dryRun() ? "would apply " : "applying ") + kind + " (" + aksPercent + "% AKS"
                    + (ttl == null ? "" : ", TTL " + ttl) + "):");
            change.lines().forEach(line -> events.info(TOPIC, "  " + line));
            if (!request.dryRun()) {
                routing.apply(change);
            }
            changes.add(new WeightChange(clock.instant(), kind, aksPercent, ttl, change.lines(), !request.dryRun()));
            states = states.stream().map(s -> s.shifted(aksPercent, ttl)).toList();
            percent = aksPercent;
        }
    }
}
