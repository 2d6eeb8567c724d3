package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.manifests.rules.custom.GeneratedHelmValues;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.List;

/** Runs the whole rule catalog on YAML text, as {@code eks2aks convert} would, for tests. */
public final class Conversions {

    private Conversions() {
    }

    public static ConversionResult convert(String yaml, MigrationMapping mapping) {
        return convert(Manifests.set(yaml), mapping);
    }

    /** Every file under {@code input}, read as {@code eks2aks convert} reads them. */
    public static ConversionResult convert(java.nio.file.Path input, MigrationMapping mapping) {
        return convert(new ManifestReader().read(input), mapping);
    }

    public static ConversionResult convert(ManifestSet set, MigrationMapping mapping) {
        return convert(set, mapping, new RuleContext(mapping, InputIndex.empty()).frontEnd());
    }

    /** As {@link #convert(String, MigrationMapping)}, decisions naming options and commands in {@code frontEnd}'s words. */
    public static ConversionResult convert(String yaml, MigrationMapping mapping, FrontEndNames frontEnd) {
        return convert(Manifests.set(yaml), mapping, frontEnd);
    }

    private static ConversionResult convert(ManifestSet set, MigrationMapping mapping, FrontEndNames frontEnd) {
        RuleContext context = new RuleContext(mapping, InputIndex.of(set, mapping.registryMap()), frontEnd);
        ConversionResult result = GeneratedHelmValues.addTo(new ManifestConverter(RuleCatalog.rules(context)).convert(set), context);
        result.changes().forEach(c -> ReasonKeys.check(c.change()));
        return result;
    }

    /** Every object of the output, in order, excluded ones left out: what would be applied to AKS. */
    public static List<JsonNode> output(ConversionResult result) {
        List<JsonNode> out = new ArrayList<>();
        for (ConvertedDocument d : result.documents()) {
            if (d.excluded()) {
                continue;
            }
            JsonNode node = d.converted() != null ? d.converted() : d.original().content();
            if (node.path("kind").asText().endsWith("List")) {
                node.path("items").forEach(out::add);
            } else {
                out.add(node);
            }
        }
        return out;
    }

    /** The single object of the output. */
    public static JsonNode single(String yaml, MigrationMapping mapping) {
        List<JsonNode> out = output(convert(yaml, mapping));
        if (out.size() != 1) {
            throw new IllegalStateException("expected one object in the output, got " + out.size());
        }
        return out.get(0);
    }

    /** The objects of one document as read: the document, or the items of a List. */
    public static List<JsonNode> objects(ManifestDocument document) {
        return ManifestConverter.objectsOf(document).stream().map(o -> (JsonNode) o.object()).toList();
    }

    /** The changes of the given rule ids, applied or not. */
    public static List<Change> changes(ConversionResult result, String... ruleIds) {
        List<String> ids = List.of(ruleIds);
        return result.changes().stream().map(ObjectChange::change).filter(c -> ids.contains(c.ruleId())).toList();
    }
}
