package io.jenkins.plugins.eks2aks.report;

/** How every conversion report shows a change's path, so the Markdown and the HTML page say the same. */
final class ChangePaths {

    private ChangePaths() {
    }

    /** The path, or {@code (whole object)} for the empty path of a change to the whole object (an exclusion). */
    static String shown(String path) {
        return path.isEmpty() ? "(whole object)" : path;
    }
}
