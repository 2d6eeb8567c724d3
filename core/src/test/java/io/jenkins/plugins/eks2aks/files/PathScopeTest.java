package io.jenkins.plugins.eks2aks.files;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathScopeTest {

    @TempDir
    Path tmp;

    private Path workspace() throws IOException {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.createDirectories(ws.resolve("k8s/eks"));
        return ws;
    }

    @Test
    void aWorkspacePathIsResolvedInsideIt() throws IOException {
        Path ws = workspace();
        PathScope scope = PathScope.workspace(ws);
        assertEquals(ws.toAbsolutePath().normalize().resolve("k8s/eks"), scope.input("k8s/eks", "'source'"));
        assertEquals(ws.toAbsolutePath().normalize().resolve("k8s/eks"), scope.input("k8s/x/../eks", "'source'"));
        assertNull(scope.input(" ", "'mappingFile'"));
        assertEquals(ws.toAbsolutePath().normalize().resolve("eks2aks/aks"),
                scope.output("eks2aks/aks", "'output'", List.of(scope.input("k8s/eks", "'source'"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../elsewhere", "k8s/../../elsewhere", "/etc", "/tmp"})
    void aPathLeavingTheWorkspaceIsRefusedNamingTheParameter(String value) throws IOException {
        PathScope scope = PathScope.workspace(workspace());
        MigrationException in = assertThrows(MigrationException.class, () -> scope.input(value, "'source'"));
        assertEquals("'source' '" + value + "' leads outside the workspace: give a path inside it", in.getMessage());
        assertThrows(MigrationException.class, () -> scope.output(value, "'output'", List.of()));
    }

    @Test
    void aSymbolicLinkLeavingTheWorkspaceIsRefused() throws IOException {
        Path ws = workspace();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(ws.resolve("link"), outside);
        Files.createSymbolicLink(ws.resolve("dangling"), tmp.resolve("nothing-here"));
        PathScope scope = PathScope.workspace(ws);
        MigrationException e = assertThrows(MigrationException.class, () -> scope.output("link/aks", "'output'", List.of()));
        assertEquals("'output' 'link/aks' leads outside the workspace through a symbolic link: give a path inside it", e.getMessage());
        assertThrows(MigrationException.class, () -> scope.input("link", "'source'"));
        assertThrows(MigrationException.class, () -> scope.output("dangling", "'output'", List.of()));
        Files.createSymbolicLink(ws.resolve("inner"), ws.resolve("k8s"));
        assertEquals(ws.toAbsolutePath().normalize().resolve("inner/eks"), scope.input("inner/eks", "'source'"), "a link inside is fine");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "./", "k8s/.."})
    void theWorkspaceItselfIsNeverAnOutput(String value) throws IOException {
        PathScope scope = PathScope.workspace(workspace());
        MigrationException e = assertThrows(MigrationException.class, () -> scope.output(value, "'output'", List.of()));
        assertTrue(e.getMessage().contains("holds the workspace and would replace it"), e.getMessage());
    }

    @Test
    void anOutputHoldingOrInsideAnInputIsRefused() throws IOException {
        PathScope scope = PathScope.workspace(workspace());
        Path source = scope.input("k8s/eks", "'source'");
        MigrationException holds = assertThrows(MigrationException.class, () -> scope.output("k8s", "'output'", List.of(source)));
        assertTrue(holds.getMessage().contains("contains the input"), holds.getMessage());
        MigrationException inside = assertThrows(MigrationException.class, () -> scope.output("k8s/eks/aks", "'output'", List.of(source)));
        assertTrue(inside.getMessage().contains("is inside the input"), inside.getMessage());
    }

    @Test
    void theCommandLineTakesPathsAsGivenButNeverReplacesTheCurrentFolder() {
        PathScope scope = PathScope.currentFolder();
        assertEquals(Path.of("../x"), scope.input("../x", "--dump"));
        assertEquals(Path.of("/tmp/x"), scope.output("/tmp/x", "--out", List.of()));
        for (String value : new String[] {".", "..", ""}) {
            assertThrows(MigrationException.class, () -> scope.output(value, "--out", List.of()), value);
        }
        MigrationException e = assertThrows(MigrationException.class, () -> scope.output("in", "--out", List.of(Path.of("in/app.yaml"))));
        assertTrue(e.getMessage().contains("contains the input"), e.getMessage());
    }
}
