// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.remoting;

public interface Future<V> extends java.util.concurrent.Future<V> {}
