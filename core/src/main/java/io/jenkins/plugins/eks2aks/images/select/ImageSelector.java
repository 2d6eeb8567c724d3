package io.jenkins.plugins.eks2aks.images.select;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.CloudAuthenticationException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Expands repository selections into image references through a {@link RegistryCatalog}. It emits nothing: each
 * selection gets a {@link SelectionResult}, and a selection that yields no image says why in its problems (naming
 * the selection), while the other selections still expand.
 *
 * <p>A selection of one named repository asks for its tags directly, without listing the registry: listing needs
 * more permissions ({@code ecr:DescribeRepositories}, the OCI {@code /v2/_catalog}) and some registries do not offer
 * it at all.
 */
public final class ImageSelector {

    /**
     * Newest first: push time descending, unknown times last, then tag name descending, so that equal or unknown
     * times (every tag of the OCI tag list) still give the same order on every run.
     */
    static final Comparator<TagInfo> NEWEST_FIRST = Comparator
            .comparing(TagInfo::pushed, Comparator.nullsLast(Comparator.<java.time.Instant>reverseOrder()))
            .thenComparing(TagInfo::tag, Comparator.reverseOrder());

    private final RegistryCatalog catalog;

    public ImageSelector(RegistryCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** One result per selection, in order. */
    public List<SelectionResult> expand(List<RepositorySelection> selections) throws InterruptedException {
        List<SelectionResult> results = new ArrayList<>();
        for (RepositorySelection selection : selections) {
            results.add(expand(selection));
        }
        return results;
    }

    public SelectionResult expand(RepositorySelection selection) throws InterruptedException {
        String subject = selection.toString();
        List<SelectionResult.Problem> problems = new ArrayList<>();
        List<String> repositories;
        if (selection.prefix()) {
            try {
                repositories = catalog.repositories(selection.registry(), selection.repository()).stream()
                        .filter(selection::matches).sorted().distinct().toList();
            } catch (CloudAuthenticationException e) {
                throw e;
            } catch (MigrationException e) {
                return failed(selection, e.getMessage());
            }
            if (repositories.isEmpty()) {
                String none = selection.repository().isEmpty() ? selection.registry() + " has no repositories"
                        : "no repository in " + selection.registry() + " starts with '" + selection.repository() + "'";
                return failed(selection, none);
            }
        } else {
            repositories = List.of(selection.repository());
        }
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        for (String repository : repositories) {
            try {
                chosen.put(repository, choose(selection, withTimes(selection, repository, catalog.tags(selection.registry(), repository))));
            } catch (CloudAuthenticationException e) {
                throw e;
            } catch (MigrationException e) {
                // For a named repository the selection itself failed; for a prefix, only this one repository.
                problems.add(new SelectionResult.Problem(selection.prefix() ? selection.registry() + "/" + repository : subject,
                        e.getMessage()));
            }
        }
        if (problems.isEmpty() && chosen.values().stream().allMatch(List::isEmpty)) {
            problems.add(new SelectionResult.Problem(subject, nothingChosen(selection, chosen.size())));
        }
        // A named repository counts as matched only when it exists (its tags could be read).
        List<String> matched = selection.prefix() ? repositories : List.copyOf(chosen.keySet());
        return new SelectionResult(selection, matched, chosen, problems);
    }

    private static SelectionResult failed(RepositorySelection selection, String message) {
        return new SelectionResult(selection, List.of(), Map.of(), List.of(new SelectionResult.Problem(selection.toString(), message)));
    }

    /**
     * Fills in when each candidate tag was made, where the tag list did not say and the selection keeps only the
     * newest: one look at the image per tag, so a tag pattern that narrows the candidates first saves requests.
     */
    private List<TagInfo> withTimes(RepositorySelection selection, String repository, List<TagInfo> tags) throws InterruptedException {
        if (selection.limit().isEmpty() || tags.stream().allMatch(t -> t.pushed() != null)) {
            return tags;
        }
        Pattern pattern = selection.compiledTagPattern();
        List<TagInfo> out = new ArrayList<>();
        for (TagInfo t : tags) {
            boolean candidate = t.pushed() == null && t.tag() != null && !t.tag().isBlank()
                    && (pattern == null || pattern.matcher(t.tag()).matches());
            out.add(candidate ? new TagInfo(t.tag(), catalog.pushed(selection.registry(), repository, t.tag())) : t);
        }
        return out;
    }

    /** The tags the selection's rule keeps, newest first; untagged entries are skipped. */
    static List<String> choose(RepositorySelection selection, List<TagInfo> tags) {
        Pattern pattern = selection.compiledTagPattern();
        OptionalInt limit = selection.limit();
        return tags.stream()
                .filter(t -> t.tag() != null && !t.tag().isBlank())
                .filter(t -> pattern == null || pattern.matcher(t.tag()).matches())
                .sorted(NEWEST_FIRST)
                .map(TagInfo::tag)
                .distinct()
                .limit(limit.isPresent() ? limit.getAsInt() : Long.MAX_VALUE)
                .toList();
    }

    private static String nothingChosen(RepositorySelection selection, int repositories) {
        String tag = selection.tagPattern() == null ? "tag" : "tag matching '" + selection.tagPattern() + "'";
        return selection.prefix() ? count(repositories) + " matched, but none has a " + tag : "the repository has no " + tag;
    }

    private static String count(int repositories) {
        return repositories + (repositories == 1 ? " repository" : " repositories");
    }
}
