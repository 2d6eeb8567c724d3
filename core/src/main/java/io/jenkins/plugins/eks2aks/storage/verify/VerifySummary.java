package io.jenkins.plugins.eks2aks.storage.verify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gate found. Serializable with JDK types only, so a step can carry it back from the agent.
 *
 * @param source      the source as people read it
 * @param destination the destination, SAS masked
 * @param objects     objects in the source
 * @param bytes       their bytes
 * @param byMd5       objects whose content was proved equal by the source's MD5 ETag and the blob's Content-MD5
 * @param byReread    objects whose content was proved equal by re-reading both sides (SHA-256)
 * @param sizeOnly    objects only checked by name and size (not sampled)
 * @param findings    everything wrong, missing first
 * @param seconds     how long it took
 */
public record VerifySummary(String source, String destination, long objects, long bytes, long byMd5, long byReread, long sizeOnly,
                            List<Finding> findings, double seconds) implements Serializable {

    private static final long serialVersionUID = 1L;

    public VerifySummary {
        findings = new ArrayList<>(findings);
    }

    public boolean passed() {
        return findings.isEmpty() && objects > 0;
    }

    public long count(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).count();
    }

    public String oneLine() {
        if (objects == 0) {
            return "FAILED: the source holds no objects";
        }
        return (passed() ? "PASSED: " : "FAILED: ") + objects + " objects; content equal by MD5 " + byMd5 + ", by re-read " + byReread
                + ", size only " + sizeOnly + "; missing " + count(Finding.Kind.MISSING) + ", truncated "
                + count(Finding.Kind.TRUNCATED) + ", different " + count(Finding.Kind.DIFFERENT) + ", extra "
                + count(Finding.Kind.EXTRA) + (count(Finding.Kind.VELERO_LAYOUT) > 0 ? ", Velero layout problems "
                + count(Finding.Kind.VELERO_LAYOUT) : "");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passed", passed());
        map.put("source", source);
        map.put("destination", destination);
        map.put("objects", objects);
        map.put("bytes", bytes);
        map.put("contentEqualByMd5", byMd5);
        map.put("contentEqualByReread", byReread);
        map.put("sizeOnly", sizeOnly);
        for (Finding.Kind kind : Finding.Kind.values()) {
            map.put(kind.name().toLowerCase(java.util.Locale.ROOT).replace("_l", "L"), count(kind));
        }
        List<Object> list = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", f.name());
            one.put("kind", f.kind().name());
            one.put("detail", f.detail());
            list.add(one);
        }
        map.put("findings", list);
        map.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return map;
    }
}
