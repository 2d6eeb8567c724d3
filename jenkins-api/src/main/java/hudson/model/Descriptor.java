// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;

public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {
    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    @SuppressWarnings("unchecked")
    protected Descriptor() {
        this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
    }

    @NonNull
    public String getDisplayName() {
        return clazz.getSimpleName();
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void load() {
        throw new UnsupportedOperationException();
    }
}
