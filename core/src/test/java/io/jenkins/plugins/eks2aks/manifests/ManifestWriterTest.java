package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.images.RegistryMap;
import io.jenkins.plugins.eks2aks.manifests.rules.EcrImageRule;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static final String COMMENTED_SERVICE = """
            # the shop's API
            apiVersion: v1
            kind: Service
            metadata:
              name: api # public name
              annotations:
                # the controller owns it
                service.beta.kubernetes.io/aws-load-balancer-type: external
                service.beta.kubernetes.io/aws-load-balancer-scheme: internal # must stay private
            spec:
              type: LoadBalancer   # an NLB on EKS
              ports:
              # HTTP only
              - port: 80 # http
                targetPort: 8080
              selector: {app: api} # flow style
            # end of the service
            """;

    private static String renderWithCatalog(String text) {
        ConversionResult result = Conversions.convert(text, MigrationMapping.defaults());
        return new ManifestWriter().render(result.input().files().get(0), result.documents());
    }

    @Test
    void commentsInsideARewrittenDocumentStayWithTheNodesThatSurvive() {
        String out = renderWithCatalog(COMMENTED_SERVICE);

        assertTrue(out.startsWith("# the shop's API\napiVersion: v1\n"), out);
        assertTrue(out.contains("  name: api # public name\n"), out);
        assertTrue(out.contains("  type: LoadBalancer # an NLB on EKS\n"), out);
        assertTrue(out.contains("  # HTTP only\n  - port: 80 # http\n"), out);
        assertTrue(out.contains("  selector: # flow style\n"), out);
        assertTrue(out.endsWith("# end of the service\n"), out);
        // The annotations they described were removed, and so are they.
        assertFalse(out.contains("the controller owns it"), out);
        assertFalse(out.contains("must stay private"), out);
        assertTrue(out.contains("azure-load-balancer-internal"), out);
        ManifestDocument reread = new ManifestReader().parse("out.yaml", out).documents().get(0);
        assertEquals(8080, reread.content().at("/spec/ports/0/targetPort").intValue(), out);
    }

    @Test
    void aHashInsideABlockScalarIsTextNotAComment() {
        String text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    note: |\n      # not a comment\n      line two\n"
                + "spec:\n  containers:\n  - name: a # the app\n    image: " + ECR + "/x:1\n";
        String out = convert(text);

        ManifestDocument reread = new ManifestReader().parse("out.yaml", out).documents().get(0);
        assertEquals("# not a comment\nline two\n", reread.content().at("/metadata/annotations/note").asText(), out);
        assertEquals(1, out.split("# not a comment", -1).length - 1, out);
        assertTrue(out.contains("- name: a # the app\n"), out);
    }

    @Test
    void aCrlfFileStaysCrlf() {
        String text = COMMENTED_SERVICE.replace("\n", "\r\n");
        String out = renderWithCatalog(text);

        assertTrue(out.contains("azure-load-balancer-internal"), out);
        assertFalse(out.replace("\r\n", "").contains("\n"), "a bare LF in " + out);
        assertTrue(out.contains("  name: api # public name\r\n"), out);
    }

    @Test
    void carriedCommentsNeverChangeWhatADocumentSaysOnEveryUpstreamFile() {
        MigrationMapping mapping = MigrationMapping.defaults().withAcr("contoso.azurecr.io");
        ConversionResult result = Conversions.convert(Upstream.ROOT, mapping);
        java.util.Map<String, ManifestFile> files = new java.util.HashMap<>();
        result.input().files().forEach(f -> files.put(f.path(), f));
        int rewritten = 0;
        int commentsInside = 0;
        for (ManifestFile file : result.input().files()) {
            List<ConvertedDocument> documents = result.documents().stream()
                    .filter(d -> d.original().file().equals(file.path())).toList();
            if (documents.stream().noneMatch(d -> d.converted() != null) || file.json()) {
                continue;
            }
            String out = new ManifestWriter().render(file, documents);
            List<ManifestDocument> reread = new ManifestReader().parse(file.path(), out).documents();
            List<ConvertedDocument> kept = documents.stream().filter(d -> !d.excluded()).toList();
            assertEquals(kept.size(), reread.size(), file.path());
            for (int i = 0; i < kept.size(); i++) {
                ConvertedDocument d = kept.get(i);
                assertEquals(d.converted() != null ? d.converted() : d.original().content(), reread.get(i).content(),
                        file.path() + " document " + (i + 1));
                if (d.converted() != null) {
                    rewritten++;
                    String text = out.substring(reread.get(i).start(), reread.get(i).end());
                    commentsInside += (int) text.lines().skip(ManifestWriter.leadingComments(text).lines().count())
                            .filter(l -> l.contains("#")).count();
                }
            }
        }
        assertTrue(rewritten >= 10, "rewritten documents: " + rewritten);
        assertTrue(commentsInside > 0, "no comment inside a rewritten upstream document was kept");
    }
}
