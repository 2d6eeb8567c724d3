// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.util;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

@SuppressWarnings("deprecation")
public class LogTaskListener extends AbstractTaskListener implements TaskListener, Closeable {
    // Local behaviour for unit tests (see README), as the real class: each line one record of the logger at the level.
    private final transient PrintStream out;

    public LogTaskListener(Logger logger, Level level) {
        out = new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                if (b == '\r' || b == '\n') {
                    flush();
                } else {
                    line.write(b);
                }
            }

            @Override
            public void flush() {
                if (line.size() > 0) {
                    logger.log(level, line.toString(StandardCharsets.UTF_8));
                }
                line.reset();
            }
        }, true, StandardCharsets.UTF_8);
    }

    @Override
    public PrintStream getLogger() {
        return out;
    }

    @Override
    public void close() {
        out.close();
    }

    private static final long serialVersionUID = 1L;
}
