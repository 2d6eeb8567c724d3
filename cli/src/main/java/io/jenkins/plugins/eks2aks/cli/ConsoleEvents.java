package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;

import java.io.PrintWriter;

/** Renders engine events on the terminal: progress on stdout, problems on stderr. */
final class ConsoleEvents implements EventSink {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;
    private final boolean quiet;

    ConsoleEvents(PrintWriter out, PrintWriter err, boolean verbose, boolean quiet) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    @Override
    public boolean wants(EventLevel level) {
        return switch (level) {
            case DEBUG -> verbose;
            case INFO -> !quiet;
            default -> true;
        };
    }

    @Override
    public synchronized void emit(MigrationEvent event) {
        switch (event.level()) {
            case DEBUG -> {
                if (verbose) {
                    out.println(event.toLogLine());
                }
            }
            case INFO -> {
                if (!quiet) {
                    out.println(event.toLogLine());
                }
            }
            case WARNING, ERROR -> err.println(event.toLogLine());
        }
        out.flush();
        err.flush();
    }
}
