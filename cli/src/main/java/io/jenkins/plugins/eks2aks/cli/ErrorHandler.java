package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.OptionException;
import io.jenkins.plugins.eks2aks.clusters.MissingCredentials;
import io.jenkins.plugins.eks2aks.files.OutputFolderInUseException;
import picocli.CommandLine;

/** Prints a user-facing error as one line; anything unexpected keeps its stack trace for the bug report. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (ex instanceof OutputFolderInUseException) {
            commandLine.getErr().println("eks2aks: error: " + ex.getMessage() + " with " + ForceOutputOption.NAME);
        } else if (ex instanceof OptionException) {
            commandLine.getErr().println("eks2aks: error: " + ex.getMessage());
            commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
            return Eks2AksCommand.EXIT_USAGE;
        } else if (ex instanceof MigrationException) {
            commandLine.getErr().println("eks2aks: error: " + ex.getMessage());
        } else if (MissingCredentials.in(ex).isPresent()) {
            commandLine.getErr().println("eks2aks: error: " + MissingCredentials.in(ex).get().getMessage());
        } else {
            commandLine.getErr().println("eks2aks: unexpected error (please report it): " + ex);
            ex.printStackTrace(commandLine.getErr());
        }
        return Eks2AksCommand.EXIT_ERROR;
    }
}
