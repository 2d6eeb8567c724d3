package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A kustomize patch that is not a file of objects: an inline patch ({@code patch:} text in the kustomization, a
 * strategic-merge object or a JSON 6902 list) or a JSON 6902 file ({@code path:} naming a list of operations).
 *
 * @param kustomization the kustomization applying it, relative to the input
 * @param field         its list in the kustomization: {@code patches}, {@code patchesStrategicMerge} or {@code patchesJson6902}
 * @param index         its position in that list
 * @param file          the JSON 6902 file it names, relative to the input; null for an inline patch
 * @param text          the patch's text (the inline value, or the file's content)
 * @param target        its {@code target:} (kind, name, namespace, group, version); a missing node when none
 */
public record KustomizePatch(String kustomization, String field, int index, String file, String text, JsonNode target) {

    /** {@code overlays/prod/kustomization.yaml patches[2]}: how decisions and notes name it. */
    public String where() {
        return kustomization + " " + field + "[" + index + "]" + (file == null ? "" : " (" + file + ")");
    }

    public boolean inline() {
        return file == null;
    }
}
