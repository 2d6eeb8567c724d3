package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.Pointers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The ConfigMaps Velero needs so that restoring an EKS backup on AKS gives the converted objects, written
 * from the same change list as the converted files:
 * <ul>
 *   <li>{@code change-storage-class}: old class → new class, for PVCs, PVs and StatefulSet volume claim
 *       templates (Velero's {@code ChangeStorageClassAction}); from the applied storageClassName changes, the
 *       classes the conversion leaves out in favour of AKS built-ins, and the mapping file's storage classes;</li>
 *   <li>{@code change-image-name}: {@code "<old>,<new>"} substring rows that cannot overlap (see
 *       {@link ImageNameRows});</li>
 *   <li>a resource-modifiers ConfigMap ({@code version: v1}, one rule per object with JSON patches, for
 *       {@code velero restore create --resource-modifier-configmap}) carrying every other applied change.</li>
 * </ul>
 * Velero applies resource modifiers after its restore item actions ({@code pkg/restore/restore.go}), so a
 * modifier has the last word on a field. What Velero does itself on restore (status, server-set metadata,
 * Service cluster IPs and node ports, PVC binding annotations) is left to it: a patch removing a field Velero
 * already removed would fail the object's whole rule.
 *
 * <p>Long because: the three ConfigMaps share one walk over the applied changes; issue 11 splits it into a plan, a
 * renderer and its README writer.
 */
public final class VeleroConfigMaps {

    public static final String NAMESPACE = "velero";
    public static final String STORAGE_CLASS_FILE = "change-storage-class.yaml";
    public static final String IMAGE_NAME_FILE = "change-image-name.yaml";
    public static final String MODIFIERS_FILE = "resource-modifiers.yaml";
    public static final String README = "README.md";
    public static final String STORAGE_CLASS_CONFIGMAP = "eks2aks-change-storage-class";
    public static final String IMAGE_NAME_CONFIGMAP = "eks2aks-change-image-name";
    public static final String MODIFIERS_CONFIGMAP = "eks2aks-resource-modifiers";
    public static final String MODIFIERS_KEY = "resource-modifiers.yaml";

    private static final Pattern STORAGE_CLASS_PATH = Pattern.compile("/spec(?:/volumeClaimTemplates/\\d+/spec)?/storageClassName");
    private static final Set<String> VELERO_RESETS_METADATA = Set.of("generateName", "selfLink", "uid",
            "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
            "ownerReferences");
    private static final Set<String> VELERO_RESETS_ANNOTATIONS = Set.of("pv.kubernetes.io/bind-completed",
            "pv.kubernetes.io/bound-by-controller");
    private static final Set<String> VELERO_RESETS_PVC_ANNOTATIONS = Set.of("volume.kubernetes.io/storage-provisioner",
            "volume.beta.kubernetes.io/storage-provisioner", "volume.kubernetes.io/selected-node");
    private static final String DUPLICATES = "the backup holds each such object once; the modifiers carry a rule for "
            + "each copy, and the second can fail on what the first changed; convert one source (a live export fits a "
            + "backup best)";
    private static final String INTERNAL_LB = "service.beta.kubernetes.io/azure-load-balancer-internal";
    private static final Pattern NODE_PORT = Pattern.compile("/spec/ports/\\d+/nodePort");

    private final Map<String, String> files;
    private final List<String> warnings;
    private final List<String> notes;
    private final int storageClassRows;
    private final int imageRows;
    private final int modifierRules;

    private VeleroConfigMaps(Map<String, String> files, List<String> warnings, List<String> notes,
                             int storageClassRows, int imageRows, int modifierRules) {
        this.files = files;
        this.warnings = warnings;
        this.notes = notes;
        this.storageClassRows = storageClassRows;
        this.imageRows = imageRows;
        this.modifierRules = modifierRules;
    }

    /**
     * The ConfigMaps for {@code result}.
     *
     * @param storageClasses the mapping file's EKS class → AKS class table (defaults included)
     */
    public static VeleroConfigMaps of(ConversionResult result, Map<String, String> storageClasses) {
        return new Builder(result, storageClasses).build();
    }

    /** The files to write under {@code velero/}: file name → content. Only the ConfigMaps with content. */
    public Map<String, String> files() {
        return files;
    }

    /** Applied changes no ConfigMap carries: a restore differs from the converted files there. */
    public List<String> warnings() {
        return warnings;
    }

    /** How the ConfigMaps carry what they carry, where it differs from the obvious. */
    public List<String> notes() {
        return notes;
    }

    public int storageClassRows() {
        return storageClassRows;
    }

    public int imageRows() {
        return imageRows;
    }

    public int modifierRules() {
        return modifierRules;
    }

    /**
     * A JSON patch value as Velero's {@code JSONPatch.Value} (a string): Velero inserts it into the patch
     * as JSON when it looks like a number, boolean, null, map or list, and in quotes (unescaped) otherwise;
     * a value in double quotes is unwrapped and put in quotes. So: JSON for anything but a string, the
     * string itself when Velero cannot misread it, else the string as a JSON literal.
     */
    static String patchValue(JsonNode value) {
        if (!value.isTextual()) {
            return value.toString();
        }
        String s = value.asText();
        String lower = s.toLowerCase(Locale.ROOT);
        boolean plain = !s.isEmpty() && "{[\"+-.0123456789".indexOf(s.charAt(0)) < 0
                && !lower.equals("true") && !lower.equals("false") && !lower.equals("null")
                && !lower.startsWith("inf") && !lower.startsWith("nan")
                && s.chars().noneMatch(ch -> ch == '"' || ch == '\\' || ch < 0x20);
        return plain ? s : YamlText.json(s);
    }

    /** A storageClassName field of a PVC, PV or StatefulSet claim template, and the change to it if any. */
    private record ClassSite(ObjectResult object, String path, String value, Change change) {
    }

    private static final class Builder {

        private final ConversionResult result;
        private final Map<String, String> mapping;
        private final List<ObjectResult> objects;
        /** Changes carried by the first two ConfigMaps, by object (original tree, by identity). */
        private final Map<JsonNode, Set<Change>> carried = new IdentityHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> leftToVelero = new ArrayList<>();
        private final List<String> notCarried = new ArrayList<>();
        private final List<String> duplicates = new ArrayList<>();
        private int internalLoadBalancers;

        Builder(ConversionResult result, Map<String, String> mapping) {
            this.result = result;
            this.mapping = mapping;
            this.objects = ObjectResults.of(result);
        }

        VeleroConfigMaps build() {
            Map<String, String> files = new LinkedHashMap<>();
            Map<String, String[]> classRows = storageClassRows();
            if (!classRows.isEmpty()) {
                files.put(STORAGE_CLASS_FILE, storageClassConfigMap(classRows));
            }
            List<ImageNameRows.Row> imageRows = imageNameRows();
            if (!imageRows.isEmpty()) {
                files.put(IMAGE_NAME_FILE, imageNameConfigMap(imageRows));
            }
            duplicates.addAll(ObjectResults.duplicates(objects));
            List<ObjectNode> rules = modifierRules();
            if (!rules.isEmpty()) {
                files.put(MODIFIERS_FILE, modifiersConfigMap(rules));
            }
            files.put(README, readme(files, classRows.size(), imageRows.size(), rules.size()));
            List<String> warnings = new ArrayList<>(notCarried);
            if (!duplicates.isEmpty()) {
                warnings.add(ObjectResults.duplicatesSummary(duplicates, DUPLICATES));
            }
            return new VeleroConfigMaps(Collections.unmodifiableMap(files), List.copyOf(warnings), List.copyOf(notes),
                    classRows.size(), imageRows.size(), rules.size());
        }

        // ---- change-storage-class

        /** old → {new, comment}; a class gets a row only when every field holding it moves to the same class. */
        private Map<String, String[]> storageClassRows() {
            List<ClassSite> sites = new ArrayList<>();
            for (ObjectResult object : objects) {
                if (object.excluded() || !List.of("PersistentVolumeClaim", "PersistentVolume", "StatefulSet")
                        .contains(object.ref().kind())) {
                    continue;
                }
                Map<String, Change> changes = new HashMap<>();
                for (Change c : object.applied()) {
                    if (STORAGE_CLASS_PATH.matcher(c.path()).matches()) {
                        changes.put(c.path(), c);
                    }
                }
                List<String> paths = new ArrayList<>();
                if (object.ref().kind().equals("StatefulSet")) {
                    JsonNode templates = object.original().at("/spec/volumeClaimTemplates");
                    for (int i = 0; i < templates.size(); i++) {
                        paths.add("/spec/volumeClaimTemplates/" + i + "/spec/storageClassName");
                    }
                } else {
                    paths.add("/spec/storageClassName");
                }
                for (String path : paths) {
                    JsonNode value = object.original().at(path);
                    if (value.isTextual() && !value.asText().isEmpty()) {
                        sites.add(new ClassSite(object, path, value.asText(), changes.get(path)));
                    }
                }
            }
            Map<String, Set<String>> targets = new TreeMap<>();
            Map<String, Set<String>> users = new TreeMap<>();
            for (ClassSite s : sites) {
                Change c = s.change();
                String target = c != null && "replace".equals(c.op()) && c.after() != null && c.after().isTextual()
                        ? c.after().asText() : s.value();
                targets.computeIfAbsent(s.value(), k -> new TreeSet<>()).add(target);
                users.computeIfAbsent(s.value(), k -> new LinkedHashSet<>()).add(shortRef(s.object().ref()));
            }
            Map<String, String[]> rows = new TreeMap<>();
            for (Map.Entry<String, Set<String>> e : targets.entrySet()) {
                String old = e.getKey();
                Set<String> to = e.getValue();
                if (to.size() == 1 && !to.contains(old)) {
                    rows.put(old, new String[] {to.iterator().next(), "used by " + summary(users.get(old))});
                } else if (to.size() > 1) {
                    notes.add("Storage class " + old + " is not mapped by change-storage-class: the conversion gives its "
                            + "users different classes (" + String.join(", ", to) + "); resource modifiers carry each change");
                }
            }
            for (ClassSite s : sites) {
                String[] row = rows.get(s.value());
                if (s.change() != null && row != null && s.change().after().asText().equals(row[0])) {
                    carried.computeIfAbsent(s.object().original(), k -> new HashSet<>()).add(s.change());
                }
            }
            // Classes the conversion leaves out for an AKS built-in, and the mapping file's table: a backup of the
            // live cluster holds claims the input may not (EKS sets the default class on claims that name none).
            for (ObjectResult object : objects) {
                if (object.excluded() && object.ref().kind().equals("StorageClass") && object.ref().name() != null) {
                    String name = object.ref().name();
                    String to = mapping.get(name);
                    if (to != null && !to.equals(name) && !targets.containsKey(name)) {
                        rows.put(name, new String[] {to, "StorageClass " + name + " is left out for the AKS class "
                                + to + " (" + object.exclusion().ruleId() + ")"});
                    }
                }
            }
            for (Map.Entry<String, String> e : new TreeMap<>(mapping).entrySet()) {
                if (!rows.containsKey(e.getKey()) && !targets.containsKey(e.getKey()) && !e.getKey().equals(e.getValue())) {
                    rows.put(e.getKey(), new String[] {e.getValue(), "from the mapping file; no object of the input uses it"});
                }
            }
            return rows;
        }

        private String storageClassConfigMap(Map<String, String[]> rows) {
            StringBuilder y = header("Velero ChangeStorageClassAction: <old class>: <new class> for PVCs, PVs and StatefulSet "
                    + "volumeClaimTemplates. Velero fails an item whose new class does not exist on AKS.",
                    STORAGE_CLASS_CONFIGMAP, "velero.io/change-storage-class");
            y.append("data:\n");
            rows.forEach((old, to) -> {
                y.append(YamlText.comment("  ", to[1]));
                y.append("  ").append(YamlText.scalar(old)).append(": ").append(YamlText.scalar(to[0])).append('\n');
            });
            return y.toString();
        }

        // ---- change-image-name

        private List<ImageNameRows.Row> imageNameRows() {
            List<String[]> moves = new ArrayList<>();
            List<Change> moveChanges = new ArrayList<>();
            List<ObjectResult> moveObjects = new ArrayList<>();
            List<ImageNameRows.Site> sites = new ArrayList<>();
            for (ObjectResult object : objects) {
                if (object.excluded()) {
                    continue;
                }
                Map<String, Change> changes = new HashMap<>();
                for (Change c : object.applied()) {
                    if (ImageNames.isImageChange(c)) {
                        changes.put(c.path(), c);
                    }
                }
                for (ImageNames.Occurrence o : ImageNames.veleroImages(object.ref().kind(), object.original())) {
                    Change c = changes.get(o.path());
                    int move = -1;
                    if (c != null) {
                        move = moves.size();
                        moves.add(new String[] {o.image(), c.after().asText()});
                        moveChanges.add(c);
                        moveObjects.add(object);
                    }
                    sites.add(new ImageNameRows.Site(o.image(), c == null ? o.image() : c.after().asText(), move));
                }
            }
            ImageNameRows solved = ImageNameRows.solve(moves, sites);
            Set<String> leftOut = new TreeSet<>();
            for (int m = 0; m < moves.size(); m++) {
                if (solved.covers(m)) {
                    carried.computeIfAbsent(moveObjects.get(m).original(), k -> new HashSet<>()).add(moveChanges.get(m));
                } else {
                    leftOut.add(moves.get(m)[0]);
                }
            }
            if (!leftOut.isEmpty()) {
                notes.add("change-image-name cannot rewrite " + leftOut.size() + " image reference"
                        + (leftOut.size() == 1 ? "" : "s") + " without touching another image ("
                        + String.join(", ", leftOut) + "); resource modifiers set them");
            }
            return solved.rows();
        }

        private String imageNameConfigMap(List<ImageNameRows.Row> rows) {
            StringBuilder y = header("Velero ChangeImageNameAction: \"<old substring>,<new substring>\" for the containers and "
                    + "init containers of pods, workloads and cronjobs. No image matches two rows that rewrite it "
                    + "differently, so the order Velero reads them in does not matter.",
                    IMAGE_NAME_CONFIGMAP, "velero.io/change-image-name");
            y.append("data:\n");
            int n = 1;
            for (ImageNameRows.Row row : rows) {
                y.append("  case").append(n++).append(": ").append(YamlText.json(row.old() + "," + row.replacement())).append('\n');
            }
            return y.toString();
        }

        // ---- resource modifiers

        private List<ObjectNode> modifierRules() {
            List<ObjectNode> rules = new ArrayList<>();
            for (ObjectResult object : objects) {
                if (object.excluded() || object.applied().isEmpty()) {
                    continue;
                }
                ObjectRef ref = object.ref();
                Set<Change> byOthers = carried.getOrDefault(object.original(), Set.of());
                Set<String> apiRules = new TreeSet<>();
                for (Change c : object.applied()) {
                    if (c.path().equals("/apiVersion") || c.path().equals("/kind")) {
                        apiRules.add(c.ruleId());
                    }
                }
                List<Change> remaining = new ArrayList<>();
                int velero = 0;
                int api = 0;
                for (Change c : object.applied()) {
                    if (byOthers.contains(c)) {
                        continue;
                    }
                    if (apiRules.contains(c.ruleId())) {
                        api++;
                    } else if (veleroDoesItself(ref.kind(), c)) {
                        velero++;
                    } else {
                        remaining.add(c);
                    }
                }
                if (velero > 0) {
                    leftToVelero.add(ref + ": " + velero + " removal" + (velero == 1 ? "" : "s"));
                }
                if (api > 0) {
                    notCarried.add(ref + " (" + object.location() + "): the " + api + " change" + (api == 1 ? "" : "s")
                            + " of rule" + (apiRules.size() == 1 ? " " : "s ") + String.join(", ", apiRules)
                            + " convert it to " + object.convertedApiVersion() + " and are not restore-time patches: a backup "
                            + "holds the object at the version the EKS API server served; check it after the restore");
                }
                if (remaining.isEmpty()) {
                    continue;
                }
                if (ref.name() == null) {
                    notCarried.add(ref + " (" + object.location() + ") has no name, so no modifier can select it: "
                            + remaining.size() + " change" + (remaining.size() == 1 ? "" : "s") + " not carried");
                    continue;
                }
                List<PatchOps.Op> ops = PatchOps.of(remaining);
                ArrayNode patches = JsonNodeFactory.instance.arrayNode();
                for (PatchOps.Op op : ops) {
                    if (op.path().contains("\"") || op.path().contains("\\")) {
                        notCarried.add(ref + ": " + op.path() + " cannot be written in a Velero JSON patch (quote or backslash)");
                        continue;
                    }
                    ObjectNode p = patches.addObject();
                    p.put("operation", op.operation());
                    p.put("path", op.path());
                    if (op.path().endsWith("/" + Pointers.escape(INTERNAL_LB)) && op.value() != null) {
                        internalLoadBalancers++;
                    }
                    if (op.value() != null) {
                        p.put("value", patchValue(op.value()));
                    }
                }
                if (patches.isEmpty()) {
                    continue;
                }
                ObjectNode rule = JsonNodeFactory.instance.objectNode();
                ObjectNode conditions = rule.putObject("conditions");
                conditions.put("groupResource", KindResources.groupResource(object.convertedApiVersion(), object.convertedKind()));
                conditions.put("resourceNameRegex", "^" + regexLiteral(ref.name()) + "$");
                if (ref.namespace() != null) {
                    conditions.putArray("namespaces").add(ref.namespace());
                }
                rule.set("patches", patches);
                rules.add(rule);
            }
            return rules;
        }

        private String modifiersConfigMap(List<ObjectNode> rules) {
            // Laid out by hand: thousands of rules, all strings, in a fixed shape.
            StringBuilder body = new StringBuilder(rules.size() * 256);
            body.append("version: v1\nresourceModifierRules:\n");
            for (ObjectNode rule : rules) {
                JsonNode c = rule.path("conditions");
                body.append("- conditions:\n");
                body.append("    groupResource: ").append(YamlText.scalar(c.path("groupResource").asText())).append('\n');
                body.append("    resourceNameRegex: ").append(YamlText.scalar(c.path("resourceNameRegex").asText())).append('\n');
                if (c.has("namespaces")) {
                    body.append("    namespaces:\n");
                    c.path("namespaces").forEach(ns -> body.append("    - ").append(YamlText.scalar(ns.asText())).append('\n'));
                }
                body.append("  patches:\n");
                for (JsonNode p : rule.path("patches")) {
                    body.append("  - operation: ").append(p.path("operation").asText()).append('\n');
                    body.append("    path: ").append(YamlText.scalar(p.path("path").asText())).append('\n');
                    if (p.has("value")) {
                        body.append("    value: ").append(YamlText.scalar(p.path("value").asText())).append('\n');
                    }
                }
            }
            StringBuilder y = new StringBuilder();
            y.append(YamlText.comment("", "Velero restore resource modifiers (JSON patches, Velero 1.12 or later), one rule per object."));
            y.append(YamlText.comment("", "Use: velero restore create --from-backup <backup> --resource-modifier-configmap " + MODIFIERS_CONFIGMAP));
            y.append(YamlText.comment("", "A value is a string, as Velero reads it: JSON for maps, lists, numbers and booleans; a string that"));
            y.append(YamlText.comment("", "could read as one of those is in double quotes (\"\\\"true\\\"\" is the string true)."));
            y.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n");
            y.append("  name: ").append(MODIFIERS_CONFIGMAP).append('\n');
            y.append("  namespace: ").append(NAMESPACE).append('\n');
            y.append("data:\n");
            y.append("  ").append(MODIFIERS_KEY).append(": |\n");
            String[] lines = body.toString().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    y.append("    ").append(lines[i]).append('\n');
                } else if (i < lines.length - 1) {
                    y.append('\n'); // an empty line inside a multi-line value
                }
            }
            return y.toString();
        }

        /** Whether Velero removes this field itself on restore, before the modifiers run. */
        private static boolean veleroDoesItself(String kind, Change c) {
            if (!"remove".equals(c.op())) {
                return false;
            }
            String path = c.path();
            if (path.equals("/status")) {
                return true;
            }
            if (path.startsWith("/metadata/") && VELERO_RESETS_METADATA.contains(path.substring("/metadata/".length()))) {
                return true;
            }
            String annotation = path.startsWith("/metadata/annotations/")
                    ? path.substring("/metadata/annotations/".length()).replace("~1", "/").replace("~0", "~") : null;
            if (annotation != null && VELERO_RESETS_ANNOTATIONS.contains(annotation)) {
                return true;
            }
            switch (kind) {
                case "Service":
                    // Velero keeps the cluster IP of a headless Service ("None") and resets any other.
                    boolean headless = c.before() != null && (c.before().asText().equals("None")
                            || c.before().isArray() && c.before().toString().contains("\"None\""));
                    return (path.equals("/spec/clusterIP") || path.equals("/spec/clusterIPs")) && !headless
                            || path.equals("/spec/healthCheckNodePort") || NODE_PORT.matcher(path).matches();
                case "PersistentVolumeClaim":
                    // Velero drops volumeName when it provisions the volume anew and keeps it when it restores the PV.
                    return path.equals("/spec/volumeName")
                            || annotation != null && VELERO_RESETS_PVC_ANNOTATIONS.contains(annotation);
                case "PersistentVolume":
                    return path.equals("/spec/claimRef/uid") || path.equals("/spec/claimRef/resourceVersion");
                default:
                    return false;
            }
        }

        /** {@code name} as a Go regular expression matching exactly it. */
        private static String regexLiteral(String name) {
            StringBuilder out = new StringBuilder();
            for (char ch : name.toCharArray()) {
                if ("\\.+*?()|[]{}^$".indexOf(ch) >= 0) {
                    out.append('\\');
                }
                out.append(ch);
            }
            return out.toString();
        }

        // ---- shared

        private static StringBuilder header(String comment, String name, String actionLabel) {
            StringBuilder y = new StringBuilder();
            y.append(YamlText.comment("", comment));
            y.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n");
            y.append("  name: ").append(name).append('\n');
            y.append("  namespace: ").append(NAMESPACE).append('\n');
            y.append("  labels:\n");
            y.append("    velero.io/plugin-config: \"\"\n");
            y.append("    ").append(actionLabel).append(": RestoreItemAction\n");
            return y;
        }

        private static String shortRef(ObjectRef ref) {
            return ref.toString();
        }

        private static String summary(Set<String> users) {
            List<String> list = new ArrayList<>(users);
            if (list.size() <= 3) {
                return String.join(", ", list);
            }
            return String.join(", ", list.subList(0, 3)) + " and " + (list.size() - 3) + " more";
        }

        private String readme(Map<String, String> files, int classRows, int imageRows, int rules) {
            StringBuilder md = new StringBuilder();
            md.append("# Velero restore ConfigMaps\n\n");
            md.append("Written by eks2aks from the same change list as the converted manifests, so that restoring the EKS ")
                    .append("backup on AKS gives the converted objects. Apply them in the Velero namespace of the AKS cluster ")
                    .append("before the restore:\n\n```sh\n");
            StringBuilder apply = new StringBuilder("kubectl apply");
            files.keySet().stream().filter(f -> f.endsWith(".yaml")).forEach(f -> apply.append(" -f ").append(f));
            if (files.keySet().stream().anyMatch(f -> f.endsWith(".yaml"))) {
                md.append(apply).append('\n');
            }
            StringBuilder restore = new StringBuilder("velero restore create --from-backup <backup>");
            Set<String> excludedNamespaces = excludedNamespaces();
            if (rules > 0) {
                restore.append(" --resource-modifier-configmap ").append(MODIFIERS_CONFIGMAP);
            }
            md.append(restore).append("\n```\n\n");
            if (internalLoadBalancers > 0) {
                md.append("**Restore with the resource modifiers.** They keep ").append(internalLoadBalancers)
                        .append(" internal load balancer").append(internalLoadBalancers == 1 ? "" : "s")
                        .append(" internal (`").append(INTERNAL_LB).append("`); restored without them, an AKS load ")
                        .append("balancer is public.\n\n");
            }
            md.append("| File | ConfigMap | Rows |\n|---|---|---:|\n");
            md.append("| `").append(STORAGE_CLASS_FILE).append("` | ").append(classRows > 0 ? "`" + STORAGE_CLASS_CONFIGMAP + "`" : "not written: no class changes")
                    .append(" | ").append(classRows).append(" |\n");
            md.append("| `").append(IMAGE_NAME_FILE).append("` | ").append(imageRows > 0 ? "`" + IMAGE_NAME_CONFIGMAP + "`" : "not written: no image moves")
                    .append(" | ").append(imageRows).append(" |\n");
            md.append("| `").append(MODIFIERS_FILE).append("` | ").append(rules > 0 ? "`" + MODIFIERS_CONFIGMAP + "`" : "not written: nothing else to change")
                    .append(" | ").append(rules).append(" rule").append(rules == 1 ? "" : "s").append(" |\n\n");
            md.append("- Velero reads change-storage-class and change-image-name by their labels and fails when two ConfigMaps ")
                    .append("have the same label: remove older ones first. change-storage-class fails an item whose new class ")
                    .append("does not exist on AKS.\n");
            md.append("- change-image-name rewrites substrings, in no fixed order: no image matches two rows that rewrite it ")
                    .append("differently, and no image the conversion keeps matches a row.\n");
            md.append("- The resource modifiers run after Velero's own restore actions and replay the conversion's JSON ")
                    .append("patches on each object. They were computed from the input manifests: a backup object that differs ")
                    .append("(a live export has more annotations, defaulted fields) can make a patch fail, and Velero then ")
                    .append("reports an error for that object and restores it without the rule's changes. Converting a live ")
                    .append("export (`kubectl get -o yaml`) of the same cluster gives patches that fit the backup best.\n\n");
            List<ObjectResult> excluded = objects.stream().filter(ObjectResult::excluded).toList();
            if (!excluded.isEmpty()) {
                md.append("## Objects the conversion leaves out\n\n")
                        .append("Velero restores whatever the backup holds and has no per-object exclusion. Delete these ")
                        .append("objects after the restore, label them `velero.io/exclude-from-backup=true` before the backup, ")
                        .append("or add `--exclude-resources` for a resource the backup holds nothing else of you need.");
                if (!excludedNamespaces.isEmpty()) {
                    md.append(" Every object of the input in ").append(String.join(", ", excludedNamespaces))
                            .append(" is left out: if the backup holds nothing else you need there, add `--exclude-namespaces ")
                            .append(String.join(",", excludedNamespaces)).append("` to the restore.");
                }
                md.append("\n\n");
                for (ObjectResult o : excluded) {
                    md.append("- ").append(o.ref()).append(" (`")
                            .append(KindResources.groupResource(o.ref().apiVersion(), o.ref().kind())).append("`): ")
                            .append(o.exclusion().reason()).append('\n');
                }
                md.append('\n');
            }
            if (!leftToVelero.isEmpty()) {
                md.append("## Left to Velero\n\nVelero resets these itself on restore (status, server-set metadata, Service ")
                        .append("cluster IPs and node ports, PVC binding annotations), so the modifiers do not repeat them:\n\n");
                leftToVelero.forEach(l -> md.append("- ").append(l).append('\n'));
                md.append('\n');
            }
            if (!notes.isEmpty() || !notCarried.isEmpty()) {
                md.append("## Notes\n\n");
                notes.forEach(n -> md.append("- ").append(n).append('\n'));
                notCarried.forEach(n -> md.append("- ").append(n).append('\n'));
                md.append('\n');
            }
            if (!duplicates.isEmpty()) {
                md.append("## Objects in the input more than once\n\n").append(Character.toUpperCase(DUPLICATES.charAt(0)))
                        .append(DUPLICATES.substring(1)).append(".\n\n");
                duplicates.forEach(n -> md.append("- ").append(n).append('\n'));
                md.append('\n');
            }
            int pending = result.pendingDecisions();
            if (pending > 0) {
                md.append(pending).append(pending == 1 ? " change still needs" : " changes still need")
                        .append(" a decision (see the report); they are in none of these ConfigMaps.\n");
            }
            return md.toString();
        }

        /** Namespaces all of whose objects in the input are excluded. */
        private Set<String> excludedNamespaces() {
            Map<String, Boolean> allExcluded = new TreeMap<>();
            for (ObjectResult o : objects) {
                if (o.ref().namespace() != null) {
                    allExcluded.merge(o.ref().namespace(), o.excluded(), Boolean::logicalAnd);
                }
            }
            Set<String> out = new TreeSet<>();
            allExcluded.forEach((ns, all) -> {
                if (all) {
                    out.add(ns);
                }
            });
            return out;
        }
    }
}
