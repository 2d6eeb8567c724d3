package io.jenkins.plugins.eks2aks.manifests.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.IMAGE_NAME_CONFIGMAP;
import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.MODIFIERS_CONFIGMAP;
import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.MODIFIERS_KEY;
import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.NAMESPACE;
import static io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps.STORAGE_CLASS_CONFIGMAP;

/** The Velero ConfigMaps, rendered from a {@link VeleroPlan}, each with the comments that say how to use it. */
final class VeleroYaml {

    private VeleroYaml() {
    }

    static String storageClasses(List<VeleroStorageClasses.Row> rows) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<List<String>> comments = new ArrayList<>();
        for (VeleroStorageClasses.Row row : rows) {
            data.put(row.from(), row.to());
            comments.add(List.of(row.comment()));
        }
        String yaml = pluginConfigMap(STORAGE_CLASS_CONFIGMAP, "velero.io/change-storage-class", data);
        return YamlText.comment("", "Velero ChangeStorageClassAction: <old class>: <new class> for PVCs, PVs and StatefulSet "
                + "volumeClaimTemplates. Velero fails an item whose new class does not exist on AKS.")
                + OutputYaml.commented(yaml, "data", comments);
    }

    static String imageNames(List<ImageNameRows.Row> rows) {
        Map<String, Object> data = new LinkedHashMap<>();
        int n = 1;
        for (ImageNameRows.Row row : rows) {
            data.put("case" + n++, row.old() + "," + row.replacement());
        }
        return YamlText.comment("", "Velero ChangeImageNameAction: \"<old substring>,<new substring>\" for the containers and "
                + "init containers of pods, workloads and cronjobs. No image matches two rows that rewrite it "
                + "differently, so the order Velero reads them in does not matter.")
                + pluginConfigMap(IMAGE_NAME_CONFIGMAP, "velero.io/change-image-name", data);
    }

    static String modifiers(List<VeleroModifierRules.Rule> rules) {
        List<Object> list = new ArrayList<>(rules.size());
        for (VeleroModifierRules.Rule rule : rules) {
            Map<String, Object> conditions = new LinkedHashMap<>();
            conditions.put("groupResource", rule.groupResource());
            conditions.put("resourceNameRegex", rule.nameRegex());
            if (rule.namespace() != null) {
                conditions.put("namespaces", List.of(rule.namespace()));
            }
            List<Object> patches = new ArrayList<>();
            for (VeleroModifierRules.Patch p : rule.patches()) {
                Map<String, Object> patch = new LinkedHashMap<>();
                patch.put("operation", p.operation());
                patch.put("path", p.path());
                if (p.value() != null) {
                    patch.put("value", p.value());
                }
                patches.add(patch);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("conditions", conditions);
            item.put("patches", patches);
            list.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "v1");
        body.put("resourceModifierRules", list);
        Map<String, Object> configMap = configMap(MODIFIERS_CONFIGMAP);
        configMap.put("data", Map.of(MODIFIERS_KEY, new OutputYaml.Literal(OutputYaml.write(body))));
        return YamlText.comment("", "Velero restore resource modifiers (JSON patches, Velero 1.12 or later), one rule per object.")
                + YamlText.comment("", "Use: velero restore create --from-backup <backup> --resource-modifier-configmap " + MODIFIERS_CONFIGMAP)
                + YamlText.comment("", "A value is a string, as Velero reads it: JSON for maps, lists, numbers and booleans; a string that")
                + YamlText.comment("", "could read as one of those is in double quotes (\"\\\"true\\\"\" is the string true).")
                + OutputYaml.write(configMap);
    }

    /** A ConfigMap Velero finds by its plugin-config label and the action's label. */
    private static String pluginConfigMap(String name, String actionLabel, Map<String, Object> data) {
        Map<String, Object> configMap = configMap(name);
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("velero.io/plugin-config", "");
        labels.put(actionLabel, "RestoreItemAction");
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) configMap.get("metadata");
        metadata.put("labels", labels);
        configMap.put("data", data);
        return OutputYaml.write(configMap);
    }

    private static Map<String, Object> configMap(String name) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", NAMESPACE);
        Map<String, Object> configMap = new LinkedHashMap<>();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.put("metadata", metadata);
        return configMap;
    }
}
