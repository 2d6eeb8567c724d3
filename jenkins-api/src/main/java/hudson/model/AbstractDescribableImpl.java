// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.model;

@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {}
