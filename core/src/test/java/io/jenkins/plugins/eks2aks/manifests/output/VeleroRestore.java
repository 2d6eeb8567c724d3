package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Velero does to one backed-up object on restore, as far as eks2aks's ConfigMaps are concerned, ported
 * from velero {@code pkg/restore/restore.go} and {@code pkg/restore/actions} and
 * {@code internal/resourcemodifiers}: reset metadata and status, the change-storage-class and
 * change-image-name actions, the Service and PVC actions, then the resource modifiers. The image rows are
 * tried in every order (Velero reads them from a Go map): a row set under which an image could end up two
 * ways fails the test.
 */
final class VeleroRestore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GO_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d[\\d_]*(?:\\.[\\d_]*)?|\\.\\d[\\d_]*)(?:[eE][+-]?\\d+)?|0[xX][\\da-fA-F_.]+(?:[pP][+-]?\\d+)?|inf|infinity|nan)",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, String> storageClasses = new LinkedHashMap<>();
    private final List<String[]> imageRows = new ArrayList<>();
    private final JsonNode modifiers;

    VeleroRestore(VeleroConfigMaps maps) {
        String csc = maps.files().get(VeleroConfigMaps.STORAGE_CLASS_FILE);
        if (csc != null) {
            OverlayBuild.read(csc).path("data").fields().forEachRemaining(e -> storageClasses.put(e.getKey(), e.getValue().asText()));
        }
        String cin = maps.files().get(VeleroConfigMaps.IMAGE_NAME_FILE);
        if (cin != null) {
            OverlayBuild.read(cin).path("data").forEach(row -> {
                String text = row.asText();
                int comma = text.indexOf(',');
                imageRows.add(new String[] {text.substring(0, comma).strip(), text.substring(comma + 1).strip()});
            });
        }
        String rm = maps.files().get(VeleroConfigMaps.MODIFIERS_FILE);
        modifiers = rm == null ? null
                : OverlayBuild.read(OverlayBuild.read(rm).at("/data/" + VeleroConfigMaps.MODIFIERS_KEY).asText());
    }

    /** The object as Velero restores it from a backup that holds {@code backup}. */
    JsonNode restore(JsonNode backup, String groupResource) {
        ObjectNode obj = backup.deepCopy();
        resetMetadataAndStatus(obj);
        String kind = obj.path("kind").asText();
        changeStorageClass(kind, obj);
        changeImageName(kind, obj);
        velerosOwnActions(kind, obj);
        if (modifiers != null) {
            applyModifiers(obj, groupResource);
        }
        return obj;
    }

    /** What Velero does itself, also applied to the expected object so that both compare. */
    static JsonNode velerosOwn(JsonNode object) {
        ObjectNode obj = object.deepCopy();
        resetMetadataAndStatus(obj);
        velerosOwnActions(obj.path("kind").asText(), obj);
        return obj;
    }

    private static void resetMetadataAndStatus(ObjectNode obj) {
        ObjectNode metadata = (ObjectNode) obj.path("metadata");
        for (String f : List.of("generateName", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
                "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences")) {
            metadata.remove(f);
        }
        obj.remove("status");
    }

    private static void velerosOwnActions(String kind, ObjectNode obj) {
        JsonNode annotations = obj.at("/metadata/annotations");
        if (kind.equals("Service")) {
            ObjectNode spec = (ObjectNode) obj.path("spec");
            if (!"None".equals(spec.path("clusterIP").asText())) {
                spec.remove("clusterIP");
                spec.remove("clusterIPs");
            }
            spec.path("ports").forEach(p -> ((ObjectNode) p).remove("nodePort"));
            spec.remove("healthCheckNodePort");
        }
        if (kind.equals("PersistentVolumeClaim") && annotations.isObject()) {
            for (String a : List.of("pv.kubernetes.io/bind-completed", "pv.kubernetes.io/bound-by-controller",
                    "volume.kubernetes.io/storage-provisioner", "volume.beta.kubernetes.io/storage-provisioner",
                    "volume.kubernetes.io/selected-node")) {
                ((ObjectNode) annotations).remove(a);
            }
            ((ObjectNode) obj.path("spec")).remove("volumeName"); // the volume is provisioned anew (file-system backup)
        }
        if (kind.equals("PersistentVolume")) {
            JsonNode claimRef = obj.at("/spec/claimRef");
            if (claimRef.isObject()) {
                ((ObjectNode) claimRef).remove(List.of("uid", "resourceVersion"));
            }
            if (annotations.isObject()) {
                ((ObjectNode) annotations).remove(List.of("pv.kubernetes.io/bind-completed", "pv.kubernetes.io/bound-by-controller"));
            }
        }
    }

    private void changeStorageClass(String kind, ObjectNode obj) {
        List<String> paths = new ArrayList<>();
        if (kind.equals("PersistentVolumeClaim") || kind.equals("PersistentVolume")) {
            paths.add("/spec");
        } else if (kind.equals("StatefulSet")) {
            for (int i = 0; i < obj.at("/spec/volumeClaimTemplates").size(); i++) {
                paths.add("/spec/volumeClaimTemplates/" + i + "/spec");
            }
        }
        for (String p : paths) {
            JsonNode spec = obj.at(p);
            String to = storageClasses.get(spec.path("storageClassName").asText(""));
            if (to != null) {
                ((ObjectNode) spec).put("storageClassName", to);
            }
        }
    }

    private void changeImageName(String kind, ObjectNode obj) {
        for (ImageNames.Occurrence o : ImageNames.veleroImages(kind, obj)) {
            Set<String> outcomes = new HashSet<>();
            for (String[] row : imageRows) {
                if (o.image().contains(row[0])) {
                    outcomes.add(o.image().replace(row[0], row[1]));
                }
            }
            if (outcomes.size() > 1) {
                throw new AssertionError("image " + o.image() + " can become any of " + outcomes + " depending on row order");
            }
            if (outcomes.size() == 1) {
                ((ObjectNode) obj.at(o.path().substring(0, o.path().lastIndexOf('/')))).put("image", outcomes.iterator().next());
            }
        }
    }

    private void applyModifiers(ObjectNode obj, String groupResource) {
        ObjectNode origin = obj.deepCopy();
        for (JsonNode rule : modifiers.path("resourceModifierRules")) {
            JsonNode c = rule.path("conditions");
            String ns = origin.at("/metadata/namespace").asText("");
            if (!ns.isEmpty() && c.has("namespaces")) {
                boolean listed = false;
                for (JsonNode n : c.path("namespaces")) {
                    listed |= n.asText().equals(ns);
                }
                if (!listed) {
                    continue;
                }
            }
            if (!c.path("groupResource").asText().equals(groupResource)) {
                continue;
            }
            if (c.has("resourceNameRegex")
                    && !Pattern.compile(c.path("resourceNameRegex").asText()).matcher(origin.at("/metadata/name").asText()).find()) {
                continue;
            }
            ArrayNode patch = JSON.createArrayNode();
            for (JsonNode p : rule.path("patches")) {
                patch.add(veleroPatchOperation(p.path("operation").asText(), p.path("path").asText(),
                        p.has("value") ? p.path("value").asText() : ""));
            }
            JsonNode patched = JsonPatch.apply(patch, obj);
            obj.removeAll();
            obj.setAll((ObjectNode) patched);
        }
    }

    /** Velero's {@code JSONPatch.ToString}: the value string goes into the JSON text as it is, or in quotes. */
    static JsonNode veleroPatchOperation(String op, String path, String value) {
        String[] v = {value};
        String text = addQuotes(v)
                ? String.format("{\"op\": \"%s\", \"path\": \"%s\", \"value\": \"%s\"}", op, path, v[0])
                : String.format("{\"op\": \"%s\", \"path\": \"%s\", \"value\": %s}", op, path, v[0]);
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(text);
            if (op.equals("remove")) {
                node.remove("value");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Velero would fail to decode " + text, e);
        }
    }

    private static boolean addQuotes(String[] value) {
        String v = value[0];
        if (v.isEmpty()) {
            return true;
        }
        if (v.startsWith("\"") && v.endsWith("\"")) {
            value[0] = v.length() < 2 ? "" : v.substring(1, v.length() - 1);
            return true;
        }
        if (v.equals("null") || v.toLowerCase(Locale.ROOT).equals("true") || v.toLowerCase(Locale.ROOT).equals("false")) {
            return false;
        }
        if (v.startsWith("{") || v.startsWith("[")) {
            return false;
        }
        return !GO_FLOAT.matcher(v).matches();
    }
}
