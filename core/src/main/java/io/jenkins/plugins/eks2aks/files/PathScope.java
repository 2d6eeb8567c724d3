package io.jenkins.plugins.eks2aks.files;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Where the paths a user gives are read from, and what they may reach. On the command line a path is taken as given
 * (relative to the current folder) and may point anywhere the user can; in a Jenkins step every path is resolved
 * against the workspace and must stay inside it, by {@code ..} as well as by symbolic link, because the step runs
 * with the agent's rights on a machine the Jenkinsfile's author may not own.
 *
 * <p>Whatever the scope, an output folder is never the base folder or one of its parents (replacing it would move
 * aside and delete the user's checkout or the workspace), never holds an input and never lies inside one.
 */
public final class PathScope {

    private final Path base;
    private final boolean confined;
    private final String baseName;

    private PathScope(Path base, boolean confined, String baseName) {
        this.base = base;
        this.confined = confined;
        this.baseName = baseName;
    }

    /** The command line: paths as given, relative to the current folder. */
    public static PathScope currentFolder() {
        return new PathScope(Path.of(""), false, "the current folder");
    }

    /** A Jenkins step: paths relative to the workspace, confined to it. */
    public static PathScope workspace(Path workspace) {
        return new PathScope(workspace.toAbsolutePath().normalize(), true, "the workspace");
    }

    /**
     * An input path (file or folder), or null when {@code value} is null or blank.
     *
     * @param value  the path as the user gave it
     * @param option how the front end names the option, for the message
     */
    public Path input(String value, String option) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return resolve(value.trim(), option);
    }

    /**
     * An output folder: resolved like an input, then refused when replacing it would delete the base folder (the
     * workspace, the current folder) or an input.
     *
     * @param inputs the inputs of the same run (null entries are ignored)
     */
    public Path output(String value, String option, Collection<Path> inputs) {
        if (value == null || value.isBlank()) {
            throw new MigrationException(option + " is required: the output folder, e.g. eks2aks/out");
        }
        Path out = resolve(value.trim(), option);
        OutputFolder.checkDoesNotHold(out, base, baseName);
        OutputFolder.checkApart(out, inputs.stream().filter(p -> p != null).toList());
        return out;
    }

    private Path resolve(String value, String option) {
        Path given;
        try {
            given = Path.of(value);
        } catch (InvalidPathException e) {
            throw new MigrationException(option + " '" + value + "' is not a valid path: " + e.getReason());
        }
        if (!confined) {
            return given;
        }
        Path resolved = base.resolve(given).normalize();
        if (!resolved.startsWith(base)) {
            throw new MigrationException(option + " '" + value + "' leads outside " + baseName + ": give a path inside it");
        }
        if (!realPathInside(resolved)) {
            throw new MigrationException(option + " '" + value + "' leads outside " + baseName
                    + " through a symbolic link: give a path inside it");
        }
        return resolved;
    }

    /** Whether the nearest existing part of {@code path}, with every link followed, is still inside the base. */
    private boolean realPathInside(Path path) {
        Path realBase;
        try {
            realBase = base.toRealPath();
        } catch (IOException e) {
            throw new MigrationException("Cannot read " + baseName + " '" + base + "': " + e.getMessage(), e);
        }
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return true;
        }
        try {
            return existing.toRealPath().startsWith(realBase);
        } catch (IOException e) {
            return false; // a link to nothing: where it would lead is not known, so it is not trusted
        }
    }
}
