package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.HelmValuesFrom;
import io.jenkins.plugins.eks2aks.manifests.InnerComments;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.ManifestConverter;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.Pointers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The deep scan of the chart values a HelmRelease takes from a ConfigMap ({@code spec.valuesFrom}): the YAML text
 * under the reference's key is read as if it were the object's field {@code data["values.yaml"]} (under the
 * reference's {@code targetPath} when it has one), so every change and decision names the ConfigMap, the key and
 * the path inside the values. The changes are applied to the values and the text written anew, with its comments
 * carried over as for a kustomize patch; a value merged at a {@code targetPath} is one flat value, so only a
 * change of exactly that value can be written back, anything else is left to a person.
 */
public final class HelmValuesScan {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    /**
     * What the scan of one reference found.
     *
     * @param changes    the deep scan's changes, with pointers into {@code data/<key>} as if the values were a field
     * @param text       the values text with the applicable changes made; null when none applies or they cannot be
     *                   written back (a change beside a {@code targetPath} value)
     * @param unreadable why the values were not read (no such key, not YAML, not a map); null when they were
     */
    public record Result(List<Change> changes, String text, String unreadable) {
    }

    private HelmValuesScan() {
    }

    /** The pointer of the values text of {@code reference} in its ConfigMap. */
    public static String pointer(HelmValuesFrom.Reference reference) {
        return Pointers.child("/data", reference.valuesKey());
    }

    /** Scans the values {@code configMap} gives HelmRelease reference {@code reference} with {@code scan}'s rules. */
    public static Result of(CustomResourceScanRule scan, KubeObject configMap, HelmValuesFrom.Reference reference) {
        return of(scan, configMap, reference, c -> true);
    }

    /** The same, keeping only the changes {@code kept} accepts (those of rules the mapping file does not disable). */
    public static Result of(CustomResourceScanRule scan, KubeObject configMap, HelmValuesFrom.Reference reference,
                            Predicate<Change> kept) {
        JsonNode raw = configMap.at(pointer(reference));
        if (!raw.isTextual()) {
            return unreadable("it has no data key " + reference.valuesKey());
        }
        String original = raw.asText().replace("\r\n", "\n");
        ObjectNode root;
        try {
            root = tree(original, reference);
        } catch (IllegalArgumentException e) {
            return unreadable(e.getMessage());
        }
        List<String> target = reference.targetPath() == null ? List.of() : segments(reference.targetPath());
        // The namespace the HelmRelease reads it in: the one its kustomize build gives it when its file has none.
        ObjectRef ref = new ObjectRef(configMap.ref().apiVersion(), configMap.ref().kind(), reference.namespace(),
                configMap.ref().name());
        List<Change> changes = scan.apply(new KubeObject(configMap.document(), configMap.pointer(), ref, root)).stream()
                .filter(kept).toList();
        String valuesPointer = pointer(reference);
        String targetPointer = valuesPointer;
        for (String segment : target) {
            targetPointer = segment.matches("\\[\\d+]")
                    ? Pointers.child(targetPointer, Integer.parseInt(segment.substring(1, segment.length() - 1)))
                    : Pointers.child(targetPointer, segment);
        }
        return new Result(changes, rewritten(root, changes, valuesPointer, targetPointer, reference.targetPath() != null, original), null);
    }

    /**
     * The ECR images the values {@code configMap} gives reference {@code reference} make the chart run, at their
     * paths inside the ConfigMap ({@code data["values.yaml"].image.repository}); none when the values are not read.
     */
    public static List<CustomResourceImages.ImageAt> images(KubeObject configMap, HelmValuesFrom.Reference reference) {
        JsonNode raw = configMap.at(pointer(reference));
        try {
            return raw.isTextual() ? CustomResourceImages.in(tree(raw.asText(), reference)) : List.of();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** {@code {data: {<key>: values}}}, the values under the reference's targetPath; throws saying why they are not read. */
    private static ObjectNode tree(String text, HelmValuesFrom.Reference reference) {
        JsonNode values;
        if (reference.targetPath() != null) {
            values = TextNode.valueOf(text);
        } else {
            try {
                values = text.isBlank() ? null : YAML.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("its " + reference.valuesKey() + " is not YAML (" + e.getOriginalMessage() + ")", e);
            }
            if (values == null || values.isMissingNode() || values.isNull()) {
                values = JsonNodeFactory.instance.objectNode();
            } else if (!values.isObject()) {
                throw new IllegalArgumentException("its " + reference.valuesKey() + " is not a map of values");
            }
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set(reference.valuesKey(), nested(reference.targetPath() == null ? List.of() : segments(reference.targetPath()), values));
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("data", data);
        return root;
    }

    private static Result unreadable(String why) {
        return new Result(List.of(), null, why);
    }

    /** The text with the applicable changes made, or null (nothing to apply, or not writable back). */
    private static String rewritten(ObjectNode root, List<Change> changes, String valuesPointer, String targetPointer,
                                    boolean flat, String original) {
        List<Change> applicable = changes.stream().filter(c -> c.mode().applies()).toList();
        Set<String> paths = new HashSet<>();
        if (applicable.isEmpty() || !applicable.stream().allMatch(c -> paths.add(c.path()))) {
            return null; // two changes of one value: the converter would hold both back, so nothing is written
        }
        if (flat) {
            boolean onlyTheValue = applicable.stream().allMatch(c -> "replace".equals(c.op()) && c.path().equals(targetPointer)
                    && c.after() != null && c.after().isValueNode());
            return onlyTheValue ? applicable.get(0).after().asText() : null;
        }
        List<ObjectNode> ops = new ArrayList<>();
        applicable.forEach(c -> ops.add(c.toPatchOperation("")));
        JsonNode values;
        try {
            values = JsonPatch.apply(ManifestConverter.ordered(ops), root).at(valuesPointer);
            return header(original) + InnerComments.carry(original, YAML.writeValueAsString(values));
        } catch (JsonPatchException | JsonProcessingException e) {
            return null;
        }
    }

    /** The comment lines heading the text, which the rewritten text would otherwise lose. */
    private static String header(String original) {
        StringBuilder out = new StringBuilder();
        for (String line : original.split("\n", -1)) {
            if (!line.strip().startsWith("#")) {
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** {@code value} inside maps (and lists, for {@code name[0]}) along {@code path}. */
    private static JsonNode nested(List<String> path, JsonNode value) {
        JsonNode out = value;
        for (int i = path.size() - 1; i >= 0; i--) {
            String segment = path.get(i);
            if (segment.matches("\\[\\d+]")) {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                int index = Integer.parseInt(segment.substring(1, segment.length() - 1));
                for (int j = 0; j < index; j++) {
                    list.addNull();
                }
                out = list.add(out);
            } else {
                out = JsonNodeFactory.instance.objectNode().set(segment, out);
            }
        }
        return out;
    }

    /**
     * The segments of a Helm {@code --set} style path as Flux reads {@code targetPath}: dots separate keys unless
     * escaped ({@code service\.beta\.kubernetes\.io/x}), {@code [n]} is a list index.
     */
    static List<String> segments(String targetPath) {
        List<String> out = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < targetPath.length(); i++) {
            char c = targetPath.charAt(i);
            if (c == '\\' && i + 1 < targetPath.length()) {
                key.append(targetPath.charAt(++i));
            } else if (c == '.') {
                if (!key.isEmpty() || i == 0 || targetPath.charAt(i - 1) != ']') {
                    out.add(key.toString());
                }
                key.setLength(0);
            } else if (c == '[' && targetPath.indexOf(']', i) > i) {
                int end = targetPath.indexOf(']', i);
                if (!key.isEmpty()) {
                    out.add(key.toString());
                    key.setLength(0);
                }
                out.add(targetPath.substring(i, end + 1));
                i = end;
            } else {
                key.append(c);
            }
        }
        if (!key.isEmpty()) {
            out.add(key.toString());
        }
        return out;
    }
}
