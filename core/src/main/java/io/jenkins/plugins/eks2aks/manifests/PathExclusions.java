package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.OptionException;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Paths of the input a conversion leaves alone ({@code --exclude}, the step's {@code exclude}): neither read, nor
 * converted, nor copied. Globs as {@code .gitignore} reads them: one without {@code /} matches a file or folder name
 * at any depth ({@code *.json}, {@code test}); one with {@code /} matches the path from the input folder
 * ({@code charts/**}, {@code overlays/dev}). A matching folder excludes everything in it.
 */
public final class PathExclusions {

    public static final PathExclusions NONE = new PathExclusions(List.of());

    private final List<String> globs;
    private final List<PathMatcher> matchers;

    private PathExclusions(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.matchers = this.globs.stream().map(PathExclusions::matcher).toList();
    }

    /**
     * @param globs  as given; blank entries are ignored
     * @param option how the front end names the option, for the message
     * @throws OptionException a glob that is not one
     */
    public static PathExclusions of(List<String> globs, String option) {
        List<String> kept = new ArrayList<>();
        for (String glob : globs == null ? List.<String>of() : globs) {
            if (glob == null || glob.isBlank()) {
                continue;
            }
            String trimmed = trim(glob);
            try {
                matcher(trimmed);
            } catch (PatternSyntaxException e) {
                throw new OptionException(option + " '" + glob + "' is not a glob: " + e.getDescription()
                        + "; use * within a name, ** across folders, {a,b} for either");
            }
            kept.add(trimmed);
        }
        return new PathExclusions(kept);
    }

    /** The globs, as matched. */
    public List<String> globs() {
        return globs;
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    /** Whether {@code relative} (a path from the input folder, {@code /}-separated) or a folder above it is excluded. */
    public boolean excludes(String relative) {
        if (globs.isEmpty()) {
            return false;
        }
        Path path = Path.of(relative);
        for (int end = 1; end <= path.getNameCount(); end++) {
            Path prefix = path.subpath(0, end);
            Path name = prefix.getFileName();
            for (int i = 0; i < globs.size(); i++) {
                PathMatcher matcher = matchers.get(i);
                if (globs.get(i).contains("/") ? matcher.matches(prefix) : matcher.matches(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    /** {@code ./a/} and {@code a} mean the same folder. */
    private static String trim(String glob) {
        String g = glob.trim().replace('\\', '/');
        while (g.startsWith("./")) {
            g = g.substring(2);
        }
        while (g.length() > 1 && g.endsWith("/")) {
            g = g.substring(0, g.length() - 1);
        }
        return g;
    }

    @Override
    public String toString() {
        return String.join(", ", globs);
    }
}
