package io.jenkins.plugins.eks2aks.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The steps a migration finished, oldest first, as kept in {@code ledger.json}. Immutable: {@link #with} gives a new
 * ledger, {@link #write} replaces the file in one rename, so a run killed while writing leaves the previous ledger.
 */
public final class Ledger {

    public static final String FILE = "ledger.json";
    public static final String SCHEMA = "eks2aks.io/ledger/v1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<LedgerEntry> entries;

    private Ledger(List<LedgerEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Ledger empty() {
        return new Ledger(List.of());
    }

    /**
     * The ledger in {@code file}, or an empty one when there is none.
     *
     * @throws MigrationException one line naming the file and the field when it cannot be read
     */
    public static Ledger read(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw unreadable(file, e.getMessage().lines().findFirst().orElse("not JSON"));
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw unreadable(file, "no schema " + SCHEMA);
        }
        List<LedgerEntry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode n : root.path("entries")) {
            entries.add(entry(file, n, index++));
        }
        return new Ledger(entries);
    }

    public List<LedgerEntry> entries() {
        return entries;
    }

    /** This ledger and {@code entry} after it. */
    public Ledger with(LedgerEntry entry) {
        List<LedgerEntry> next = new ArrayList<>(entries);
        next.add(entry);
        return new Ledger(next);
    }

    /** The latest entry of {@code step}, or empty when it never finished. */
    public Optional<LedgerEntry> latest(String step) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).step().equals(step)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code step}'s latest run succeeded with the same inputs, so it need not run again. */
    public boolean upToDate(String step, String inputsDigest) {
        return latest(step).filter(e -> e.succeeded() && e.inputsDigest().equals(inputsDigest)).isPresent();
    }

    /**
     * The throughput measured for {@code step} in {@code unit} per second: the units its successful runs moved over
     * the time they took together. Empty when no successful run moved any (or took measurable time).
     */
    public OptionalDouble rate(String step, String unit) {
        long units = 0;
        long millis = 0;
        for (LedgerEntry e : entries) {
            Long n = e.work().get(unit);
            if (e.step().equals(step) && e.succeeded() && n != null && n > 0 && e.duration().toMillis() > 0) {
                units += n;
                millis += e.duration().toMillis();
            }
        }
        return millis == 0 ? OptionalDouble.empty() : OptionalDouble.of(units * 1000.0 / millis);
    }

    /** How long {@code step}'s successful runs took on average, in seconds; empty when none succeeded. */
    public OptionalDouble averageSeconds(String step) {
        return entries.stream().filter(e -> e.step().equals(step) && e.succeeded())
                .mapToDouble(e -> e.duration().toMillis() / 1000.0).average();
    }

    /** Writes the ledger to {@code file}: a sibling temporary file, then one rename. */
    public void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode array = root.putArray("entries");
        for (LedgerEntry e : entries) {
            ObjectNode n = array.addObject();
            n.put("step", e.step());
            n.put("inputsDigest", e.inputsDigest());
            ArrayNode outputs = n.putArray("outputs");
            e.outputs().forEach(outputs::add);
            n.put("start", e.start().toString());
            n.put("end", e.end().toString());
            n.put("outcome", e.outcome().key());
            ObjectNode work = n.putObject("work");
            e.work().forEach(work::put);
            if (e.note() != null) {
                n.put("note", e.note());
            }
        }
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try {
                Files.writeString(temp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot write the ledger '" + file + "': " + e.getMessage(), e);
        }
    }

    private static LedgerEntry entry(Path file, JsonNode n, int index) {
        String where = "entries[" + index + "]";
        String step = text(file, n, where, "step");
        List<String> outputs = new ArrayList<>();
        n.path("outputs").forEach(o -> outputs.add(o.asText()));
        Map<String, Long> work = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("work").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> w = it.next();
            if (!w.getValue().canConvertToLong()) {
                throw unreadable(file, where + ".work." + w.getKey() + " is not a whole number");
            }
            work.put(w.getKey(), w.getValue().asLong());
        }
        LedgerEntry.Outcome outcome;
        try {
            outcome = LedgerEntry.Outcome.fromKey(text(file, n, where, "outcome"));
        } catch (IllegalArgumentException e) {
            throw unreadable(file, where + ".outcome is not succeeded, failed or skipped");
        }
        try {
            return new LedgerEntry(step, text(file, n, where, "inputsDigest"), outputs,
                    instant(file, n, where, "start"), instant(file, n, where, "end"), outcome, work,
                    n.hasNonNull("note") ? n.get("note").asText() : null);
        } catch (IllegalArgumentException e) {
            throw unreadable(file, where + ": " + e.getMessage());
        }
    }

    private static String text(Path file, JsonNode n, String where, String field) {
        JsonNode value = n.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw unreadable(file, where + "." + field + " is missing");
        }
        return value.asText();
    }

    private static Instant instant(Path file, JsonNode n, String where, String field) {
        String text = text(file, n, where, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw unreadable(file, where + "." + field + " '" + text + "' is not an ISO-8601 instant");
        }
    }

    private static MigrationException unreadable(Path file, String why) {
        return new MigrationException("Cannot read the ledger '" + file + "': " + why
                + " (fix it, or delete it to run every step again)");
    }
}
