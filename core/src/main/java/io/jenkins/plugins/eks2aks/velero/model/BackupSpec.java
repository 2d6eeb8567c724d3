package io.jenkins.plugins.eks2aks.velero.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.LabelSelector;

import java.util.List;

/** What a Backup backs up ({@code BackupSpec}); eks2aks sets only these fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupSpec implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private List<String> includedNamespaces;

    private List<String> excludedNamespaces;

    private List<String> includedResources;

    private LabelSelector labelSelector;

    private String storageLocation;

    /** a Go duration, e.g. {@code 720h0m0s} */
    private String ttl;

    private Boolean snapshotVolumes;

    private Boolean defaultVolumesToFsBackup;

    public List<String> getIncludedNamespaces() {
        return includedNamespaces;
    }

    public void setIncludedNamespaces(List<String> includedNamespaces) {
        this.includedNamespaces = includedNamespaces;
    }

    public List<String> getExcludedNamespaces() {
        return excludedNamespaces;
    }

    public void setExcludedNamespaces(List<String> excludedNamespaces) {
        this.excludedNamespaces = excludedNamespaces;
    }

    public List<String> getIncludedResources() {
        return includedResources;
    }

    public void setIncludedResources(List<String> includedResources) {
        this.includedResources = includedResources;
    }

    public LabelSelector getLabelSelector() {
        return labelSelector;
    }

    public void setLabelSelector(LabelSelector labelSelector) {
        this.labelSelector = labelSelector;
    }

    public String getStorageLocation() {
        return storageLocation;
    }

    public void setStorageLocation(String storageLocation) {
        this.storageLocation = storageLocation;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }

    public Boolean getSnapshotVolumes() {
        return snapshotVolumes;
    }

    public void setSnapshotVolumes(Boolean snapshotVolumes) {
        this.snapshotVolumes = snapshotVolumes;
    }

    public Boolean getDefaultVolumesToFsBackup() {
        return defaultVolumesToFsBackup;
    }

    public void setDefaultVolumesToFsBackup(Boolean defaultVolumesToFsBackup) {
        this.defaultVolumesToFsBackup = defaultVolumesToFsBackup;
    }
}
