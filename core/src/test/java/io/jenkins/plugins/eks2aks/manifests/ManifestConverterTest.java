package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestConverterTest {

    private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x}\n";

    /** A rule that sets one path to one value, for testing the runner on its own. */
    private record SetRule(String id, String path, String value) implements ConversionRule {
        @Override
        public boolean appliesTo(KubeObject object) {
            return true;
        }

        @Override
        public List<Change> apply(KubeObject object) {
            return List.of(Change.replace(path, object.at(path), TextNode.valueOf(value), id, RuleMode.AUTO, "test"));
        }
    }

    /** A rule that wrongly writes into the object it reads. */
    private record CarelessRule() implements ConversionRule {
        @Override
        public String id() {
            return "CARELESS";
        }

        @Override
        public boolean appliesTo(KubeObject object) {
            return true;
        }

        @Override
        public List<Change> apply(KubeObject object) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) object.object().get("metadata")).put("name", "scribbled");
            return List.of();
        }
    }

    @Test
    void aRuleThatWritesIntoItsViewChangesNeitherTheNextRulesViewNorTheInput() {
        ConversionResult result = new ManifestConverter(List.of(new CarelessRule(),
                new SetRule("B", "/metadata/name", "b"))).convert(Manifests.set(POD));

        Change next = result.changes().get(0).change();
        assertEquals("B", next.ruleId());
        assertEquals("p", next.before().asText(), "the next rule saw the careless rule's write");
        assertEquals("p", result.documents().get(0).original().content().at("/metadata/name").asText());
    }

    @Test
    void twoRulesChangingTheSameFieldAreAConflictAndNeitherIsApplied() {
        ConversionResult result = new ManifestConverter(List.of(
                new SetRule("A", "/spec/containers/0/image", "a"),
                new SetRule("B", "/spec/containers/0/image", "b"),
                new SetRule("C", "/metadata/name", "renamed"))).convert(Manifests.set(POD));

        assertEquals(1, result.conflicts().size());
        Conflict conflict = result.conflicts().get(0);
        assertEquals("/spec/containers/0/image", conflict.path());
        assertEquals(List.of("A", "B"), conflict.ruleIds());
        assertEquals(List.of(false, false, true), result.changes().stream().map(ObjectChange::applied).toList());
        assertEquals("x", result.documents().get(0).converted().at("/spec/containers/0/image").asText());
        assertEquals("renamed", result.documents().get(0).converted().at("/metadata/name").asText());
    }

    @Test
    void aRuleChangingAFieldInsideAnotherRulesFieldIsAConflict() {
        ConversionResult result = new ManifestConverter(List.of(
                new SetRule("A", "/spec/containers/0", "whole container"),
                new SetRule("B", "/spec/containers/0/image", "b"))).convert(Manifests.set(POD));

        assertEquals(List.of("A", "B"), result.conflicts().get(0).ruleIds());
        assertTrue(result.changes().stream().noneMatch(ObjectChange::applied));
        assertFalse(result.documents().get(0).changed());
    }

    @Test
    void aDocumentWithoutAppliedChangesHasNoConvertedTreeAndTheInputIsNeverModified() {
        ManifestSet input = Manifests.set(POD);
        String before = input.files().get(0).documents().get(0).content().toString();
        ConversionResult result = new ManifestConverter(List.of(new SetRule("A", "/metadata/name", "q"))).convert(input);

        assertEquals(before, input.files().get(0).documents().get(0).content().toString());
        assertEquals("q", result.documents().get(0).converted().at("/metadata/name").asText());
        assertNull(new ManifestConverter(List.of()).convert(input).documents().get(0).converted());
    }
}
