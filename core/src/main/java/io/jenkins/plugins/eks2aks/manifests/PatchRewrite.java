package io.jenkins.plugins.eks2aks.manifests;

/**
 * A kustomize patch written anew by the conversion: a JSON 6902 file's whole text, or an inline patch's text inside
 * its kustomization.
 *
 * @param file   the file to rewrite, relative to the input (the JSON 6902 file, or the kustomization)
 * @param field  for an inline patch, its list in the kustomization ({@code patches}, …); null for a whole file
 * @param index  for an inline patch, its position in that list
 * @param before the text as read (the inline value, or the file's content)
 * @param after  the converted text
 */
public record PatchRewrite(String file, String field, int index, String before, String after) {

    public boolean wholeFile() {
        return field == null;
    }
}
