package io.jenkins.plugins.eks2aks.images.select;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jenkins.plugins.eks2aks.images.select.InMemoryCatalog.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How selections become references; the catalog is in memory because this is the pure part. */
class ImageSelectorTest {

    static final String R = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

    private final InMemoryCatalog catalog = new InMemoryCatalog()
            .add(R, "shop/web", tag("1.0", "2026-10-01T10:00:00Z"), tag("1.1", "2026-10-02T10:00:00Z"),
                    tag("v1.2", "2026-10-03T10:00:00Z"), tag("1.2-rc1", "2026-10-04T10:00:00Z"), tag("0.9", "2026-09-01T10:00:00Z"))
            .add(R, "shop/api", tag("2.0", "2026-08-01T10:00:00Z"), tag("1.9", "2026-08-05T10:00:00Z"))
            .add(R, "shopfront", tag("1", "2026-10-01T10:00:00Z"))
            .add(R, "billing/worker", tag("7", "2026-10-01T10:00:00Z"));
    private final ImageSelector selector = new ImageSelector(catalog);

    private SelectionResult expand(String selection, String pattern, Integer newest, boolean all) throws InterruptedException {
        return selector.expand(RepositorySelection.parse(selection).withTags(pattern, newest, all));
    }

    @Test
    void withoutATagRuleEachRepositoryGivesItsMostRecentlyPushedTag() throws Exception {
        SelectionResult result = expand(R + "/shop/*", null, null, false);

        assertEquals(List.of(R + "/shop/api:1.9", R + "/shop/web:1.2-rc1"), result.images());
        assertEquals(List.of("shop/api", "shop/web"), result.repositories(), "'shop/*' does not take shopfront");
        assertEquals(R + "/shop/* (newest tag) matched 2 repositories, 2 tags", result.summary());
        assertTrue(result.problems().isEmpty());
    }

    @Test
    void aTagPatternMustMatchTheWholeTag() throws Exception {
        SelectionResult result = expand(R + "/shop/web", "1\\.\\d+", null, false);

        assertEquals(List.of(R + "/shop/web:1.1", R + "/shop/web:1.0"), result.images(), "not v1.2 nor 1.2-rc1");
    }

    @Test
    void newestNKeepsTheMostRecentlyPushedAfterThePatternFiltered() throws Exception {
        assertEquals(List.of(R + "/shop/web:1.1", R + "/shop/web:1.0"), expand(R + "/shop/web", "\\d+\\.\\d+", 2, false).images());
        assertEquals(List.of(R + "/shop/web:1.2-rc1", R + "/shop/web:v1.2", R + "/shop/web:1.1"),
                expand(R + "/shop/web", null, 3, false).images());
        assertEquals(List.of(R + "/shop/api:1.9", R + "/shop/api:2.0"), expand(R + "/shop/api", null, 5, false).images(),
                "fewer tags than N: all of them");
    }

    @Test
    void allTagsTakesEveryTagNewestFirst() throws Exception {
        SelectionResult result = expand(R + "/*", null, null, true);

        assertEquals(9, result.images().size(), result.images().toString());
        assertEquals(List.of(R + "/shop/web:1.2-rc1", R + "/shop/web:v1.2", R + "/shop/web:1.1", R + "/shop/web:1.0",
                R + "/shop/web:0.9"), result.images().subList(3, 8));
        assertEquals(R + "/* (all tags) matched 4 repositories, 9 tags", result.summary());
    }

    @Test
    void unknownPushTimesSortLastThenByNameDescendingSoTheChoiceIsStable() throws Exception {
        catalog.add("registry.example.com", "tools/cli", tag("a", null), tag("c", null), tag("b", "2026-01-01T00:00:00Z"));
        catalog.untimed("registry.example.com", "tools/lint", "1.0", "1.10", "1.9");

        assertEquals(List.of("registry.example.com/tools/cli:b", "registry.example.com/tools/cli:c"),
                expand("registry.example.com/tools/cli", null, 2, false).images());
        assertEquals(List.of("registry.example.com/tools/lint:1.9"), expand("registry.example.com/tools/lint", null, null, false).images(),
                "by name, and names are not versions");
    }

    @Test
    void untaggedEntriesAreIgnoredEvenWhenNewest() throws Exception {
        catalog.add(R, "shop/batch", tag(null, "2026-12-01T00:00:00Z"), tag("", "2026-12-01T00:00:00Z"), tag("3", "2026-01-01T00:00:00Z"));

        assertEquals(List.of(R + "/shop/batch:3"), expand(R + "/shop/batch", null, null, false).images());
        assertEquals(List.of(R + "/shop/batch:3"), expand(R + "/shop/batch", null, null, true).images());
    }

    @Test
    void aSelectionMatchingNothingIsAProblemNamingItAndTheOthersStillExpand() throws Exception {
        List<SelectionResult> results = selector.expand(List.of(
                RepositorySelection.parse(R + "/nothing/*"),
                RepositorySelection.parse(R + "/shop/gone"),
                RepositorySelection.parse(R + "/shop/*").withTags("9\\..*", null, false),
                RepositorySelection.parse(R + "/billing/worker")));

        assertEquals(List.of(new SelectionResult.Problem(R + "/nothing/*", "no repository in " + R + " starts with 'nothing/'")),
                results.get(0).problems());
        assertEquals(List.of(new SelectionResult.Problem(R + "/shop/gone", "no repository 'shop/gone' in " + R)), results.get(1).problems());
        assertEquals(List.of(new SelectionResult.Problem(R + "/shop/*", "2 repositories matched, but none has a tag matching '9\\..*'")),
                results.get(2).problems());
        assertEquals(List.of(R + "/billing/worker:7"), results.get(3).images());
        assertTrue(results.get(3).problems().isEmpty());
        assertTrue(results.get(0).images().isEmpty() && results.get(1).images().isEmpty() && results.get(2).images().isEmpty());
    }

    @Test
    void oneFailingRepositoryOfAPrefixFailsAloneAndANamedRepositoryIsNotListed() throws Exception {
        RegistryCatalog flaky = new RegistryCatalog() {
            @Override
            public List<String> repositories(String registry, String prefix) throws InterruptedException {
                return catalog.repositories(registry, prefix);
            }

            @Override
            public List<TagInfo> tags(String registry, String repository) {
                if (repository.equals("shop/api")) {
                    throw new io.jenkins.plugins.eks2aks.MigrationException("access denied");
                }
                return catalog.tags(registry, repository);
            }
        };

        SelectionResult result = new ImageSelector(flaky).expand(RepositorySelection.parse(R + "/shop/*"));
        int listings = catalog.listings.get();
        new ImageSelector(catalog).expand(RepositorySelection.parse(R + "/shop/web"));

        assertEquals(List.of(R + "/shop/web:1.2-rc1"), result.images());
        assertEquals(List.of(new SelectionResult.Problem(R + "/shop/api", "access denied")), result.problems());
        assertEquals(R + "/shop/* (newest tag) matched 2 repositories, 1 tag; 1 problem", result.summary());
        assertEquals(listings, catalog.listings.get(), "a named repository's tags are asked for directly");
    }
}
