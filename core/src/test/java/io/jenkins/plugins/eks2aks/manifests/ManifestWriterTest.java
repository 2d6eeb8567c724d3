package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.rules.EcrImageRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestWriterTest {

    private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private final ManifestConverter converter = new ManifestConverter(List.of(
            new EcrImageRule(RegistryMap.of(List.of(), "contoso.azurecr.io"))));

    private String convert(String text) {
        ConversionResult result = converter.convert(Manifests.set(text));
        return new ManifestWriter().render(result.input().files().get(0), result.documents());
    }

    @Test
    void aFileNoRuleTouchedIsWrittenByteForByte() {
        String text = "# keep me\napiVersion: v1   # odd spacing\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: 'quoted'\n";
        assertEquals(text, convert(text));
    }

    @Test
    void inAChangedFileOnlyTheChangedDocumentIsRewritten() {
        String untouched = "# first\napiVersion: v1\nkind: ConfigMap\nmetadata:   {name: a}   # flow style kept\n";
        String changed = "# the web pod\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: " + ECR + "/shop/web:1\n";
        String out = convert(untouched + "---\n" + changed + "---\n" + untouched);

        String[] parts = out.split("(?m)^---\n", -1);
        assertEquals(3, parts.length, out);
        assertEquals(untouched, parts[0]);
        assertEquals(untouched, parts[2]);
        assertTrue(parts[1].startsWith("# the web pod\napiVersion: v1\nkind: Pod\n"), parts[1]);
        assertTrue(parts[1].contains("image: contoso.azurecr.io/shop/web:1\n"), parts[1]);
    }

    @Test
    void rewrittenDocumentsKeepKeyOrderAndTheTypesOfQuotedScalars() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  annotations:
                    example.com/enabled: "true"
                    example.com/port: "8080"
                    example.com/empty: ""
                spec:
                  containers:
                  - name: web
                    image: %s/shop/web:1
                    ports:
                    - containerPort: 8080
                """.formatted(ECR);
        String out = convert(text);

        assertTrue(out.indexOf("apiVersion") < out.indexOf("kind") && out.indexOf("kind") < out.indexOf("metadata")
                && out.indexOf("metadata") < out.indexOf("spec"), out);
        ManifestDocument reread = new ManifestReader().parse("out.yaml", out).documents().get(0);
        assertEquals("true", reread.content().at("/metadata/annotations/example.com~1enabled").textValue(), out);
        assertEquals("8080", reread.content().at("/metadata/annotations/example.com~1port").textValue(), out);
        assertEquals("", reread.content().at("/metadata/annotations/example.com~1empty").textValue(), out);
        assertEquals(8080, reread.content().at("/spec/containers/0/ports/0/containerPort").intValue(), out);
    }

    @Test
    void listItemsAreRewrittenInsideTheirList() {
        String text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec:\n    containers:\n    - {name: a, image: "
                + ECR + "/x:1}\n";
        ManifestDocument reread = new ManifestReader().parse("out.yaml", convert(text)).documents().get(0);
        assertEquals("contoso.azurecr.io/x:1", reread.content().at("/items/0/spec/containers/0/image").asText());
    }

    @Test
    void jsonFilesStayJson() {
        String text = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\""
                + ECR + "/x:1\"}]}}";
        ConversionResult result = converter.convert(new ManifestSet(java.nio.file.Path.of("p.json"), false,
                List.of(new ManifestReader().parse("p.json", text)), List.of()));
        String out = new ManifestWriter().render(result.input().files().get(0), result.documents());
        assertTrue(out.startsWith("{"), out);
        assertTrue(out.contains("\"image\" : \"contoso.azurecr.io/x:1\""), out);
    }
}
