package io.jenkins.plugins.eks2aks.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code plan.json}: {@code steps} in order (name, work, estimateSeconds, estimateSource), then {@code decisions}. */
final class PlanJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    String render(MigrationPlan plan) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", MigrationPlan.SCHEMA);
        root.put("manifests", plan.manifests());
        root.put("mapping", plan.mapping());
        root.put("inventory", plan.source());
        root.put("ledger", plan.ledger());
        root.put("estimateSeconds", plan.estimateSeconds());
        ArrayNode steps = root.putArray("steps");
        for (PlanStep s : plan.steps()) {
            ObjectNode n = steps.addObject();
            n.put("name", s.name());
            ObjectNode work = n.putObject("work");
            s.work().forEach(work::put);
            n.put("estimateSeconds", s.estimateSeconds());
            n.put("estimateSource", s.estimateSource());
            n.put("basis", s.basis());
            ArrayNode notes = n.putArray("notes");
            s.notes().forEach(notes::add);
        }
        ArrayNode decisions = root.putArray("decisions");
        for (PlanDecision d : plan.decisions()) {
            ObjectNode n = decisions.addObject();
            n.put("object", d.object());
            n.put("file", d.file());
            n.put("path", d.path());
            n.put("rule", d.rule());
            n.put("reason", d.reason());
            ArrayNode keys = n.putArray("keys");
            d.keys().forEach(keys::add);
        }
        root.put("conflicts", plan.conflicts());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan tree always serializes", e);
        }
    }
}
