package io.jenkins.plugins.eks2aks.images.select;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The CLI and the step read selections through this; their messages differ only in the names of the options. */
class SelectionOptionsTest {

    private static final SelectionOptions.Names CLI = new SelectionOptions.Names("--repository", "--tags", "--newest", "--all-tags");
    private static final SelectionOptions.Names STEP = new SelectionOptions.Names("'repositories'", "'tagPattern'", "'newestTags'", "'allTags'");
    private static final String REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/*";

    @Test
    void everyRepositoryGetsTheOneTagRule() {
        List<RepositorySelection> selections = new SelectionOptions(List.of(REPO, "r.example.com/web"), "1\\..*", 3, false).selections(CLI);

        assertEquals(2, selections.size());
        assertEquals("1\\..*", selections.get(1).tagPattern());
        assertEquals(3, selections.get(0).limit().getAsInt());
        assertEquals(REPO + " (newest 3 tags matching 1\\..*)", selections.get(0).describe());
    }

    @Test
    void aTagRuleWithoutRepositoriesNamesTheOptionInTheEdgesWords() {
        assertEquals("--newest chooses tags of the --repository selections: give --repository",
                assertThrows(MigrationException.class, () -> new SelectionOptions(List.of(), null, 2, false).selections(CLI)).getMessage());
        assertEquals("'tagPattern' chooses tags of the 'repositories' selections: give 'repositories'",
                assertThrows(MigrationException.class, () -> new SelectionOptions(List.of(), "v.*", null, false).selections(STEP)).getMessage());
        assertEquals(List.of(), new SelectionOptions(List.of(), null, null, false).selections(STEP));
    }

    @Test
    void newestAndAllTagsExcludeEachOtherAndABadRepositoryIsNamed() {
        assertEquals("'newestTags' and 'allTags' exclude each other: give one of them",
                assertThrows(MigrationException.class, () -> new SelectionOptions(List.of(REPO), null, 2, true).selections(STEP)).getMessage());
        String bad = assertThrows(MigrationException.class, () -> new SelectionOptions(List.of("shop/web"), null, null, false).selections(CLI))
                .getMessage();
        assertEquals(true, bad.contains("shop/web"), bad);
    }
}
