package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.files.OutputFolder;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --force} of the commands that replace their {@code --out} folder as a whole (the engine's {@code force}). The
 * engine's {@code PathScope} keeps the current folder and the inputs safe whatever it says.
 */
final class ForceOutputOption {

    static final String NAME = "--force";

    @Option(names = NAME, description = "Replace the --out folder even though eks2aks did not write it (it holds other files). "
            + "Without it such a folder is refused and nothing changes.")
    boolean force;

    /**
     * The output folder, once it is known not to hold the folder the user works in (never replaced, even with
     * --force: that would move aside and delete the current folder). Commands that build their request through
     * an engine {@code XxxOptions} get this, and more (inputs kept apart), from {@code PathScope.currentFolder()}.
     */
    Path checked(Path out) {
        OutputFolder.checkDoesNotHold(out, Path.of(""), "the current folder");
        return out;
    }
}
