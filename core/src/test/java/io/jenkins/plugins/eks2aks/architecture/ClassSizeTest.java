package io.jenkins.plugins.eks2aks.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classes stay small (one concept per file): a source file of the engine over {@value #LIMIT} lines must say why at
 * its top, in the Javadoc of its class, with a line starting {@code Long because:} (a paragraph of its own, {@code <p>Long because:}, reads
 * best). The offenders are found by
 * reading the sources, never listed here, so a file that grows past the limit fails this test until it is split
 * or its reason is written.
 */
class ClassSizeTest {

    static final int LIMIT = 300;
    static final String MARKER = "Long because:";
    private static final Path SOURCES = Path.of("src", "main", "java");
    // The first top-level type declaration: what comes before it is the file's top (package, imports, Javadoc).
    private static final Pattern TYPE = Pattern.compile(
            "^(?:public |final |abstract |sealed |non-sealed )*(?:class|record|interface|enum|@interface) ");
    private static final Pattern REASON = Pattern.compile("^\\s*\\*\\s*(?:<p>)?" + Pattern.quote(MARKER) + "\\s*\\S");

    @Test
    void everyLongClassSaysWhyAtItsTop() throws IOException {
        List<String> unexplained = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() > LIMIT && !explained(lines)) {
                unexplained.add(SOURCES.relativize(file) + " (" + lines.size() + " lines)");
            }
        }
        assertTrue(unexplained.isEmpty(), "over " + LIMIT + " lines with no '" + MARKER + "' line in the class "
                + "Javadoc: split them, or write the reason at their top: " + unexplained);
    }

    @Test
    void theCheckReadsTheReasonOnlyAtTheTop() {
        assertTrue(explained(List.of("/**", " * Reads things.", " * Long because: one format, one pass.", " */",
                "public final class Reader {")));
        assertTrue(!explained(List.of("/** Reads things. */", "public final class Reader {",
                "    // Long because: a comment inside the class is not the class's reason", "}")));
        assertTrue(!explained(List.of("/**", " * Long because:", " */", "final class Empty {")), "an empty reason");
    }

    static boolean explained(List<String> lines) {
        for (String line : lines) {
            if (TYPE.matcher(line).find()) {
                return false;
            }
            if (REASON.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> sources() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the core module: " + SOURCES.toAbsolutePath());
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
