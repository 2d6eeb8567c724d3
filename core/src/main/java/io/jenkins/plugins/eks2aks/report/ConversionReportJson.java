package io.jenkins.plugins.eks2aks.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Conflict;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.List;

/**
 * The conversion report for machines. The schema is versioned ({@link #SCHEMA}); fields are written in a
 * fixed order and rows in input order, and nothing depends on the time or the machine, so two runs on the
 * same input produce the same bytes. Sections: {@code summary}, {@code decisions} (the HUMAN changes, with the
 * mapping-file keys or flags their reason names), {@code exclusions} (objects left out, the reason naming the
 * Azure equivalent), {@code changes} (every change, applied or not) and {@code conflicts}.
 */
public final class ConversionReportJson {

    public static final String SCHEMA = "eks2aks.io/conversion-report/v1";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(ConversionResult result, List<String> registryMap) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode map = root.putArray("registryMap");
        registryMap.forEach(map::add);
        ObjectNode summary = root.putObject("summary");
        summary.put("files", result.input().files().size());
        summary.put("documents", result.documents().size());
        summary.put("objects", result.objects());
        summary.put("changedDocuments", result.changedDocuments());
        ObjectNode byMode = summary.putObject("changesByMode");
        result.countByMode().forEach((mode, count) -> byMode.put(mode.name(), count));
        summary.put("pendingDecisions", result.pendingDecisions());
        summary.put("conflicts", result.conflicts().size());
        summary.put("exclusions", (int) result.changes().stream().filter(c -> c.change().isExclusion()).count());
        ArrayNode decisions = root.putArray("decisions");
        ArrayNode exclusions = root.putArray("exclusions");
        for (ObjectChange c : result.changes()) {
            Change change = c.change();
            if (change.mode() == RuleMode.HUMAN) {
                ObjectNode row = located(c);
                row.put("path", change.path());
                row.set("current", change.before());
                row.put("rule", change.ruleId());
                row.put("reason", change.reason());
                ArrayNode keys = row.putArray("keys");
                MappingKeys.in(change.reason()).forEach(keys::add);
                decisions.add(row);
            } else if (change.isExclusion()) {
                ObjectNode row = located(c);
                row.put("rule", change.ruleId());
                row.put("reason", change.reason());
                exclusions.add(row);
            }
        }
        ArrayNode changes = root.putArray("changes");
        for (ObjectChange c : result.changes()) {
            changes.add(change(c));
        }
        ArrayNode conflicts = root.putArray("conflicts");
        for (Conflict c : result.conflicts()) {
            ObjectNode row = conflicts.addObject();
            row.set("object", object(c.object()));
            row.put("file", c.document().file());
            row.put("document", c.document().index() + 1);
            row.put("path", c.path());
            ArrayNode rules = row.putArray("rules");
            c.ruleIds().forEach(rules::add);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serializes", e);
        }
    }

    private ObjectNode located(ObjectChange c) {
        ObjectNode row = mapper.createObjectNode();
        row.set("object", object(c.object()));
        row.put("file", c.document().file());
        row.put("document", c.document().index() + 1);
        return row;
    }

    private ObjectNode change(ObjectChange c) {
        Change change = c.change();
        ObjectNode row = located(c);
        row.put("path", change.path());
        row.put("op", change.op());
        row.set("before", change.before());
        row.set("after", change.after());
        row.put("rule", change.ruleId());
        row.put("mode", change.mode().name());
        row.put("applied", c.applied());
        row.put("reason", change.reason());
        return row;
    }

    private ObjectNode object(ObjectRef ref) {
        ObjectNode node = mapper.createObjectNode();
        node.put("apiVersion", ref.apiVersion());
        node.put("kind", ref.kind());
        node.put("namespace", ref.namespace());
        node.put("name", ref.name());
        return node;
    }
}
