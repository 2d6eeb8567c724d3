package io.jenkins.plugins.eks2aks.images.select;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A registry catalog held in memory, for the selection logic's own tests (the real catalogs have theirs). */
final class InMemoryCatalog implements RegistryCatalog {

    private final Map<String, List<TagInfo>> repositories = new TreeMap<>();
    final AtomicInteger listings = new AtomicInteger();

    InMemoryCatalog add(String registry, String repository, TagInfo... tags) {
        repositories.computeIfAbsent(registry + "/" + repository, k -> new ArrayList<>()).addAll(List.of(tags));
        return this;
    }

    /** Tags without push times, as the OCI tag list gives them. */
    InMemoryCatalog untimed(String registry, String repository, String... tags) {
        repositories.computeIfAbsent(registry + "/" + repository, k -> new ArrayList<>());
        for (String tag : tags) {
            repositories.get(registry + "/" + repository).add(new TagInfo(tag, null));
        }
        return this;
    }

    static TagInfo tag(String tag, String pushed) {
        return new TagInfo(tag, pushed == null ? null : Instant.parse(pushed));
    }

    @Override
    public List<String> repositories(String registry, String prefix) {
        listings.incrementAndGet();
        return repositories.keySet().stream().filter(k -> k.startsWith(registry + "/" + prefix))
                .map(k -> k.substring(registry.length() + 1)).toList();
    }

    @Override
    public List<TagInfo> tags(String registry, String repository) {
        List<TagInfo> tags = repositories.get(registry + "/" + repository);
        if (tags == null) {
            throw new MigrationException("no repository '" + repository + "' in " + registry);
        }
        return tags;
    }
}
