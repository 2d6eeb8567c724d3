package io.jenkins.plugins.eks2aks.files;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.nio.file.Path;

/**
 * An output folder that holds files eks2aks did not write. The message says what to do without naming an option;
 * each front end adds how it spells the override ({@code --force} on the command line, {@code force: true} in a step).
 */
public final class OutputFolderInUseException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final String folder;

    OutputFolderInUseException(Path folder, String shownAs) {
        super("Output folder '" + shownAs + "' is not empty and was not written by eks2aks (it has no "
                + OutputFolder.MARKER + " file): nothing was changed. Choose a new or empty folder, or replace this one on purpose");
        this.folder = folder.toString();
    }

    /** A folder eks2aks wrote, but for something this command must not replace; {@code message} says what to do instead. */
    OutputFolderInUseException(Path folder, String message, boolean custom) {
        super(message);
        this.folder = folder.toString();
    }

    /** The folder, absolute. */
    public String folder() {
        return folder;
    }
}
