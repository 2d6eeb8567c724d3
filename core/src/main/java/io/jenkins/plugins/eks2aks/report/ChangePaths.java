package io.jenkins.plugins.eks2aks.report;

import io.jenkins.plugins.eks2aks.manifests.ManifestDocument;

/** How every conversion report shows a change's path and file, so the Markdown and the HTML page say the same. */
final class ChangePaths {

    private ChangePaths() {
    }

    /** The path, or {@code (whole object)} for the empty path of a change to the whole object (an exclusion). */
    static String shown(String path) {
        return path.isEmpty() ? "(whole object)" : path;
    }

    /** The file and the document's number in it, e.g. {@code deploy.yaml #2}. */
    static String file(ManifestDocument document) {
        return document.file() + " #" + (document.index() + 1);
    }
}
