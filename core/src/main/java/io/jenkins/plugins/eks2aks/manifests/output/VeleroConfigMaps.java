package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * already removed would fail the object's whole rule ({@link VeleroResets}).
 * {@link VeleroPlan} decides all of this from the conversion result; {@link VeleroYaml} and {@link VeleroReadme}
 * only render it.
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
        VeleroPlan plan = VeleroPlan.of(result, storageClasses);
        Map<String, String> files = new LinkedHashMap<>();
        if (!plan.storageClasses().rows().isEmpty()) {
            files.put(STORAGE_CLASS_FILE, VeleroYaml.storageClasses(plan.storageClasses().rows()));
        }
        if (!plan.imageNames().rows().isEmpty()) {
            files.put(IMAGE_NAME_FILE, VeleroYaml.imageNames(plan.imageNames().rows()));
        }
        if (!plan.modifiers().rules().isEmpty()) {
            files.put(MODIFIERS_FILE, VeleroYaml.modifiers(plan.modifiers().rules()));
        }
        files.put(README, VeleroReadme.of(plan, files));
        List<String> warnings = new ArrayList<>(plan.modifiers().notCarried());
        if (!plan.duplicates().isEmpty()) {
            warnings.add(ObjectResults.duplicatesSummary(plan.duplicates(), VeleroReadme.DUPLICATES));
        }
        return new VeleroConfigMaps(Collections.unmodifiableMap(files), List.copyOf(warnings), plan.notes(),
                plan.storageClasses().rows().size(), plan.imageNames().rows().size(), plan.modifiers().rules().size());
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
}
