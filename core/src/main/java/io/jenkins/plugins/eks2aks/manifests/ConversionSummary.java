package io.jenkins.plugins.eks2aks.manifests;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a conversion in plain values, so it can cross from a Jenkins agent to the controller and be
 * returned to a Pipeline script as a Map.
 *
 * @param outputDirectory  the converted manifests ({@code manifests/}) or the overlay ({@code overlay/}), or
 *                         null in a dry run
 * @param reportJson       path of the JSON report, or null in a dry run
 * @param reportMarkdown   path of the Markdown report, or null in a dry run
 * @param reportHtml       path of the HTML report, or null in a dry run
 * @param format           {@code FILES} or {@code KUSTOMIZE}
 * @param veleroConfigMaps paths of the Velero ConfigMap files written; empty when none were asked for, or in a dry run
 */
public record ConversionSummary(int files, int documents, int objects, int changedDocuments,
                                Map<String, Integer> changesByMode, int pendingDecisions, int conflicts,
                                boolean dryRun, String outputDirectory, String reportJson, String reportMarkdown,
                                String reportHtml, String format, List<String> veleroConfigMaps)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    public ConversionSummary {
        changesByMode = Map.copyOf(changesByMode);
        veleroConfigMaps = List.copyOf(veleroConfigMaps);
    }

    public int changes() {
        return changesByMode.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line for a log or a terminal. */
    public String oneLine() {
        return String.format("%d files, %d documents, %d objects; %d documents changed; %d changes (%d AUTO, %d need a decision); %d conflicts%s",
                files, documents, objects, changedDocuments, changes(), changesByMode.getOrDefault("AUTO", 0),
                pendingDecisions, conflicts, dryRun ? "; dry run: nothing written" : "");
    }

    /** Plain keys and values (String, Integer, Long, Boolean, Map, List) for a Pipeline script. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("files", files);
        map.put("documents", documents);
        map.put("objects", objects);
        map.put("changedDocuments", changedDocuments);
        map.put("changes", changes());
        map.put("changesByMode", new LinkedHashMap<>(changesByMode));
        map.put("pendingDecisions", pendingDecisions);
        map.put("conflicts", conflicts);
        map.put("dryRun", dryRun);
        map.put("outputDirectory", outputDirectory);
        map.put("reportJson", reportJson);
        map.put("reportMarkdown", reportMarkdown);
        map.put("reportHtml", reportHtml);
        map.put("format", format);
        map.put("veleroConfigMaps", new ArrayList<>(veleroConfigMaps));
        return map;
    }
}
