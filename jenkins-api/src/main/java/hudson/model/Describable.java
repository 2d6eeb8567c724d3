// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.model;

public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
