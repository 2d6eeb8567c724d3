// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.remoting;

interface IChannel {
    Object getProperty(Object key);

    Object waitForProperty(Object key) throws InterruptedException;
}
