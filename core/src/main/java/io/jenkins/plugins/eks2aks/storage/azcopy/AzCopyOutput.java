package io.jenkins.plugins.eks2aks.storage.azcopy;

import io.jenkins.plugins.eks2aks.credentials.SecretMask;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.storage.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads AzCopy's JSON lines as they come: logs progress every few seconds, info and errors as they are (masked), and
 * collects what the run ended with. Lines that are not JSON are tolerated and logged as text.
 */
final class AzCopyOutput {

    private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

    private final EventSink events;
    private final String topic;
    private final SecretMask masking;
    private final String destinationUrl;
    private long lastProgress = System.nanoTime();
    private String jobId;
    private AzCopyMessage end;
    private String fatal;
    private String lastError;
    private long dryRunBytes;
    private final List<String> dryRun = new ArrayList<>();

    /**
     * @param destinationUrl the container URL with the prefix, so dry-run lines name objects the way the java engine does
     */
    AzCopyOutput(EventSink events, String topic, SecretMask masking, String destinationUrl) {
        this.events = events;
        this.topic = topic;
        this.masking = masking;
        this.destinationUrl = destinationUrl;
    }

    void accept(String line) {
        AzCopyMessage m = AzCopyMessage.parse(line);
        switch (m.type()) {
            case "Init" -> jobId = m.string("JobID") != null ? m.string("JobID") : jobId;
            case "Progress" -> progress(m);
            case "EndOfJob" -> end = m;
            case "Dryrun" -> {
                String name = name(m.string("Destination"));
                long size = m.number("SourceSize");
                dryRunBytes += size;
                dryRun.add(name + " (" + Bytes.human(size) + ")");
                events.info(topic, "would copy " + name + " (" + Bytes.human(size) + ")");
            }
            case "Error" -> {
                lastError = firstLine(m.text());
                events.warn(topic, "azcopy: " + masking.mask(lastError));
            }
            case AzCopyMessage.TEXT -> {
                if (!line.isBlank()) {
                    lastError = line.strip();
                    events.debug(topic, "azcopy: " + masking.mask(line.strip()));
                }
            }
            default -> {
                String text = firstLine(m.text());
                if (text.contains("Authentication failed") && fatal == null) {
                    fatal = text.replaceFirst("^INFO: ", "");
                }
                if (!text.isBlank()) {
                    events.info(topic, "azcopy: " + masking.mask(text));
                }
            }
        }
    }

    private void progress(AzCopyMessage m) {
        long now = System.nanoTime();
        if (now - lastProgress < PROGRESS_INTERVAL_NANOS) {
            return;
        }
        lastProgress = now;
        events.info(topic, String.format(Locale.ROOT, "%d/%d transfers, %s of %s, %d failed, %d skipped (azcopy %s%%)",
                m.number("TransfersCompleted"), m.number("TotalTransfers"), Bytes.human(m.number("TotalBytesTransferred")),
                Bytes.human(m.number("TotalBytesExpected")), m.number("TransfersFailed"), m.number("TransfersSkipped"),
                m.string("PercentComplete")));
    }

    AzCopyJobResult result(int exitCode) {
        List<String> failed = new ArrayList<>();
        if (end != null && end.content() != null && end.content().get("FailedTransfers") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> t) {
                    Object dst = t.get("Dst");
                    Object error = t.get("ErrorCode");
                    failed.add(name(dst == null ? String.valueOf(t.get("Src")) : dst.toString()) + ": azcopy transfer failed"
                            + (error == null ? "" : " (" + error + ")"));
                }
            }
        }
        return new AzCopyJobResult(exitCode, jobId, end, failed, dryRun, dryRunBytes, fatal == null ? null : masking.mask(fatal),
                lastError == null ? null : masking.mask(lastError));
    }

    /** The object's name below the destination prefix, from a blob URL AzCopy prints. */
    private String name(String url) {
        if (url == null) {
            return "?";
        }
        String path = url.replaceFirst("\\?.*$", "");
        String decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        return decoded.startsWith(destinationUrl) ? decoded.substring(destinationUrl.length()) : masking.mask(decoded);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }
}
