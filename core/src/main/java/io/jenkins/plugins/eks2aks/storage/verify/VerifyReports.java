package io.jenkins.plugins.eks2aks.storage.verify;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.files.StagedDirectory;
import io.jenkins.plugins.eks2aks.images.registry.JsonValues;
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
 * {@code verify.json}, {@code verify.md} and {@code verify-junit.xml}: one test case per object, so Jenkins' {@code junit}
 * step lists each missing, truncated or different object by name.
 */
public final class VerifyReports {

    public static final String SCHEMA = "eks2aks.io/verify-storage/v1";
    public static final String JSON = "verify.json";
    public static final String MARKDOWN = "verify.md";
    public static final String JUNIT = "verify-junit.xml";

    /**
     * @param passed the objects that passed, each with how (MD5, SHA-256 or size)
     */
    public void write(VerifySummary summary, Map<String, String> passed, Path output, boolean force) {
        try (StagedDirectory staged = StagedDirectory.create(output.toAbsolutePath().normalize(), StorageVerify.TOPIC, force)) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("schema", SCHEMA);
            root.putAll(summary.toMap());
            Files.writeString(staged.path().resolve(JSON), JsonValues.PRETTY.asString(root) + "\n", StandardCharsets.UTF_8);
            Files.writeString(staged.path().resolve(MARKDOWN), new MarkdownRenderer().render(markdown(summary)), StandardCharsets.UTF_8);
            Files.writeString(staged.path().resolve(JUNIT), junit(summary, passed), StandardCharsets.UTF_8);
            staged.commit();
        } catch (IOException e) {
            throw new MigrationException("Cannot write the verify reports into '" + output + "': " + e.getMessage(), e);
        }
    }

    private static ReportDocument markdown(VerifySummary s) {
        ReportDocument doc = new ReportDocument("Storage verification: " + (s.passed() ? "passed" : "FAILED"));
        doc.paragraph(s.source() + " → " + s.destination() + ": " + s.oneLine() + ".");
        doc.table(List.of("Kind", "Object", "Detail"), s.findings().stream()
                .map(f -> List.of(f.kind().name(), f.name(), f.detail())).toList(), "Nothing missing, truncated, different or extra.");
        return doc;
    }

    static String junit(VerifySummary s, Map<String, String> passed) {
        List<JUnitXml.TestCase> cases = new ArrayList<>();
        if (s.objects() == 0) {
            cases.add(new JUnitXml.TestCase("verifyStorage", "source holds objects",
                    new JUnitXml.Failed("the source holds no objects", "EMPTY", "check the bucket, the prefix and the region")));
        }
        for (Finding f : s.findings()) {
            cases.add(new JUnitXml.TestCase("verifyStorage", f.name(), new JUnitXml.Failed(f.detail(), f.kind().name(), f.oneLine())));
        }
        passed.forEach((name, how) -> cases.add(new JUnitXml.TestCase("verifyStorage", name, new JUnitXml.Passed(how))));
        return JUnitXml.render("verifyStorage " + s.destination(), s.seconds(), cases);
    }
}
