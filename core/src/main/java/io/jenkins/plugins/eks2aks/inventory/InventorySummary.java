package io.jenkins.plugins.eks2aks.inventory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the CLI prints and the step returns: the counts a Jenkinsfile decides on, and the files written.
 *
 * @param findingsBySeverity HIGH, MEDIUM, LOW, INFO → count
 */
public record InventorySummary(int objects, int images, int ecrImages, int findings, Map<String, Long> findingsBySeverity,
                               long removedApis, int persistentVolumeClaims, int nodePools, String sourceVersion,
                               String targetVersion, Path outputDirectory, Path inventoryJson, Path reportMarkdown,
                               Path reportHtml, Path imageList) {

    public String oneLine() {
        return objects + " objects, " + images + " images (" + ecrImages + " from ECR), " + findings + " AWS dependencies ("
                + findingsBySeverity.get("HIGH") + " HIGH, " + findingsBySeverity.get("MEDIUM") + " MEDIUM), " + removedApis
                + " API versions removed by AKS " + targetVersion + ", " + persistentVolumeClaims + " volume claims, "
                + nodePools + " node pools proposed";
    }

    /** Plain JDK types only, so the map can cross the Jenkins remoting channel and be used in a Jenkinsfile. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objects", objects);
        m.put("images", images);
        m.put("ecrImages", ecrImages);
        m.put("findings", findings);
        m.put("findingsBySeverity", new HashMap<>(findingsBySeverity));
        m.put("high", findingsBySeverity.get("HIGH").intValue());
        m.put("removedApis", (int) removedApis);
        m.put("persistentVolumeClaims", persistentVolumeClaims);
        m.put("nodePools", nodePools);
        m.put("sourceVersion", sourceVersion);
        m.put("targetVersion", targetVersion);
        m.put("outputDirectory", outputDirectory.toString());
        m.put("inventoryJson", inventoryJson.toString());
        m.put("reportMarkdown", reportMarkdown.toString());
        m.put("reportHtml", reportHtml.toString());
        m.put("imageList", imageList.toString());
        return m;
    }
}
