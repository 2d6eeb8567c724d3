package io.jenkins.plugins.eks2aks.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Conflict;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

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
        StringWriter out = new StringWriter(1024 + result.changes().size() * 512);
        try {
            render(result, registryMap, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /**
     * Writes the report to {@code out} as a stream, field by field: the report of a large cluster has tens of
     * thousands of rows and is never held whole in memory. {@code out} is not closed.
     */
    public void render(ConversionResult result, List<String> registryMap, Writer out) throws IOException {
        try (JsonGenerator g = mapper.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            mapper.getSerializationConfig().initialize(g); // the mapper's indentation
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeArrayFieldStart("registryMap");
            for (String entry : registryMap) {
                g.writeString(entry);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("files", result.input().files().size());
            g.writeNumberField("documents", result.documents().size());
            g.writeNumberField("objects", result.objects());
            g.writeNumberField("changedDocuments", result.changedDocuments());
            g.writeObjectFieldStart("changesByMode");
            for (Map.Entry<RuleMode, Integer> e : result.countByMode().entrySet()) {
                g.writeNumberField(e.getKey().name(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("pendingDecisions", result.pendingDecisions());
            g.writeNumberField("conflicts", result.conflicts().size());
            g.writeNumberField("exclusions", (int) result.changes().stream().filter(c -> c.change().isExclusion()).count());
            g.writeEndObject();

            if (!result.input().notes().isEmpty()) {
                // What was read differently, or not at all (Helm templates, hidden folders, remote kustomize bases).
                g.writeArrayFieldStart("inputNotes");
                for (String note : result.input().notes()) {
                    g.writeString(note);
                }
                g.writeEndArray();
            }
            if (!result.decisionsAboutInput().isEmpty()) {
                // Pending decisions that belong to no object (an empty input, a kustomize patch left unconverted).
                g.writeArrayFieldStart("inputDecisions");
                for (String decision : result.decisionsAboutInput()) {
                    g.writeStartObject();
                    g.writeStringField("reason", decision);
                    // These are plain lines from the reader (no rule set keys on them): the keys list stays empty.
                    g.writeArrayFieldStart("keys");
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("decisions");
            for (ObjectChange c : result.changes()) {
                Change change = c.change();
                if (change.mode() == RuleMode.HUMAN) {
                    located(g, c);
                    g.writeStringField("path", change.path());
                    tree(g, "current", change.before());
                    g.writeStringField("rule", change.ruleId());
                    g.writeStringField("reason", change.reason());
                    g.writeArrayFieldStart("keys");
                    for (String key : change.mappingKeys()) {
                        g.writeString(key);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("exclusions");
            for (ObjectChange c : result.changes()) {
                if (c.change().isExclusion()) {
                    located(g, c);
                    g.writeStringField("rule", c.change().ruleId());
                    g.writeStringField("reason", c.change().reason());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("changes");
            for (ObjectChange c : result.changes()) {
                Change change = c.change();
                located(g, c);
                g.writeStringField("path", change.path());
                g.writeStringField("op", change.op());
                tree(g, "before", change.before());
                tree(g, "after", change.after());
                g.writeStringField("rule", change.ruleId());
                g.writeStringField("mode", change.mode().name());
                g.writeBooleanField("applied", c.applied());
                g.writeStringField("reason", change.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("conflicts");
            for (Conflict c : result.conflicts()) {
                g.writeStartObject();
                object(g, c.object());
                g.writeStringField("file", c.document().file());
                g.writeNumberField("document", c.document().index() + 1);
                g.writeStringField("path", c.path());
                g.writeArrayFieldStart("rules");
                for (String rule : c.ruleIds()) {
                    g.writeString(rule);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.append('\n');
    }

    /** Opens a row with the object and where it is; the caller adds its fields and closes it. */
    private static void located(JsonGenerator g, ObjectChange c) throws IOException {
        g.writeStartObject();
        object(g, c.object());
        g.writeStringField("file", c.document().file());
        g.writeNumberField("document", c.document().index() + 1);
    }

    private static void object(JsonGenerator g, ObjectRef ref) throws IOException {
        g.writeObjectFieldStart("object");
        g.writeStringField("apiVersion", ref.apiVersion());
        g.writeStringField("kind", ref.kind());
        g.writeStringField("namespace", ref.namespace());
        g.writeStringField("name", ref.name());
        g.writeEndObject();
    }

    private static void tree(JsonGenerator g, String field, JsonNode value) throws IOException {
        if (value == null || value.isNull()) {
            g.writeNullField(field);
        } else if (value.isTextual()) {
            g.writeStringField(field, value.textValue()); // most values; writeTree looks up a serializer each time
        } else {
            g.writeFieldName(field);
            g.writeTree(value);
        }
    }
}
