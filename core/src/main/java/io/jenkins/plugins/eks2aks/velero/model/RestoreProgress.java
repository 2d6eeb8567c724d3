package io.jenkins.plugins.eks2aks.velero.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code RestoreProgress}: how far Velero got. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RestoreProgress implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private Integer totalItems;

    private Integer itemsRestored;

    public Integer getTotalItems() {
        return totalItems;
    }

    public void setTotalItems(Integer totalItems) {
        this.totalItems = totalItems;
    }

    public Integer getItemsRestored() {
        return itemsRestored;
    }

    public void setItemsRestored(Integer itemsRestored) {
        this.itemsRestored = itemsRestored;
    }
}
