package io.jenkins.plugins.eks2aks.images.select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one selection expanded to: the repositories it matched, the tags chosen in each, and what went wrong. The
 * selector only returns this; the caller decides how to log it (the image migration logs {@link #summary()} and turns
 * each problem into a failed image, so one bad selection does not stop the others).
 *
 * @param selection    the selection
 * @param repositories the repositories it matched, sorted
 * @param chosen       each matched repository whose tags could be read, with the tags chosen in it, newest first; a
 *                     repository none of whose tags passed the rule maps to an empty list
 * @param problems     why the selection, or one of its repositories, gave no images; empty when all went well
 */
public record SelectionResult(RepositorySelection selection, List<String> repositories, Map<String, List<String>> chosen,
                              List<Problem> problems) {

    /**
     * Something that kept images out of the run.
     *
     * @param subject what it is about: the selection, or {@code registry/repository} for one repository of a prefix
     * @param message one line
     */
    public record Problem(String subject, String message) {
    }

    public SelectionResult {
        repositories = List.copyOf(repositories);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        chosen.forEach((repository, tags) -> copy.put(repository, List.copyOf(tags)));
        chosen = java.util.Collections.unmodifiableMap(copy);
        problems = List.copyOf(problems);
    }

    /** The chosen images as references, {@code registry/repository:tag}. */
    public List<String> images() {
        List<String> out = new ArrayList<>();
        chosen.forEach((repository, tags) -> tags.forEach(tag -> out.add(selection.registry() + "/" + repository + ":" + tag)));
        return out;
    }

    /** For logs: {@code REGISTRY/shop/* (newest tag) matched 4 repositories, 4 tags}. */
    public String summary() {
        long empty = chosen.values().stream().filter(List::isEmpty).count();
        return selection.describe() + " matched " + count(repositories.size(), "repository", "repositories") + ", "
                + count(images().size(), "tag", "tags") + (empty > 0 ? " (" + count(empty, "repository", "repositories")
                + " without a matching tag)" : "") + (problems.isEmpty() ? "" : "; " + count(problems.size(), "problem", "problems"));
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
