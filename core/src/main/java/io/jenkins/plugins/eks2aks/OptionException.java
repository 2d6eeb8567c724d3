package io.jenkins.plugins.eks2aks;

/**
 * An option or parameter value that can never work (an unknown choice, options that exclude each other, nothing to
 * work on). The message names the option the way the front end spells it ({@code --format} on the command line,
 * {@code 'format'} in a step), through the feature's {@code Names}. The CLI treats it as a usage error (exit 64);
 * a step fails with it before any work starts.
 */
public class OptionException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public OptionException(String message) {
        super(message);
    }

    /** The value of {@code option} is not one of {@code allowed}. */
    public static OptionException invalidChoice(String option, String value, String allowed) {
        return new OptionException("Invalid value for " + option + ": '" + value + "' (allowed: " + allowed + ")");
    }
}
