package io.jenkins.plugins.eks2aks.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.files.StagedDirectory;
import io.jenkins.plugins.eks2aks.report.JUnitXml;
import io.jenkins.plugins.eks2aks.report.MarkdownRenderer;
import io.jenkins.plugins.eks2aks.report.ReportDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports of a traffic shift: {@code traffic-shift.json} (schema {@link #SCHEMA}: the weights over time and every
 * probe), {@code traffic-shift.md} for people, and {@code traffic-shift-junit.xml} with one test case per gate.
 */
public final class TrafficReport {

    public static final String SCHEMA = "eks2aks.io/traffic-shift/v1";
    public static final String JSON = "traffic-shift.json";
    public static final String MARKDOWN = "traffic-shift.md";
    public static final String JUNIT = "traffic-shift-junit.xml";

    public TrafficResult write(TrafficRequest request, String where, TrafficOutcome outcome, int from, int to, List<WeightChange> changes,
                               List<ProbeResult> probes, String failure) {
        Path output = request.output().toAbsolutePath().normalize();
        TrafficResult result = new TrafficResult(outcome, where, request.hostnames(), from, to, changes, probes, failure,
                output.resolve(JSON), output.resolve(MARKDOWN), output.resolve(JUNIT));
        try (StagedDirectory staged = StagedDirectory.create(output, TrafficShift.TOPIC, request.forceOutput())) {
            write(staged.path().resolve(JSON), json(request, result));
            write(staged.path().resolve(MARKDOWN), new MarkdownRenderer().render(markdown(request, result)));
            write(staged.path().resolve(JUNIT), junit(result));
            staged.commit();
        }
        return result;
    }

    private static String json(TrafficRequest request, TrafficResult r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("where", r.where());
        root.put("outcome", r.outcome().name());
        root.put("fromPercent", r.fromPercent());
        root.put("aksPercent", r.toPercent());
        root.put("failure", r.failure());
        root.put("eksTarget", request.targets().eks());
        root.put("aksTarget", request.targets().aks());
        ArrayNode hosts = root.putArray("hostnames");
        r.hostnames().forEach(hosts::add);
        ArrayNode weights = root.putArray("weights");
        request.weights().forEach(weights::add);
        ArrayNode changes = root.putArray("changes");
        for (WeightChange c : r.changes()) {
            ObjectNode n = changes.addObject().put("at", c.at().toString()).put("kind", c.kind().name()).put("aksPercent", c.aksPercent())
                    .put("eksPercent", 100 - c.aksPercent()).put("applied", c.applied());
            if (c.ttl() != null) {
                n.put("ttl", c.ttl());
            }
            ArrayNode lines = n.putArray("records");
            c.lines().forEach(lines::add);
        }
        ArrayNode probes = root.putArray("probes");
        for (ProbeResult p : r.probes()) {
            probes.addObject().put("at", p.at().toString()).put("aksPercent", p.aksPercent()).put("target", p.target())
                    .put("passed", p.passed()).put("status", p.status()).put("millis", p.millis()).put("detail", p.detail());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a traffic report tree always serializes", e);
        }
    }

    private static ReportDocument markdown(TrafficRequest request, TrafficResult r) {
        ReportDocument doc = new ReportDocument("Traffic shift: " + String.join(", ", r.hostnames()));
        doc.paragraph("**" + r.outcome() + "**: " + r.oneLine() + ". Weights in " + r.where() + "; EKS " + request.targets().eks()
                + ", AKS " + request.targets().aks() + ".");
        doc.section("Weights over time");
        doc.table(List.of("At", "Change", "EKS %", "AKS %", "TTL", "Applied"), r.changes().stream()
                .map(c -> List.of(c.at().toString(), c.kind().name(), String.valueOf(100 - c.aksPercent()), String.valueOf(c.aksPercent()),
                        c.ttl() == null ? "kept" : String.valueOf(c.ttl()), c.applied() ? "yes" : "no (dry run)")).toList(), "No change was needed.");
        doc.section("Health probes");
        doc.table(List.of("At", "AKS %", "Target", "Result", "Detail"), r.probes().stream()
                .map(p -> List.of(p.at().toString(), String.valueOf(p.aksPercent()), p.target(), p.passed() ? "PASS" : "FAIL", p.detail()))
                .toList(), request.gate() == null ? "No health gate was configured." : "No probe ran.");
        if (!r.changes().isEmpty()) {
            doc.section("Record changes");
            List<String> lines = new ArrayList<>();
            r.changes().forEach(c -> c.lines().forEach(l -> lines.add(c.kind() + ": " + l)));
            doc.bullets(lines);
        }
        return doc;
    }

    private static String junit(TrafficResult r) {
        Map<Integer, List<ProbeResult>> gates = new LinkedHashMap<>();
        r.probes().forEach(p -> gates.computeIfAbsent(p.aksPercent(), k -> new ArrayList<>()).add(p));
        List<JUnitXml.TestCase> cases = new ArrayList<>();
        for (Map.Entry<Integer, List<ProbeResult>> gate : gates.entrySet()) {
            ProbeResult last = gate.getValue().get(gate.getValue().size() - 1);
            cases.add(new JUnitXml.TestCase("shiftTraffic", "health gate at " + gate.getKey() + "% AKS", last.passed() ? new JUnitXml.Passed(null)
                    : new JUnitXml.Failed(last.target() + ": " + last.detail(), "GateFailed",
                    gate.getValue().size() + " probe(s); the weights over time are in " + MARKDOWN)));
        }
        return JUnitXml.render("shiftTraffic " + String.join(", ", r.hostnames()), 0, cases);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot write '" + file + "': " + e.getMessage(), e);
        }
    }
}
