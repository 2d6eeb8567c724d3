package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the inventory keeps of ConfigMaps while it waits for the HelmReleases that may read them. */
class HelmValuesSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ClusterObject object(String json) throws Exception {
        return ClusterObject.of((ObjectNode) JSON.readTree(json), "dump.yaml");
    }

    private static ClusterObject configMap(String name, String values) throws Exception {
        return object("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%s","namespace":"shop",
                 "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"a copy of the data"}},
                 "data":{"values.yaml":"%s"}}""".formatted(name, values));
    }

    private static ClusterObject helmRelease(String... configMaps) throws Exception {
        StringBuilder refs = new StringBuilder();
        for (String c : configMaps) {
            refs.append(refs.isEmpty() ? "" : ",").append("{\"kind\":\"ConfigMap\",\"name\":\"").append(c).append("\"}");
        }
        return object("""
                {"apiVersion":"helm.toolkit.fluxcd.io/v2","kind":"HelmRelease","metadata":{"name":"web","namespace":"shop"},
                 "spec":{"chart":{"spec":{"chart":"web"}},"valuesFrom":[%s]}}""".formatted(refs));
    }

    @Test
    void keepsOnlyTheNameAndDataOfAConfigMapAndMatchesItWhicheverComesFirst() throws Exception {
        HelmValuesSources sources = new HelmValuesSources();
        sources.add(helmRelease("web-values"));
        sources.add(configMap("web-values", "service:\\n  type: LoadBalancer\\n"));

        List<HelmValuesSources.Source> found = sources.sources();

        assertEquals(1, found.size());
        ClusterObject kept = found.get(0).configMap();
        assertNotNull(kept);
        assertEquals("service:\n  type: LoadBalancer\n", kept.at("/data/values.yaml").asText());
        assertTrue(kept.annotations().isMissingNode(), "annotations (a second copy of the data) are not kept: " + kept.object());
        assertFalse(found.get(0).notKept());
    }

    @Test
    void aConfigMapPastTheBudgetIsNamedAsNotKeptNotAsMissing() throws Exception {
        HelmValuesSources sources = new HelmValuesSources(40);
        sources.add(configMap("first", "a".repeat(30)));
        sources.add(configMap("second", "b".repeat(30)));
        sources.add(helmRelease("first", "second", "absent"));

        List<HelmValuesSources.Source> found = sources.sources();

        assertNotNull(found.get(0).configMap());
        assertNull(found.get(1).configMap());
        assertTrue(found.get(1).notKept(), "over the budget");
        assertNull(found.get(2).configMap());
        assertFalse(found.get(2).notKept(), "not in the input at all");
    }
}
