package io.jenkins.plugins.eks2aks.velero.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code BackupProgress}: how far Velero got. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupProgress implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private Integer totalItems;

    private Integer itemsBackedUp;

    public Integer getTotalItems() {
        return totalItems;
    }

    public void setTotalItems(Integer totalItems) {
        this.totalItems = totalItems;
    }

    public Integer getItemsBackedUp() {
        return itemsBackedUp;
    }

    public void setItemsBackedUp(Integer itemsBackedUp) {
        this.itemsBackedUp = itemsBackedUp;
    }
}
