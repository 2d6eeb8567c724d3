package io.jenkins.plugins.eks2aks.cli;

import picocli.CommandLine.Option;

/**
 * {@code --force} of the commands that replace their {@code --out} folder as a whole (the engine's {@code force}). The
 * engine's {@code PathScope} keeps the current folder and the inputs safe whatever it says.
 */
final class ForceOutputOption {

    static final String NAME = "--force";

    @Option(names = NAME, description = "Replace the --out folder even though eks2aks did not write it (it holds other files). "
            + "Without it such a folder is refused and nothing changes.")
    boolean force;
}
