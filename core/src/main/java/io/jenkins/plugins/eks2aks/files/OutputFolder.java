package io.jenkins.plugins.eks2aks.files;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * The rules for a folder a command replaces as a whole. eks2aks replaces only what it wrote: a new folder, an empty
 * one, or one carrying its marker file ({@value #MARKER}, written into every output folder). Any other folder is
 * refused unless the user forces it, so {@code --out .} in a checkout or {@code --out ~} never deletes anything.
 * Whatever the force, an output is never a file-system root, never holds an input and never sits inside one.
 */
public final class OutputFolder {

    /** The file that marks a folder as written by eks2aks (and so replaceable by the next run). */
    public static final String MARKER = ".eks2aks-output";

    private OutputFolder() {
    }

    /**
     * Refuses a folder this run may not replace, before any work starts.
     *
     * @param folder  the output folder as the user gave it
     * @param force   the user asked to replace a folder eks2aks did not write
     * @throws OutputFolderInUseException a non-empty folder without the marker, without {@code force}
     * @throws MigrationException          a root folder, or a path that exists and is not a folder
     */
    public static void checkReplaceable(Path folder, boolean force) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new MigrationException("Output folder '" + folder + "' is a file-system root: choose a folder of its own, e.g. target/aks");
        }
        if (!Files.exists(absolute)) {
            return;
        }
        if (!Files.isDirectory(absolute)) {
            throw new MigrationException("Output '" + folder + "' exists and is not a folder: choose another output folder");
        }
        if (force || Files.isRegularFile(absolute.resolve(MARKER)) || isEmpty(absolute)) {
            return;
        }
        throw new OutputFolderInUseException(absolute, folder.toString());
    }

    /**
     * An output folder eks2aks wrote for something the command must not replace (e.g. a migration's folder, which holds
     * the ledger and every step's reports); {@code message} says what it is and what to do instead.
     */
    public static OutputFolderInUseException inUse(Path folder, String message) {
        return new OutputFolderInUseException(folder.toAbsolutePath().normalize(), message, true);
    }

    /**
     * Refuses an output that holds one of the inputs or lies inside one (replacing it would delete the input, or
     * the next run would read its own output).
     *
     * @param folder the output folder as the user gave it
     * @param inputs the input files or folders
     */
    public static void checkApart(Path folder, Collection<Path> inputs) {
        Path output = folder.toAbsolutePath().normalize();
        for (Path input : inputs) {
            Path in = input.toAbsolutePath().normalize();
            if (in.startsWith(output)) {
                throw new MigrationException("Output folder '" + folder + "' contains the input '" + input
                        + "' and would replace it: choose another output folder");
            }
            if (Files.isDirectory(in) && output.startsWith(in)) {
                throw new MigrationException("Output folder '" + folder + "' is inside the input '" + input
                        + "': choose an output outside it, e.g. target/aks");
            }
        }
    }

    /**
     * Refuses an output that is {@code place} or one of its parents, whatever the force: replacing it would move
     * aside and delete the folder the user works in.
     *
     * @param folder    the output folder as the user gave it
     * @param place     the folder to keep, e.g. the current folder or a Jenkins workspace
     * @param placeName how the message names it, e.g. {@code the current folder}
     */
    public static void checkDoesNotHold(Path folder, Path place, String placeName) {
        if (place.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize())) {
            throw new MigrationException("Output folder '" + folder + "' holds " + placeName
                    + " and would replace it: choose a folder inside it, e.g. eks2aks/out");
        }
    }

    /** Marks {@code folder} as written by eks2aks; {@code command} names what wrote it, for a person who finds it. */
    static void mark(Path folder, String command) throws IOException {
        Files.writeString(folder.resolve(MARKER), "Written by eks2aks " + command
                + ". The next run replaces this folder as a whole: keep nothing else here.\n", StandardCharsets.UTF_8);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new MigrationException("Cannot read output folder '" + dir + "': " + e.getMessage(), e);
        }
    }
}
