package io.jenkins.plugins.eks2aks.images.select;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Images named by repository rather than one by one: a repository ({@code REGISTRY/shop/web}) or every repository
 * whose name starts with a prefix ({@code REGISTRY/shop/*}), and which of their tags to take.
 *
 * <p>Which tags (untagged images are never taken, they have no name to copy them under):
 * <ul>
 *   <li>no tag rule: the newest tag of each repository, the image a deployment most likely runs now;</li>
 *   <li>{@code allTags}: every tag;</li>
 *   <li>{@code tagPattern}: every tag the regular expression matches in full (java.util.regex), so {@code 1\..*}
 *       takes {@code 1.2} but not {@code v1.2}; with {@code allTags} it is the same;</li>
 *   <li>{@code newest N}: the N most recently pushed tags, after the pattern filtered them.</li>
 * </ul>
 * {@code newest} and {@code allTags} exclude each other. "Newest" orders by push time where the registry records
 * it (ECR does; the OCI tag list does not), then by tag name descending, so the choice is the same on every run.
 *
 * @param registry   the registry host, with its port if any
 * @param repository the repository name, or the prefix without its {@code *}
 * @param prefix     whether {@code repository} is a prefix
 * @param tagPattern a regular expression tags must match in full, or null for every tag
 * @param newest     how many of the most recently pushed tags to keep, or null
 * @param allTags    every tag (rather than the newest one when there is no other rule)
 */
public record RepositorySelection(String registry, String repository, boolean prefix, String tagPattern, Integer newest,
                                  boolean allTags) {

    private static final String EXPECTED = "expected REGISTRY/REPOSITORY or REGISTRY/PREFIX*, e.g. "
            + "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/*";
    private static final Pattern HOST = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::\\d{1,5})?");
    // The OCI distribution spec's grammar for repository names; a prefix may stop anywhere inside one.
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern NAME = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9._/-]*");

    public RepositorySelection {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        tagPattern = tagPattern == null || tagPattern.isEmpty() ? null : tagPattern;
        if (tagPattern != null) {
            compile(tagPattern);
        }
        if (newest != null && newest < 1) {
            throw new MigrationException("Invalid number of newest tags " + newest + ": must be 1 or more");
        }
        if (newest != null && allTags) {
            throw new MigrationException("Newest " + newest + " tags and all tags exclude each other: give one of them");
        }
    }

    /**
     * Parses {@code REGISTRY/REPOSITORY} or {@code REGISTRY/PREFIX*}, with no tag rule (the newest tag).
     *
     * @throws MigrationException one line naming the value and what a valid one looks like
     */
    public static RepositorySelection parse(String text) {
        String value = text == null ? "" : text.trim();
        int slash = value.indexOf('/');
        if (slash <= 0) {
            throw invalid(text, "no registry host before the repository");
        }
        String host = value.substring(0, slash);
        String rest = value.substring(slash + 1);
        // A first component without '.' or ':' is a repository path ("shop/web"), as docker reads references.
        if (!HOST.matcher(host).matches() || !(host.contains(".") || host.contains(":") || host.equals("localhost"))) {
            throw invalid(text, "'" + host + "' is not a registry host");
        }
        if (rest.contains(":") || rest.contains("@")) {
            throw invalid(text, "a selection names repositories, not a tag or digest (choose tags with the tag pattern, newest or all tags)");
        }
        int star = rest.indexOf('*');
        if (star >= 0 && star != rest.length() - 1) {
            throw invalid(text, "'*' may only end the repository prefix");
        }
        boolean isPrefix = star >= 0;
        String name = isPrefix ? rest.substring(0, star) : rest;
        if (isPrefix ? !PREFIX.matcher(name).matches() : !NAME.matcher(name).matches()) {
            throw invalid(text, "'" + name + "' is not a repository name" + (isPrefix ? " prefix" : ""));
        }
        return new RepositorySelection(host.toLowerCase(), name, isPrefix, null, null, false);
    }

    /** This selection with a tag rule (see the class comment). */
    public RepositorySelection withTags(String pattern, Integer newestCount, boolean all) {
        return new RepositorySelection(registry, repository, prefix, pattern, newestCount, all);
    }

    /** Whether {@code name} is one of the selected repositories. */
    public boolean matches(String name) {
        return prefix ? name.startsWith(repository) : name.equals(repository);
    }

    /** How many tags of each repository to keep, newest first; empty for every tag that passes the pattern. */
    public OptionalInt limit() {
        if (newest != null) {
            return OptionalInt.of(newest);
        }
        return allTags || tagPattern != null ? OptionalInt.empty() : OptionalInt.of(1);
    }

    /** The compiled pattern, or null for every tag. */
    public Pattern compiledTagPattern() {
        return tagPattern == null ? null : compile(tagPattern);
    }

    /** The selection and its tag rule, for logs: {@code REGISTRY/shop/* (newest 3 tags matching 1\..*)}. */
    public String describe() {
        OptionalInt limit = limit();
        String rule = limit.isPresent() ? (limit.getAsInt() == 1 ? "newest tag" : "newest " + limit.getAsInt() + " tags") : "all tags";
        return this + " (" + rule + (tagPattern == null ? "" : " matching " + tagPattern) + ")";
    }

    /** {@code REGISTRY/REPOSITORY} or {@code REGISTRY/PREFIX*}, as given. */
    @Override
    public String toString() {
        return registry + "/" + repository + (prefix ? "*" : "");
    }

    private static Pattern compile(String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            // getMessage() spans three lines (it draws a caret); the description and index fit on one.
            throw new MigrationException("Invalid tag pattern '" + pattern + "': " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
    }

    private static MigrationException invalid(String text, String reason) {
        return new MigrationException("Invalid repository selection '" + text + "': " + reason + "; " + EXPECTED);
    }
}
