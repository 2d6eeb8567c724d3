package io.jenkins.plugins.eks2aks.files;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StagedDirectoryTest {

    @Test
    void aFolderEks2aksDidNotWriteIsRefusedAndKeptWhole(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("checkout");
        Files.createDirectories(out.resolve("sub"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("sub/keep.yaml"), "kind: x");

        OutputFolderInUseException e = assertThrows(OutputFolderInUseException.class,
                () -> StagedDirectory.create(out, "convert", false));

        assertTrue(e.getMessage().startsWith("Output folder '" + out + "' is not empty and was not written by eks2aks"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals("kind: x", Files.readString(out.resolve("sub/keep.yaml")));
        assertEquals(List.of("checkout"), names(tmp), "no staging folder is left behind");
    }

    @Test
    void aNewFolderIsWrittenWithTheMarkerAndThenReplacedByTheNextRun(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        write(out, "first.txt");
        assertTrue(Files.readString(out.resolve(OutputFolder.MARKER)).startsWith("Written by eks2aks convert."));

        write(out, "second.txt");

        assertFalse(Files.exists(out.resolve("first.txt")), "the marked folder is replaced as a whole");
        assertTrue(Files.exists(out.resolve("second.txt")));
        assertEquals(List.of("out"), names(tmp));
    }

    @Test
    void anEmptyFolderIsTaken(@TempDir Path tmp) throws IOException {
        Path out = Files.createDirectories(tmp.resolve("empty"));
        write(out, "a.txt");
        assertTrue(Files.exists(out.resolve("a.txt")));
    }

    @Test
    void forceReplacesAFolderEks2aksDidNotWrite(@TempDir Path tmp) throws IOException {
        Path out = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(out.resolve("notes.txt"), "old output of an earlier version");
        try (StagedDirectory staged = StagedDirectory.create(out, "inventory", true)) {
            Files.writeString(staged.path().resolve("a.txt"), "a");
            staged.commit();
        }
        assertFalse(Files.exists(out.resolve("notes.txt")));
        assertTrue(Files.exists(out.resolve(OutputFolder.MARKER)));
    }

    @Test
    void aFolderFilledByOthersWhileTheRunWorkedIsNotReplaced(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        try (StagedDirectory staged = StagedDirectory.create(out, "convert", false)) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("theirs.txt"), "written meanwhile");
            assertThrows(OutputFolderInUseException.class, staged::commit);
        }
        assertEquals("written meanwhile", Files.readString(out.resolve("theirs.txt")));
        assertEquals(List.of("out"), names(tmp));
    }

    @Test
    void aFailedRunLeavesThePreviousOutputAsItWas(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        write(out, "first.txt");
        try (StagedDirectory staged = StagedDirectory.create(out, "convert", false)) {
            Files.writeString(staged.path().resolve("half.txt"), "half");
            // no commit: the run failed
        }
        assertTrue(Files.exists(out.resolve("first.txt")));
        assertFalse(Files.exists(out.resolve("half.txt")));
        assertEquals(List.of("out"), names(tmp));
    }

    @Test
    void aFileOrARootIsNeverAnOutput(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertTrue(assertThrows(MigrationException.class, () -> OutputFolder.checkReplaceable(file, true))
                .getMessage().contains("exists and is not a folder"));
        assertTrue(assertThrows(MigrationException.class, () -> OutputFolder.checkReplaceable(Path.of("/"), true))
                .getMessage().contains("is a file-system root"));
    }

    @Test
    void anOutputNeverHoldsAnInputNorSitsInsideOne(@TempDir Path tmp) throws IOException {
        Path input = Files.createDirectories(tmp.resolve("k8s"));
        assertTrue(assertThrows(MigrationException.class, () -> OutputFolder.checkApart(tmp, List.of(input)))
                .getMessage().contains("contains the input"));
        assertTrue(assertThrows(MigrationException.class, () -> OutputFolder.checkApart(input.resolve("aks"), List.of(input)))
                .getMessage().contains("is inside the input"));
        assertTrue(assertThrows(MigrationException.class, () -> OutputFolder.checkApart(input, List.of(input)))
                .getMessage().contains("contains the input"));
        OutputFolder.checkApart(tmp.resolve("aks"), List.of(input));
    }

    @Test
    void anOutputNeverHoldsTheFolderTheUserWorksIn(@TempDir Path tmp) {
        Path work = tmp.resolve("repo/sub");
        for (Path out : List.of(work, tmp.resolve("repo"), tmp.resolve("repo/sub/.."))) {
            MigrationException e = assertThrows(MigrationException.class, () -> OutputFolder.checkDoesNotHold(out, work, "the workspace"));
            assertTrue(e.getMessage().contains("holds the workspace and would replace it"), e.getMessage());
        }
        OutputFolder.checkDoesNotHold(work.resolve("out"), work, "the workspace");
    }

    @Test
    void theOutputFolderGetsThePermissionsOfAnyNewFolderNotPrivateOnes(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        write(out, "a.txt");

        // What mkdir gives under this process's umask (0755 under the usual 022), not a temporary folder's 0700.
        Path plain = Files.createDirectory(tmp.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
    }

    private static void write(Path out, String file) throws IOException {
        try (StagedDirectory staged = StagedDirectory.create(out, "convert", false)) {
            Files.writeString(staged.path().resolve(file), file);
            staged.commit();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
