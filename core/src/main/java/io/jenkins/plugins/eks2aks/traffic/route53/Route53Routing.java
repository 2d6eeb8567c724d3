package io.jenkins.plugins.eks2aks.traffic.route53;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.traffic.HostRouting;
import io.jenkins.plugins.eks2aks.traffic.Pause;
import io.jenkins.plugins.eks2aks.traffic.RoutingChange;
import io.jenkins.plugins.eks2aks.traffic.TrafficShift;
import io.jenkins.plugins.eks2aks.traffic.TrafficTargets;
import io.jenkins.plugins.eks2aks.traffic.WeightedRouting;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Route53Exception;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted record sets in a Route 53 hosted zone. Each hostname's records are listed from the hostname on (paged, as
 * ListResourceRecordSets returns them in name order); every change is one ChangeResourceRecordSets batch for all
 * hostnames, followed by GetChange until Route 53 reports it INSYNC on all its name servers.
 */
public final class Route53Routing implements WeightedRouting {

    /** The set identifiers of a pair this tool creates; an existing pair keeps its own. */
    static final String EKS_ID = "eks";
    static final String AKS_ID = "aks";

    private final Route53Client route53;
    private final String zoneId;
    private final EventSink events;
    private final Pause pause;
    private final Duration pollInterval;
    private final Duration syncTimeout;
    private final Map<String, HostRecords> read = new HashMap<>();
    private String zoneName;

    public Route53Routing(Route53Client route53, String zoneId, EventSink events, Pause pause, Duration pollInterval, Duration syncTimeout) {
        this.route53 = route53;
        this.zoneId = zoneId.replaceFirst("^/?hostedzone/", "");
        this.events = events;
        this.pause = pause;
        this.pollInterval = pollInterval;
        this.syncTimeout = syncTimeout;
    }

    @Override
    public String describe() {
        return "Route 53 zone " + zoneId + (zoneName == null ? "" : " (" + zoneName + ")");
    }

    @Override
    public List<HostRouting> read(List<String> hostnames, TrafficTargets targets) {
        try {
            zoneName = HostRecords.dnsName(route53.getHostedZone(b -> b.id(zoneId)).hostedZone().name());
        } catch (NoSuchHostedZoneException e) {
            throw new MigrationException("Route 53 hosted zone '" + zoneId + "' does not exist (or these credentials cannot see it): "
                    + "check the zone id (aws route53 list-hosted-zones)");
        } catch (Route53Exception e) {
            throw failure("read hosted zone " + zoneId, e);
        }
        List<HostRouting> out = new ArrayList<>();
        for (String hostname : hostnames) {
            String name = HostRecords.dnsName(hostname);
            if (!name.equals(zoneName) && !name.endsWith("." + zoneName)) {
                throw new MigrationException(hostname + " is not in Route 53 zone " + zoneId + " (" + zoneName + ")");
            }
            HostRecords records = HostRecords.classify(hostname, zoneName, list(name), targets);
            read.put(hostname, records);
            out.add(records.routing());
        }
        return out;
    }

    /** The record sets named {@code name}: listing starts at it and stops at the first other name. */
    private List<ResourceRecordSet> list(String name) {
        List<ResourceRecordSet> out = new ArrayList<>();
        String nextName = name;
        String nextType = null;
        String nextId = null;
        while (true) {
            String startName = nextName;
            String startType = nextType;
            String startId = nextId;
            ListResourceRecordSetsResponse page;
            try {
                page = route53.listResourceRecordSets(b -> b.hostedZoneId(zoneId).startRecordName(startName).startRecordType(startType)
                        .startRecordIdentifier(startId));
            } catch (Route53Exception e) {
                throw failure("list the records of " + name, e);
            }
            for (ResourceRecordSet r : page.resourceRecordSets()) {
                if (!HostRecords.dnsName(r.name()).equals(name)) {
                    return out;
                }
                out.add(r);
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return out;
            }
            nextName = page.nextRecordName();
            nextType = page.nextRecordTypeAsString();
            nextId = page.nextRecordIdentifier();
        }
    }

    @Override
    public RoutingChange plan(List<HostRouting> current, TrafficTargets targets, int aksPercent, Long ttl) {
        List<Change> changes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (HostRouting state : current) {
            HostRecords records = read.get(state.hostname());
            if (records == null) {
                throw new IllegalStateException("plan before read: " + state.hostname());
            }
            ResourceRecordSet eksNow = records.eks();
            ResourceRecordSet eks = eksNow.toBuilder().setIdentifier(records.weighted() ? eksNow.setIdentifier() : EKS_ID)
                    .weight((long) (100 - aksPercent)).ttl(eksNow.aliasTarget() != null ? null : ttl != null ? ttl : eksNow.ttl()).build();
            ResourceRecordSet aks = aks(records, targets, aksPercent, ttl);
            if (!state.weighted()) {
                add(changes, lines, ChangeAction.DELETE, eksNow);
                add(changes, lines, ChangeAction.CREATE, eks);
                add(changes, lines, ChangeAction.CREATE, aks);
            } else {
                add(changes, lines, ChangeAction.UPSERT, eks);
                add(changes, lines, ChangeAction.UPSERT, aks);
            }
        }
        return new Route53Change(changes, lines);
    }

    private static ResourceRecordSet aks(HostRecords records, TrafficTargets targets, int aksPercent, Long ttl) {
        ResourceRecordSet existing = records.aks();
        Long keep = existing != null && existing.ttl() != null ? existing.ttl() : records.eks().ttl() != null ? records.eks().ttl() : TrafficShift.FALLBACK_TTL;
        ResourceRecordSet.Builder b = existing != null ? existing.toBuilder()
                : ResourceRecordSet.builder().name(records.eks().name()).type(records.type()).setIdentifier(AKS_ID)
                .resourceRecords(ResourceRecord.builder().value(targets.aks()).build());
        return b.weight((long) aksPercent).ttl(ttl != null ? ttl : keep).build();
    }

    private static void add(List<Change> changes, List<String> lines, ChangeAction action, ResourceRecordSet r) {
        changes.add(Change.builder().action(action).resourceRecordSet(r).build());
        lines.add(action + " " + r.name() + " " + r.typeAsString() + (r.setIdentifier() == null ? " (simple)" : " [" + r.setIdentifier()
                + "] weight " + r.weight()) + (r.ttl() == null ? "" : " TTL " + r.ttl()) + " -> " + HostRecords.answer(r));
    }

    @Override
    public void apply(RoutingChange change) {
        Route53Change batch = (Route53Change) change;
        ChangeInfo info;
        try {
            info = route53.changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(c -> c.changes(batch.changes())
                    .comment("eks2aks shift-traffic"))).changeInfo();
        } catch (InvalidChangeBatchException e) {
            throw new MigrationException("Route 53 refused the change in zone " + zoneId + ": " + String.join("; ",
                    e.messages() == null || e.messages().isEmpty() ? List.of(message(e)) : e.messages()) + " (nothing was changed; run again to re-read)");
        } catch (Route53Exception e) {
            throw failure("change records in zone " + zoneId, e);
        }
        waitInSync(info);
    }

    private void waitInSync(ChangeInfo info) {
        long deadline = System.nanoTime() + syncTimeout.toNanos();
        String id = info.id().replaceFirst("^/?change/", "");
        ChangeStatus status = info.status();
        while (status != ChangeStatus.INSYNC) {
            if (System.nanoTime() > deadline) {
                throw new MigrationException("Route 53 change " + id + " was not INSYNC after " + syncTimeout.toSeconds()
                        + " s: it was accepted and will still apply; run again to continue from the weights it leaves");
            }
            events.debug(TrafficShift.TOPIC, "change " + id + " is " + status + ", waiting for INSYNC");
            try {
                pause.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationException("Interrupted while Route 53 change " + id + " was " + status + ": it will still apply");
            }
            try {
                status = route53.getChange(b -> b.id(id)).changeInfo().status();
            } catch (Route53Exception e) {
                throw failure("read change " + id, e);
            }
        }
        events.info(TrafficShift.TOPIC, "change " + id + " is INSYNC");
    }

    private static MigrationException failure(String what, Route53Exception e) {
        return new MigrationException("Route 53 could not " + what + ": " + message(e), e);
    }

    private static String message(Route53Exception e) {
        return e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }
}
