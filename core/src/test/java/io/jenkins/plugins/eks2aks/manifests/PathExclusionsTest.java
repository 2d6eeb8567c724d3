package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.OptionException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathExclusionsTest {

    @Test
    void aGlobWithoutSlashMatchesANameAtAnyDepthAndAFolderExcludesItsContent() {
        PathExclusions ex = PathExclusions.of(List.of("*.json", "test"), "--exclude");

        assertTrue(ex.excludes("a.json"));
        assertTrue(ex.excludes("apps/web/a.json"));
        assertTrue(ex.excludes("test/pod.yaml"));
        assertTrue(ex.excludes("apps/test/deep/pod.yaml"));
        assertFalse(ex.excludes("apps/web/a.yaml"));
        assertFalse(ex.excludes("apps/testing/pod.yaml"));
    }

    @Test
    void aGlobWithSlashMatchesThePathFromTheInput() {
        PathExclusions ex = PathExclusions.of(List.of("./overlays/dev/", "charts/**/values*.yaml"), "--exclude");

        assertEquals(List.of("overlays/dev", "charts/**/values*.yaml"), ex.globs());
        assertTrue(ex.excludes("overlays/dev/kustomization.yaml"));
        assertFalse(ex.excludes("overlays/prod/kustomization.yaml"));
        assertFalse(ex.excludes("other/overlays/dev/pod.yaml"));
        assertTrue(ex.excludes("charts/web/values-prod.yaml"));
        assertFalse(ex.excludes("charts/web/templates/pod.yaml"));
    }

    @Test
    void blankGlobsAreIgnoredAndABadOneIsNamedWithItsOption() {
        assertTrue(PathExclusions.of(java.util.Arrays.asList(" ", null), "'exclude'").isEmpty());
        OptionException e = assertThrows(OptionException.class, () -> PathExclusions.of(List.of("[a"), "'exclude'"));
        assertTrue(e.getMessage().startsWith("'exclude' '[a' is not a glob"), e.getMessage());
    }
}
