package io.jenkins.plugins.eks2aks.velero.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** Where backups live ({@code BackupStorageLocationSpec}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupStorageLocationSpec implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** e.g. {@code azure} */
    private String provider;

    /** for Azure: {@code resourceGroup}, {@code storageAccount}, {@code subscriptionId} */
    private Map<String, String> config;

    private ObjectStorageLocation objectStorage;

    @JsonProperty("default")
    private Boolean default_;

    /** {@code ReadWrite} or {@code ReadOnly} */
    private String accessMode;

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public Map<String, String> getConfig() {
        return config;
    }

    public void setConfig(Map<String, String> config) {
        this.config = config;
    }

    public ObjectStorageLocation getObjectStorage() {
        return objectStorage;
    }

    public void setObjectStorage(ObjectStorageLocation objectStorage) {
        this.objectStorage = objectStorage;
    }

    public Boolean getDefault() {
        return default_;
    }

    public void setDefault(Boolean default_) {
        this.default_ = default_;
    }

    public String getAccessMode() {
        return accessMode;
    }

    public void setAccessMode(String accessMode) {
        this.accessMode = accessMode;
    }
}
