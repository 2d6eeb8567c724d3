// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.queue.SubTask;
import jenkins.model.queue.AsynchronousExecution;

public class Queue extends ResourceController {

    public interface Task extends SubTask {

        String getName();

        @Override
        String getUrl();
    }

    public interface Executable extends Runnable {

        @NonNull SubTask getParent();

        @Override void run() throws AsynchronousExecution;

        @Override String toString();
    }
}
