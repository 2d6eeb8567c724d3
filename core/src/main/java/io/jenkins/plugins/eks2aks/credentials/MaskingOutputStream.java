package io.jenkins.plugins.eks2aks.credentials;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes text on a line at a time with its secrets masked. Whole lines, because a secret split over two writes
 * must still be found; a partial line goes out on {@link #close()} (a log writer always ends its lines).
 */
final class MaskingOutputStream extends FilterOutputStream {

    private final SecretMask mask;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    MaskingOutputStream(OutputStream out, SecretMask mask) {
        super(out);
        this.mask = mask;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    private void emit() throws IOException {
        if (line.size() > 0) {
            out.write(mask.mask(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            line.reset();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        emit();
        super.close();
    }
}
