package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlTextTest {

    @ParameterizedTest(name = "\"{0}\" reads back as the same string")
    @ValueSource(strings = {"contoso.azurecr.io/shop/web:1.2", "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web",
            "/spec/template/metadata/labels/azure.workload.identity~1use", "true", "False", "yes", "off", "null", "~", "",
            "10", "1e5", ".5", ".inf", "0x1F", "1:20", "2001-12-14", "- x", "a: b", "#comment", "x #y", "@at", "*alias",
            "&anchor", "!tag", "%dir", "'q'", "\"q\"", "{a}", "[a]", "a,b", "migrate;envoy", "ends:", "line\nbreak",
            "tab\there", "ünïcode", "^api\\.v1$", " lead", "trail "})
    void aScalarReadsBackAsTheSameString(String text) throws IOException {
        String yaml = "key: " + YamlText.scalar(text) + "\n";

        assertEquals(text, new YAMLMapper().readTree(yaml).path("key").textValue(), yaml);
    }

    @ParameterizedTest(name = "\"{0}\" stays plain")
    @ValueSource(strings = {"contoso.azurecr.io/shop/web:1.2", "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web",
            "managed-csi-premium", "/healthz", "migrate;envoy"})
    void aCommonValueIsWrittenWithoutQuotes(String text) {
        assertTrue(YamlText.scalar(text).equals(text));
    }
}
