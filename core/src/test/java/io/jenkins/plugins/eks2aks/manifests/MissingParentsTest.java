package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Manifests leave out whatever is optional: a Job's pod template without {@code metadata}, a container without
 * {@code env}. A rule that adds a label or an entry must create the missing parents, and no rule may fail on an
 * object that lacks one. The second test removes (and nulls) every map of every object of the bundled example,
 * one at a time, and runs the whole catalog on each variant.
 */
class MissingParentsTest {

    private static final String IRSA_ACCOUNT = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: reports
              namespace: shop
              annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/reports"}
            ---
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, namespace: shop}\nspec:\n  template:\n    spec:\n      serviceAccountName: reports\n      restartPolicy: Never\n      containers: [{name: c, image: busybox}]\n",
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, namespace: shop}\nspec:\n  template:\n    metadata:\n    spec:\n      serviceAccountName: reports\n      restartPolicy: Never\n      containers: [{name: c, image: busybox}]\n",
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: j, namespace: shop}\nspec:\n  schedule: '@daily'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          serviceAccountName: reports\n          restartPolicy: Never\n          containers: [{name: c, image: busybox}]\n",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  serviceAccountName: reports\n  containers: [{name: c, image: busybox}]\n"})
    void aPodTemplateWithoutMetadataGetsTheWorkloadIdentityLabel(String workload) {
        ConversionResult result = Conversions.convert(IRSA_ACCOUNT + workload, MigrationMapping.defaults());

        JsonNode converted = Conversions.output(result).get(1);
        String labels = converted.path("kind").asText().equals("Pod") ? "/metadata/labels"
                : converted.path("kind").asText().equals("CronJob") ? "/spec/jobTemplate/spec/template/metadata/labels"
                : "/spec/template/metadata/labels";
        assertEquals("true", converted.at(labels).path("azure.workload.identity/use").asText(), converted.toString());
    }

    /** A rule that puts one key into a map of every object. */
    private record Put(String id, String map, String key) implements ConversionRule {
        @Override
        public boolean appliesTo(KubeObject object) {
            return true;
        }

        @Override
        public List<Change> apply(KubeObject object) {
            return List.of(Changes.of(object, id).put(map, key, "x", RuleMode.AUTO, "test"));
        }
    }

    @Test
    void twoRulesCreatingTheSameMissingTemplateMetadataAreMergedNotAConflict() {
        ManifestSet job = Manifests.set("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec: {containers: []}\n");
        ConversionResult result = new ManifestConverter(List.of(new Put("A", "/spec/template/metadata/labels", "a"),
                new Put("B", "/spec/template/metadata/labels", "b"), new Put("C", "/spec/template/metadata/annotations", "c")))
                .convert(job);

        assertEquals(List.of(), result.conflicts());
        assertEquals("{\"labels\":{\"a\":\"x\",\"b\":\"x\"},\"annotations\":{\"c\":\"x\"}}",
                result.documents().get(0).converted().at("/spec/template/metadata").toString());
    }

    @Test
    void everyRuleCopesWithEveryMissingOrNullMapOfTheBundledExample() throws Exception {
        Path example = Path.of("..", "examples", "eks-sample");
        ManifestSet input = new ManifestReader().read(example);
        MigrationMapping mapping = MappingFile.load(example.resolve("eks2aks.yaml"));
        RuleContext context = new RuleContext(mapping, InputIndex.of(input, mapping.registryMap()));
        ManifestConverter converter = new ManifestConverter(RuleCatalog.rules(context));
        assertTrue(Files.isDirectory(example));

        List<String> failures = new ArrayList<>();
        int variants = 0;
        for (ManifestFile file : input.files()) {
            for (ManifestDocument whole : file.documents()) {
                for (KubeObject object : ManifestConverter.objectsOf(whole)) {
                    variants += convertEachVariant(converter, input, file, whole, object, failures);
                }
            }
        }
        assertTrue(variants > 500, "variants: " + variants);
        assertEquals(List.of(), failures);
    }

    /**
     * Converts {@code object} (on its own, an item of a List too, so that a variant converts one object) once
     * without each of its maps; returns how many variants ran.
     */
    private static int convertEachVariant(ManifestConverter converter, ManifestSet input, ManifestFile file,
                                          ManifestDocument whole, KubeObject object, List<String> failures) {
        int variants = 0;
        for (String pointer : maps(object.object(), "")) {
            // An empty "metadata:" or "labels:" reads as null: try that form too where people write it.
            boolean[] forms = pointer.matches(".*/(metadata|labels|annotations|spec|template)$")
                    ? new boolean[] {false, true} : new boolean[] {false};
            for (boolean asNull : forms) {
                ManifestDocument variant = new ManifestDocument(whole.file(), whole.index(), whole.startLine(),
                        whole.start(), whole.end(), without(object.object(), pointer, asNull));
                ManifestSet one = new ManifestSet(input.root(), input.directory(),
                        List.of(new ManifestFile(file.path(), file.json(), file.text(), List.of(variant))), List.of());
                variants++;
                try {
                    converter.convert(one);
                } catch (RuntimeException e) {
                    failures.add(file.path() + " #" + whole.index() + object.pointer() + " without " + pointer
                            + (asNull ? " (null)" : "") + ": " + e);
                }
            }
        }
        return variants;
    }

    /** Pointers of every map inside {@code node} (not the root), depth first. */
    private static List<String> maps(JsonNode node, String at) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String child = Pointers.child(at, e.getKey());
                if (e.getValue().isObject()) {
                    out.add(child);
                }
                out.addAll(maps(e.getValue(), child));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(maps(node.get(i), Pointers.child(at, i)));
            }
        }
        return out;
    }

    private static JsonNode without(JsonNode content, String pointer, boolean asNull) {
        JsonNode copy = content.deepCopy();
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String key = Pointers.unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
        JsonNode holder = parent.isEmpty() ? copy : copy.at(parent);
        if (asNull) {
            ((ObjectNode) holder).set(key, JsonNodeFactory.instance.nullNode());
        } else {
            ((ObjectNode) holder).remove(key);
        }
        return copy;
    }
}
