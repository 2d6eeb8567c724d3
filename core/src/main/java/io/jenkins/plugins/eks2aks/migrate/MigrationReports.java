package io.jenkins.plugins.eks2aks.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The run's report: {@code migration.json} and {@code migration.md}, what each step did in the last run and why. */
final class MigrationReports {

    static final String JSON = "migration.json";
    static final String MARKDOWN = "migration.md";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MigrationReports() {
    }

    /** @param shiftTraffic how the front end names the traffic shift, which the report says is still to come */
    static void write(Path folder, MigrationSummary summary, String shiftTraffic) {
        try {
            Files.writeString(folder.resolve(JSON), json(summary), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(MARKDOWN), markdown(summary, shiftTraffic), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot write the migration report into '" + folder + "': " + e.getMessage(), e);
        }
    }

    static String json(MigrationSummary summary) {
        try {
            return MAPPER.writeValueAsString(summary.toMap()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialize", e);
        }
    }

    static String markdown(MigrationSummary summary, String shiftTraffic) {
        StringBuilder md = new StringBuilder("# Migration run\n\n").append(summary.oneLine()).append("\n\n");
        md.append("| Step | State | Why | Result |\n|---|---|---|---|\n");
        for (StepStatus s : summary.steps()) {
            md.append("| ").append(s.step()).append(" | ").append(s.state().key()).append(" | ").append(cell(s.reason()))
                    .append(" | ").append(cell(s.message())).append(" |\n");
        }
        md.append("\nEach step's reports are in the folder of its name. The ledger (`ledger.json`) keeps every finished step; "
                + "a re-run skips those whose inputs did not change. Traffic has not moved: "
                + shiftTraffic + " moves it, separately and gated.\n");
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
