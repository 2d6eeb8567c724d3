package io.jenkins.plugins.eks2aks.images.select;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.ArrayList;
import java.util.List;

/**
 * The repository selections a user asked for, as the CLI options and the step parameters give them: repositories,
 * and one tag rule for all of them. Both edges read them the same way; only the names they show differ.
 *
 * @param repositories {@code REGISTRY/REPO} or {@code REGISTRY/PREFIX*} each
 * @param tagPattern   regular expression, or null
 * @param newest       how many newest tags, or null
 * @param allTags      every tag
 */
public record SelectionOptions(List<String> repositories, String tagPattern, Integer newest, boolean allTags) {

    /** What the edge calls each option, for its messages: {@code --tags} on the command line, {@code tagPattern} in a step. */
    public record Names(String repositories, String tagPattern, String newest, String allTags) {
    }

    public SelectionOptions {
        repositories = List.copyOf(repositories);
    }

    /**
     * The selections, each with the tag rule.
     *
     * @throws MigrationException one line naming the option that is wrong (in {@code names}' words) or the bad value
     */
    public List<RepositorySelection> selections(Names names) {
        if (repositories.isEmpty()) {
            String given = tagPattern != null ? names.tagPattern() : newest != null ? names.newest() : allTags ? names.allTags() : null;
            if (given != null) {
                throw new MigrationException(given + " chooses tags of the " + names.repositories() + " selections: give "
                        + names.repositories());
            }
            return List.of();
        }
        if (newest != null && allTags) {
            throw new MigrationException(names.newest() + " and " + names.allTags() + " exclude each other: give one of them");
        }
        List<RepositorySelection> out = new ArrayList<>();
        for (String repository : repositories) {
            out.add(RepositorySelection.parse(repository).withTags(tagPattern, newest, allTags));
        }
        return out;
    }
}
