package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConfigMapGenerators;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.HelmValuesFrom;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.ManifestConverter;
import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;
import io.jenkins.plugins.eks2aks.manifests.ManifestFile;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CR1 for the values file a kustomize {@code configMapGenerator} turns into the ConfigMap a HelmRelease takes values
 * from (Flux's usual layout): the file is read as that ConfigMap's key and scanned as {@link HelmValuesFromRule} scans
 * a ConfigMap of the input; the rewritten text replaces the file, which is otherwise copied as it is. Its changes are
 * reported under a {@code ConfigMapGenerator} pseudo-object whose document is the values file.
 */
public final class GeneratedHelmValues {

    private GeneratedHelmValues() {
    }

    /** {@code result} with the changes of the generated values files of its input added. */
    public static ConversionResult addTo(ConversionResult result, RuleContext context) {
        List<ObjectChange> generated = of(result.input(), context);
        if (generated.isEmpty()) {
            return result;
        }
        List<ObjectChange> changes = new ArrayList<>(result.changes());
        changes.addAll(generated);
        return new ConversionResult(result.input(), result.documents(), changes, result.conflicts(), result.objects(),
                result.inputDecisions(), result.patchRewrites());
    }

    /** The changes of each values file a generator makes a HelmRelease's ConfigMap from (each file and targetPath once). */
    public static List<ObjectChange> of(ManifestSet input, RuleContext context) {
        List<ObjectChange> out = new ArrayList<>();
        Set<String> disabled = context.mapping().disabledRules();
        if (!input.directory() || disabled.contains(CustomResourceScanRule.ID)) {
            return out;
        }
        InputIndex index = context.index();
        CustomResourceScanRule scan = new CustomResourceScanRule(context);
        Set<String> done = new HashSet<>();
        for (ManifestFile file : input.files()) {
            for (ManifestDocument document : file.documents()) {
                for (KubeObject object : ManifestConverter.objectsOf(document)) {
                    if (!HelmValuesFrom.isHelmRelease(object) || index.isPatch(object)) {
                        continue;
                    }
                    for (String namespace : index.namespacesOf(object)) {
                        for (HelmValuesFrom.Reference ref : HelmValuesFrom.of(object, namespace)) {
                            if (!ref.kind().equals("ConfigMap") || index.hasConfigMap(namespace, ref.name())) {
                                continue;
                            }
                            Optional<ConfigMapGenerators.Match> match = index.generatedValues(object, ref);
                            if (match.isPresent() && match.get().file() != null
                                    && done.add(match.get().file() + "\n" + ref.valuesKey() + "\n" + ref.targetPath())) {
                                out.addAll(scan(input, scan, disabled, match.get(), ref, namespace));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<ObjectChange> scan(ManifestSet input, CustomResourceScanRule scan, Set<String> disabled,
                                           ConfigMapGenerators.Match match, HelmValuesFrom.Reference ref, String namespace) {
        String text = read(input, match.file());
        ObjectNode configMap = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", ref.name()).put("namespace", namespace);
        configMap.putObject("data").put(ref.valuesKey(), text);
        ManifestDocument document = new ManifestDocument(match.file(), 0, 1, 0, text.length(), configMap);
        KubeObject object = new KubeObject(document, "", new ObjectRef("v1", "ConfigMap", namespace, ref.name()), configMap);
        String where = "values file " + match.file() + " (key " + ref.valuesKey() + " of " + match.describe() + ")";
        ObjectRef pseudo = new ObjectRef(ConfigMapGenerators.API_VERSION, ConfigMapGenerators.KIND, namespace, ref.name());
        List<ObjectChange> out = new ArrayList<>();
        for (Change c : HelmValuesFromRule.values(scan, disabled, object, List.of(ref), where)) {
            out.add(new ObjectChange(document, pseudo, c, c.mode().applies()));
        }
        return out;
    }

    private static String read(ManifestSet input, String file) {
        try {
            return Files.readString(input.root().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read '" + file + "': " + e.getMessage(), e);
        }
    }
}
