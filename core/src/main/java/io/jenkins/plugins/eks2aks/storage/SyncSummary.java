package io.jenkins.plugins.eks2aks.storage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sync did. Serializable with JDK types only, so a step can carry it back from the agent.
 *
 * @param engine       {@code java} or {@code azcopy}
 * @param source       the source as people read it
 * @param destination  the destination, SAS masked
 * @param dryRun       nothing was copied
 * @param objects      objects in the source
 * @param bytes        their bytes
 * @param copied       objects copied (or, in a dry run, that would be)
 * @param bytesCopied  their bytes
 * @param bytesSent    bytes that went over the wire (less than copied when a killed run's blocks were found)
 * @param skipped      objects already in the destination with the same ETag/size/time
 * @param bytesSkipped their bytes
 * @param failed       objects that could not be copied, each {@code name: reason}
 * @param seconds      how long the run took
 */
public record SyncSummary(String engine, String source, String destination, boolean dryRun, long objects, long bytes, long copied,
                          long bytesCopied, long bytesSent, long skipped, long bytesSkipped, List<String> failed, double seconds)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SyncSummary {
        failed = new ArrayList<>(failed);
    }

    /** The source held nothing below its prefix: a mistake more often than a success. */
    public boolean emptySource() {
        return objects == 0;
    }

    public boolean succeeded() {
        return failed.isEmpty() && !emptySource();
    }

    public String oneLine() {
        String verb = dryRun ? "would copy " : "copied ";
        return verb + copied + " objects (" + Bytes.human(bytesCopied) + (dryRun || bytesSent == bytesCopied ? "" : ", "
                + Bytes.human(bytesSent) + " sent") + "), " + skipped + " unchanged (" + Bytes.human(bytesSkipped) + "), "
                + failed.size() + " failed, in " + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s";
    }

    /** The summary as JDK maps and lists, for the JSON report and a step's return value. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("engine", engine);
        map.put("source", source);
        map.put("destination", destination);
        map.put("dryRun", dryRun);
        map.put("objects", objects);
        map.put("bytes", bytes);
        map.put("copied", copied);
        map.put("bytesCopied", bytesCopied);
        map.put("bytesSent", bytesSent);
        map.put("skipped", skipped);
        map.put("bytesSkipped", bytesSkipped);
        map.put("failed", failed.size());
        map.put("failures", new ArrayList<>(failed));
        map.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return map;
    }
}
