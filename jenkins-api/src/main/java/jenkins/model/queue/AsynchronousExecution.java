// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package jenkins.model.queue;

public abstract class AsynchronousExecution extends RuntimeException {

    public abstract void interrupt(boolean forShutdown);

    public abstract boolean blocksRestart();

    public abstract boolean displayCell();
}
