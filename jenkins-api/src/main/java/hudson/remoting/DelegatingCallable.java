// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.remoting;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public interface DelegatingCallable<V, T extends Throwable> extends Callable<V, T> {
    @CheckForNull
    ClassLoader getClassLoader();
}
