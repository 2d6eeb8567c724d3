package io.jenkins.plugins.eks2aks.manifests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiled-pointer cache is bounded: pointers built from the input (indexes, names) cannot make it grow. */
class KubeObjectPointerCacheTest {

    @Test
    void pointersFromTheInputDoNotGrowTheCachePastItsBound() throws Exception {
        ObjectNode object = (ObjectNode) new ObjectMapper().readTree("{\"spec\":{\"containers\":[{\"image\":\"a\"}]}}");
        KubeObject kube = new KubeObject(null, "", null, object);

        for (int i = 0; i < KubeObject.MAX_CACHED_POINTERS * 3; i++) {
            kube.at("/spec/containers/" + i + "/image");
        }

        assertTrue(KubeObject.POINTERS.size() <= KubeObject.MAX_CACHED_POINTERS, "cached " + KubeObject.POINTERS.size());
        assertEquals("a", kube.at("/spec/containers/0/image").asText(), "answers stay right past the bound");
        assertTrue(kube.at("/spec/containers/2999/image").isMissingNode());
    }
}
