package io.jenkins.plugins.eks2aks.inventory;

/** Finds one family of AWS dependencies (identity, storage, networking…) in one object at a time. */
interface Detector {

    void inspect(ClusterObject object, Findings findings);

    /** Called once after every object was inspected, for findings that depend on other objects. */
    default void finish(Findings findings) {
    }
}
