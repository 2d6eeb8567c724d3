package io.jenkins.plugins.eks2aks.traffic.route53;

import io.jenkins.plugins.eks2aks.traffic.RoutingChange;
import software.amazon.awssdk.services.route53.model.Change;

import java.util.List;

/** One {@code ChangeResourceRecordSets} batch: Route 53 applies all of its changes or none. */
record Route53Change(List<Change> changes, List<String> lines) implements RoutingChange {

    Route53Change {
        changes = List.copyOf(changes);
        lines = List.copyOf(lines);
    }
}
