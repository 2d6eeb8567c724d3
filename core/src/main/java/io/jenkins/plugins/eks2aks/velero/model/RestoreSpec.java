package io.jenkins.plugins.eks2aks.velero.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.TypedLocalObjectReference;

import java.util.List;
import java.util.Map;

/** What a Restore restores ({@code RestoreSpec}); eks2aks sets only these fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RestoreSpec implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private String backupName;

    private List<String> includedNamespaces;

    private Map<String, String> namespaceMapping;

    private Boolean restorePVs;

    /** {@code none} or {@code update} */
    private String existingResourcePolicy;

    /** the resource-modifiers ConfigMap */
    private TypedLocalObjectReference resourceModifier;

    public String getBackupName() {
        return backupName;
    }

    public void setBackupName(String backupName) {
        this.backupName = backupName;
    }

    public List<String> getIncludedNamespaces() {
        return includedNamespaces;
    }

    public void setIncludedNamespaces(List<String> includedNamespaces) {
        this.includedNamespaces = includedNamespaces;
    }

    public Map<String, String> getNamespaceMapping() {
        return namespaceMapping;
    }

    public void setNamespaceMapping(Map<String, String> namespaceMapping) {
        this.namespaceMapping = namespaceMapping;
    }

    public Boolean getRestorePVs() {
        return restorePVs;
    }

    public void setRestorePVs(Boolean restorePVs) {
        this.restorePVs = restorePVs;
    }

    public String getExistingResourcePolicy() {
        return existingResourcePolicy;
    }

    public void setExistingResourcePolicy(String existingResourcePolicy) {
        this.existingResourcePolicy = existingResourcePolicy;
    }

    public TypedLocalObjectReference getResourceModifier() {
        return resourceModifier;
    }

    public void setResourceModifier(TypedLocalObjectReference resourceModifier) {
        this.resourceModifier = resourceModifier;
    }
}
