package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestReaderTest {

    private final ManifestReader reader = new ManifestReader();

    @Test
    void splitsMultiDocumentYamlAndRemembersWhereEachDocumentStarts() {
        String text = """
                # leading comment
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                ---
                # only a comment: an empty document
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: b}
                ...
                """;
        ManifestFile file = reader.parse("cm.yaml", text);

        assertEquals(2, file.documents().size());
        ManifestDocument b = file.documents().get(1);
        assertEquals(1, b.index());
        assertEquals(9, b.startLine());
        assertEquals("b", b.content().at("/metadata/name").asText());
        assertEquals("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n", text.substring(b.start(), b.end()));
    }

    @Test
    void readsListKindsAsOneDocumentWithManyObjects() {
        ManifestFile file = reader.parse("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
                - {apiVersion: v1, kind: Service, metadata: {name: b}}
                """);
        List<KubeObject> objects = ManifestConverter.objectsOf(file.documents().get(0));
        assertEquals(List.of("/items/0", "/items/1"), objects.stream().map(KubeObject::pointer).toList());
        assertEquals("Service b", objects.get(1).ref().toString());
    }

    @Test
    void readsJsonFiles() {
        ManifestFile file = reader.parse("cm.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}");
        assertTrue(file.json());
        assertEquals("a", file.documents().get(0).content().at("/metadata/name").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid YAML names file, line and column              | 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: [a\\n'     | bad.yaml:5:1: invalid YAML
            a duplicate key is an error with its line              | 'apiVersion: v1\\nkind: Pod\\nkind: Service\\n'             | bad.yaml:3:
            a document without apiVersion names the document       | 'apiVersion: v1\\nkind: A\\n---\\nkind: Pod\\n'             | bad.yaml, document 2 (line 4): missing 'apiVersion'
            a document without kind names the document             | 'apiVersion: v1\\nmetadata: {name: x}\\n'                   | bad.yaml, document 1 (line 1): missing 'kind'
            a scalar document is not a Kubernetes object           | 'just text\\n'                                              | bad.yaml, document 1 (line 1): not a Kubernetes object
            a List item without kind names the item                | 'apiVersion: v1\\nkind: List\\nitems:\\n- {apiVersion: v1}\\n' | bad.yaml, document 1 (line 1) item 1: missing 'kind'
            """)
    void rejectsInputItCannotUnderstandWithOneLineThatSaysWhere(String title, String yaml, String expected) {
        String text = yaml.replace("\\n", "\n");
        MigrationException e = assertThrows(MigrationException.class, () -> reader.parse("bad.yaml", text));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void errorsInLaterDocumentsCountLinesFromTheStartOfTheFile() {
        MigrationException e = assertThrows(MigrationException.class, () -> reader.parse("f.yaml",
                "apiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: B\nmetadata: {name: [x}\n"));
        assertTrue(e.getMessage().startsWith("f.yaml:6:"), e.getMessage());
    }

    @Test
    void readsADirectoryRecursivelyAndCopiesKustomizationAndOtherFilesThrough(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("apps/web"));
        Files.writeString(dir.resolve("apps/web/deploy.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Files.writeString(dir.resolve("b.json"), "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"}");
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [b.json]\n");
        Files.writeString(dir.resolve("README.md"), "# notes\n");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config.yaml"), "not: a manifest\n");

        ManifestSet set = reader.read(dir);

        assertEquals(List.of("apps/web/deploy.yml", "b.json"), set.files().stream().map(ManifestFile::path).toList());
        assertEquals(List.of("README.md", "kustomization.yaml"), set.passThrough());
    }

    @Test
    void aMissingInputIsNamed(@TempDir Path dir) {
        MigrationException e = assertThrows(MigrationException.class, () -> reader.read(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope' does not exist"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        MigrationException e = assertThrows(MigrationException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("latin1.yaml': it is not UTF-8 text"), e.getMessage());
    }
}
