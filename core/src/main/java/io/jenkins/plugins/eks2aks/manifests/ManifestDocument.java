package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One YAML document (or one JSON file) as read: where its text lies in the file, so that a file can be
 * written back with every untouched byte kept, and its parsed tree.
 *
 * @param file      the file, relative to the input root (the file name itself when the input is a file)
 * @param index     0-based position among the file's non-empty documents
 * @param startLine 1-based line of the document's first line in its file
 * @param start     offset of the document's first character in the file's text
 * @param end       offset just past its last character (the next {@code ---} line starts there)
 * @param content   the parsed document
 */
public record ManifestDocument(String file, int index, int startLine, int start, int end, JsonNode content) {

    /** {@code web.yaml, document 2 (line 14)}: how errors and reports name a document. */
    public String location() {
        return file + ", document " + (index + 1) + " (line " + startLine + ")";
    }
}
