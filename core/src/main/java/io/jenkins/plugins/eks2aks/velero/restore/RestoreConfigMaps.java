package io.jenkins.plugins.eks2aks.velero.restore;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import io.jenkins.plugins.eks2aks.manifests.output.VeleroConfigMaps;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import io.jenkins.plugins.eks2aks.velero.VeleroNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Velero ConfigMaps a restore applies: read from the folder {@code convert --velero-configmaps} wrote, or built
 * from the mapping file's storage-class table and registry map with the same generator convert uses
 * ({@link VeleroConfigMaps}). They go into Velero's namespace, labelled as eks2aks's.
 */
public final class RestoreConfigMaps {

    private static final List<String> FILES = List.of(VeleroConfigMaps.STORAGE_CLASS_FILE, VeleroConfigMaps.IMAGE_NAME_FILE,
            VeleroConfigMaps.MODIFIERS_FILE);

    private RestoreConfigMaps() {
    }

    /** The ConfigMaps of a {@code convert --velero-configmaps} folder; {@code names} word the messages. */
    public static List<ConfigMap> fromFolder(Path folder, RestoreOptions.Names names, String namespace) {
        String option = names.veleroConfigMaps();
        if (!Files.isDirectory(folder)) {
            throw new MigrationException(option + " '" + folder + "' is not a folder: give the velero/ folder "
                    + names.configMapsWriter() + " wrote");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : FILES) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    texts.put(file.toString(), Files.readString(file));
                } catch (IOException e) {
                    throw new MigrationException("Cannot read '" + file + "': " + e.getMessage(), e);
                }
            }
        }
        if (texts.isEmpty()) {
            throw new MigrationException(option + " '" + folder + "' holds no Velero ConfigMap (" + String.join(", ", FILES)
                    + "): give the velero/ folder " + names.configMapsWriter() + " wrote");
        }
        return parse(texts, namespace);
    }

    /** The ConfigMaps for a mapping file's storage classes and registries, without converted manifests. */
    public static List<ConfigMap> fromMapping(Path mappingFile, String namespace) {
        MigrationMapping mapping = MappingFile.load(mappingFile);
        ConversionResult nothing = new ConversionResult(new ManifestSet(mappingFile, false, List.of(), List.of()), List.of(), List.of(), List.of(), 0);
        Map<String, String> texts = new LinkedHashMap<>();
        VeleroConfigMaps.of(nothing, mapping.storageClasses()).files().forEach((name, text) -> {
            if (!name.equals(VeleroConfigMaps.README)) {
                texts.put(mappingFile + " (" + name + ")", text);
            }
        });
        List<ConfigMap> maps = new ArrayList<>(parse(texts, namespace));
        if (!mapping.registries().isEmpty()) {
            ConfigMap images = new ConfigMap();
            images.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(VeleroConfigMaps.IMAGE_NAME_CONFIGMAP)
                    .withNamespace(namespace).withLabels(labels("velero.io/change-image-name")).build());
            Map<String, String> data = new LinkedHashMap<>();
            int n = 1;
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(mapping.registries()).entrySet()) {
                data.put("case" + n++, e.getKey() + "," + e.getValue());
            }
            images.setData(data);
            maps.add(images);
        }
        return maps;
    }

    private static List<ConfigMap> parse(Map<String, String> texts, String namespace) {
        List<ConfigMap> maps = new ArrayList<>();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            HasMetadata parsed;
            try {
                parsed = Serialization.unmarshal(t.getValue());
            } catch (RuntimeException e) {
                throw new MigrationException("'" + t.getKey() + "' is not a ConfigMap: " + e.getMessage(), e);
            }
            if (!(parsed instanceof ConfigMap map) || map.getMetadata() == null || !(pluginConfig(map) || modifiers(List.of(map)) != null)) {
                throw new MigrationException("'" + t.getKey() + "' is not a Velero plugin ConfigMap (kind ConfigMap, label velero.io/plugin-config)"
                        + " nor a resource-modifiers ConfigMap (data key " + VeleroConfigMaps.MODIFIERS_KEY + ")");
            }
            // The resource modifiers are named by the Restore (spec.resourceModifier), not found by a label: convert writes none.
            if (map.getMetadata().getLabels() == null) {
                map.getMetadata().setLabels(new LinkedHashMap<>());
            }
            map.getMetadata().setNamespace(namespace);
            map.getMetadata().getLabels().put(VeleroNames.MANAGED_BY, VeleroNames.EKS2AKS);
            maps.add(map);
        }
        return maps;
    }

    private static boolean pluginConfig(ConfigMap map) {
        return map.getMetadata().getLabels() != null && map.getMetadata().getLabels().containsKey("velero.io/plugin-config");
    }

    private static Map<String, String> labels(String action) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("velero.io/plugin-config", "");
        labels.put(action, "RestoreItemAction");
        labels.put(VeleroNames.MANAGED_BY, VeleroNames.EKS2AKS);
        return labels;
    }

    /** The AKS storage classes the change-storage-class ConfigMap maps to. */
    public static TreeSet<String> targetStorageClasses(List<ConfigMap> maps) {
        TreeSet<String> classes = new TreeSet<>();
        for (ConfigMap m : maps) {
            if (m.getMetadata().getLabels().containsKey("velero.io/change-storage-class") && m.getData() != null) {
                classes.addAll(m.getData().values());
            }
        }
        return classes;
    }

    /** The resource-modifiers ConfigMap, or null. */
    public static ConfigMap modifiers(List<ConfigMap> maps) {
        return maps.stream().filter(m -> m.getData() != null && m.getData().containsKey(VeleroConfigMaps.MODIFIERS_KEY)).findFirst().orElse(null);
    }
}
