package io.jenkins.plugins.eks2aks.preflight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** {@code preflight.json}, schema {@link #SCHEMA}: the target, the counts, and every check in order. */
public final class PreflightJson {

    public static final String SCHEMA = "eks2aks.io/preflight/v1";

    public String render(String target, List<PreflightCheck> checks) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("target", target);
        ObjectNode summary = root.putObject("summary");
        for (CheckStatus s : CheckStatus.values()) {
            summary.put(s.name(), checks.stream().filter(c -> c.status() == s).count());
        }
        ArrayNode array = root.putArray("checks");
        for (PreflightCheck c : checks) {
            array.addObject().put("id", c.id()).put("title", c.title()).put("status", c.status().name()).put("detail", c.detail()).put("fix", c.fix());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a preflight tree always serializes", e);
        }
    }
}
