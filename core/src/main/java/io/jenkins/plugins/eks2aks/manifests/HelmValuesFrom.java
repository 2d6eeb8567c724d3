package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code spec.valuesFrom} references of a Flux {@code HelmRelease}: ConfigMaps and Secrets whose data holds chart
 * values the helm-controller merges with {@code spec.values}. The deep scan reads {@code spec.values} in the
 * HelmRelease itself; these references say where the rest of its values are.
 */
public final class HelmValuesFrom {

    /** Flux's default data key when a reference names none. */
    public static final String DEFAULT_KEY = "values.yaml";

    /**
     * One reference.
     *
     * @param helmRelease the HelmRelease as {@code namespace/name}
     * @param kind        {@code ConfigMap} or {@code Secret} (anything else as written)
     * @param name        the ConfigMap's or Secret's name, in the HelmRelease's namespace
     * @param valuesKey   the data key holding the values ({@code values.yaml} when not given)
     * @param targetPath  the dotted path the (single, flat) value is merged at; null when the text is merged at the root
     * @param index       the reference's position in {@code spec.valuesFrom}
     */
    public record Reference(String helmRelease, String kind, String name, String valuesKey, String targetPath, int index) {

        /** How a person finds it: {@code ConfigMap podinfo-values (key values.yaml, targetPath a.b)}. */
        public String describe() {
            return kind + " " + name + " (key " + valuesKey + (targetPath == null ? "" : ", targetPath " + targetPath) + ")";
        }

        /** The HelmRelease's namespace, which is the one its ConfigMap or Secret is looked up in. */
        public String namespace() {
            return helmRelease.substring(0, helmRelease.indexOf('/'));
        }
    }

    private HelmValuesFrom() {
    }

    /** Whether {@code object} is a Flux HelmRelease. */
    public static boolean isHelmRelease(KubeObject object) {
        return "HelmRelease".equals(object.kind()) && object.ref().apiVersion().startsWith("helm.toolkit.fluxcd.io/");
    }

    /** The references of {@code helmRelease} in namespace {@code namespace} (the one the index gives it); none for other objects. */
    public static List<Reference> of(KubeObject helmRelease, String namespace) {
        List<Reference> out = new ArrayList<>();
        if (!isHelmRelease(helmRelease)) {
            return out;
        }
        JsonNode refs = helmRelease.at("/spec/valuesFrom");
        String release = (namespace == null ? "default" : namespace) + "/" + helmRelease.ref().name();
        for (int i = 0; i < refs.size(); i++) {
            JsonNode ref = refs.get(i);
            String key = ref.path("valuesKey").asText("");
            String target = ref.path("targetPath").asText("");
            out.add(new Reference(release, ref.path("kind").asText(""), ref.path("name").asText(""),
                    key.isEmpty() ? DEFAULT_KEY : key, target.isEmpty() ? null : target, i));
        }
        return out;
    }
}
