package io.jenkins.plugins.eks2aks.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputDigestTest {

    private static String digest(Path folder) {
        return new InputDigest().value("acr", "contoso.azurecr.io").path("manifests", folder).digest();
    }

    private static void tree(Path root, String a, String b) throws IOException {
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("a.yaml"), a);
        Files.writeString(root.resolve("sub/b.yaml"), b);
    }

    @Test
    void theSameTreeAnywhereHasTheSameDigestAndAnyChangeChangesIt(@TempDir Path tmp) throws IOException {
        tree(tmp.resolve("one"), "kind: A", "kind: B");
        tree(tmp.resolve("two"), "kind: A", "kind: B");
        String one = digest(tmp.resolve("one"));

        assertTrue(one.matches("sha256:[0-9a-f]{64}"), one);
        assertEquals(one, digest(tmp.resolve("two")));
        Files.writeString(tmp.resolve("two/sub/b.yaml"), "kind: C");
        assertNotEquals(one, digest(tmp.resolve("two")), "a changed file");
        Files.writeString(tmp.resolve("two/sub/b.yaml"), "kind: B");
        Files.move(tmp.resolve("two/sub/b.yaml"), tmp.resolve("two/sub/c.yaml"));
        assertNotEquals(one, digest(tmp.resolve("two")), "a renamed file");
    }

    @Test
    void valuesAreDelimitedAndAbsentIsNotEmpty(@TempDir Path tmp) {
        assertNotEquals(new InputDigest().value("a", "bc").digest(), new InputDigest().value("ab", "c").digest());
        assertNotEquals(new InputDigest().value("acr", null).digest(), new InputDigest().value("acr", "").digest());
        assertEquals(new InputDigest().path("in", tmp.resolve("missing")).digest(), new InputDigest().path("in", null).digest());
    }
}
