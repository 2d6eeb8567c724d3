package io.jenkins.plugins.eks2aks.images.acr;

import io.jenkins.plugins.eks2aks.images.registry.Digests;
import io.jenkins.plugins.eks2aks.images.registry.ManifestContent;
import io.jenkins.plugins.eks2aks.images.registry.MediaTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AcrImportLimitsTest {

    static ManifestContent imageWithLayer(long size) {
        byte[] bytes = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\"x\",\"size\":2,"
                + "\"digest\":\"sha256:" + "0".repeat(64) + "\"},\"layers\":[{\"mediaType\":\"y\",\"size\":" + size + ",\"digest\":\"sha256:"
                + "1".repeat(64) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        return new ManifestContent(MediaTypes.OCI_MANIFEST, Digests.sha256(bytes), bytes);
    }

    @ParameterizedTest(name = "a {0}-byte layer from a public registry {1}: {2} / private: always importable")
    @CsvSource(textBlock = """
            2147483648, public.ecr.aws, importable
            2147483649, public.ecr.aws, copied
            2147483649, docker.io,      copied
            """)
    void theTwoGibibyteLayerLimitAppliesToPublicRegistriesOnly(long size, String host, String expected) {
        ManifestContent image = imageWithLayer(size);
        boolean isPublic = AcrImportLimits.isPublicRegistry(host);
        assertEquals(expected, AcrImportLimits.exceeded(image, List.of(), isPublic).isPresent() ? "copied" : "importable");
        assertEquals("importable", AcrImportLimits.exceeded(image, List.of(), false).isPresent() ? "copied" : "importable");
    }
}
