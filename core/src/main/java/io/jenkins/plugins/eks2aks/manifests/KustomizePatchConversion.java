package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts the kustomize patches that are not files of objects ({@link KustomizePatch}): an inline strategic-merge
 * patch is a partial object the rules convert as they convert a patch file; a JSON 6902 patch is converted operation
 * by operation ({@link Json6902Conversion}). Each converted patch is written anew ({@link PatchRewrite}); what the
 * rules cannot say in the patch is a decision naming the kustomization, the patch and the operation, and a patch
 * that sets load-balancer settings no rule converted stays a decision, so an internal load balancer set by an
 * overlay never ends up public.
 */
public final class KustomizePatchConversion {

    /** What the rules make of one partial object: the object with their changes applied, and the changes. */
    public record Converted(ObjectNode after, List<ObjectChange> changes, List<Conflict> conflicts, boolean excluded) {
    }

    static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<KubeObject, Converted> rules;
    private final List<ObjectChange> changes = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<String> decisions = new ArrayList<>();
    private final List<PatchRewrite> rewrites = new ArrayList<>();

    private KustomizePatchConversion(Function<KubeObject, Converted> rules) {
        this.rules = rules;
    }

    /** Converts {@code patches} with {@code rules} (the converter's, applied to one partial object). */
    public static KustomizePatchConversion of(List<KustomizePatch> patches, Function<KubeObject, Converted> rules) {
        KustomizePatchConversion conversion = new KustomizePatchConversion(rules);
        patches.forEach(conversion::convert);
        return conversion;
    }

    private void convert(KustomizePatch patch) {
        JsonNode parsed = KustomizePatches.readText(patch.text());
        String after = parsed.isArray() ? new Json6902Conversion(patch, (com.fasterxml.jackson.databind.node.ArrayNode) parsed,
                rules, changes, conflicts, decisions).convert() : strategicMerge(patch, (ObjectNode) parsed);
        if (after != null) {
            rewrites.add(new PatchRewrite(patch.inline() ? patch.kustomization() : patch.file(),
                    patch.inline() ? patch.field() : null, patch.index(), patch.text(), after));
        }
    }

    /** An inline strategic-merge patch: the new text when a rule changed it, else null. */
    private String strategicMerge(KustomizePatch patch, ObjectNode object) {
        KubeObject partial = partial(patch, object, ref(object, patch.target()));
        Converted converted = rules.apply(partial);
        if (converted.excluded()) {
            return null; // what the rules leave out, the base conversion leaves out with its patches
        }
        String prefix = "kustomize patch " + patch.where() + ": ";
        boolean applied = false;
        for (ObjectChange c : converted.changes()) {
            changes.add(new ObjectChange(c.document(), c.object(), prefixed(c.change(), prefix), c.applied()));
            applied |= c.applied();
        }
        conflicts.addAll(converted.conflicts());
        if (converted.changes().isEmpty() && KustomizePatches.setsScheme(patch.text())) {
            decisions.add(patch.where() + ": a patch setting load-balancer or ingress settings no rule converts; an "
                    + "internal load balancer could become public on AKS: check it by hand (a decision)");
        }
        if (!applied) {
            return null;
        }
        String text = InnerComments.carry(patch.text().replace("\r\n", "\n"), yaml(converted.after()));
        return patch.text().endsWith("\n") ? text : text.stripTrailing();
    }

    /** The partial object a patch makes, in a document named by the file holding it. */
    static KubeObject partial(KustomizePatch patch, ObjectNode object, ObjectRef ref) {
        ManifestDocument document = new ManifestDocument(patch.inline() ? patch.kustomization() : patch.file(), 0, 1, 0, 0, object);
        return new KubeObject(document, "", ref, object.deepCopy());
    }

    /**
     * The object's own apiVersion and kind, else its target's; its target's namespace and name, else its own: a
     * {@code target:} selects what the patch applies to, whatever name the patch's own metadata gives
     * ({@code kubectl kustomize} ignores it).
     */
    static ObjectRef ref(JsonNode object, JsonNode target) {
        String group = target.path("group").asText("");
        String version = target.path("version").asText("");
        String targetApi = version.isEmpty() ? "" : group.isEmpty() ? version : group + "/" + version;
        String kind = object.path("kind").asText(target.path("kind").asText(""));
        String api = object.path("apiVersion").asText(targetApi.isEmpty() ? defaultApiVersion(kind) : targetApi);
        return new ObjectRef(api, kind, target.path("namespace").asText(object.at("/metadata/namespace").asText(null)),
                target.path("name").asText(object.at("/metadata/name").asText(null)));
    }

    private static final Map<String, String> API_VERSIONS = Map.ofEntries(Map.entry("Deployment", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"), Map.entry("DaemonSet", "apps/v1"), Map.entry("ReplicaSet", "apps/v1"),
            Map.entry("Job", "batch/v1"), Map.entry("CronJob", "batch/v1"), Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("IngressClass", "networking.k8s.io/v1"), Map.entry("StorageClass", "storage.k8s.io/v1"));

    /** A target that names only its kind: the version kubectl kustomize would match for the kinds the rules know. */
    private static String defaultApiVersion(String kind) {
        return API_VERSIONS.getOrDefault(kind, "v1");
    }

    static Change prefixed(Change c, String prefix) {
        return c.withReason(prefix + c.reason());
    }

    static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new MigrationException("Cannot serialize a converted kustomize patch: " + e.getOriginalMessage(), e);
        }
    }

    static String json(JsonNode node, boolean pretty) {
        try {
            return pretty ? JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node) + "\n"
                    : JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new MigrationException("Cannot serialize a converted kustomize patch: " + e.getOriginalMessage(), e);
        }
    }

    /** Every change the rules proposed to the patches, with the patch named in each reason. */
    public List<ObjectChange> changes() {
        return List.copyOf(changes);
    }

    public List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    /** Decisions about patches that belong to no change: each counts as a pending decision. */
    public List<String> decisions() {
        return List.copyOf(decisions);
    }

    /** The patches written anew. */
    public List<PatchRewrite> rewrites() {
        return List.copyOf(rewrites);
    }
}
