package io.jenkins.plugins.eks2aks.storage.verify;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.files.StagedDirectory;
import io.jenkins.plugins.eks2aks.images.registry.JsonValues;
import io.jenkins.plugins.eks2aks.report.MarkdownRenderer;
import io.jenkins.plugins.eks2aks.report.ReportDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        int cases = passed.size() + s.findings().size() + (s.objects() == 0 ? 1 : 0);
        int failures = s.findings().size() + (s.objects() == 0 ? 1 : 0);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuite name=\"").append(escape("verifyStorage " + s.destination())).append("\" tests=\"").append(cases)
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"")
                .append(String.format(java.util.Locale.ROOT, "%.3f", s.seconds())).append("\">\n");
        if (s.objects() == 0) {
            xml.append("  <testcase classname=\"verifyStorage\" name=\"source holds objects\" time=\"0\">\n")
                    .append("    <failure message=\"the source holds no objects\" type=\"EMPTY\">check the bucket, the prefix and the region")
                    .append("</failure>\n  </testcase>\n");
        }
        for (Finding f : s.findings()) {
            xml.append("  <testcase classname=\"verifyStorage\" name=\"").append(escape(f.name())).append("\" time=\"0\">\n")
                    .append("    <failure message=\"").append(escape(f.detail())).append("\" type=\"").append(f.kind().name()).append("\">")
                    .append(escape(f.oneLine())).append("</failure>\n  </testcase>\n");
        }
        passed.forEach((name, how) -> xml.append("  <testcase classname=\"verifyStorage\" name=\"").append(escape(name))
                .append("\" time=\"0\"><system-out>").append(escape(how)).append("</system-out></testcase>\n"));
        return xml.append("</testsuite>\n").toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 has no way to write most control characters, which an object name may hold.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
