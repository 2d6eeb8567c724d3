package io.jenkins.plugins.eks2aks.images.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * What a request sends: bytes in memory (manifests, upload chunks), or a stream of known length (a blob on its way
 * from the source), written straight to the connection without buffering the whole body.
 */
public interface RequestBody {

    /** Bytes to send; -1 when unknown (the transport then uses chunked transfer encoding). */
    long length();

    /** Writes the body; called once per attempt. */
    void writeTo(OutputStream out) throws IOException;

    /** The bytes, when they are in memory; null for a stream. */
    default byte[] bytes() {
        return null;
    }

    static RequestBody of(byte[] bytes) {
        return new RequestBody() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }

            @Override
            public byte[] bytes() {
                return bytes;
            }
        };
    }

    /**
     * A stream of {@code length} bytes. It is read to its end (-1) before the last bytes are written, so a
     * {@link VerifyingInputStream} rejects a corrupt blob before the request that would commit it is complete.
     */
    static RequestBody of(InputStream in, long length) {
        return new RequestBody() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                byte[] buffer = new byte[256 * 1024];
                byte[] pending = null;
                int pendingLength = 0;
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        // A blocking socket ignores interrupts; checking between reads makes a cancel take effect.
                        throw new InterruptedIOException("transfer cancelled");
                    }
                    if (pending != null) {
                        out.write(pending, 0, pendingLength);
                    }
                    // Hold back the chunk just read until the next read says whether more follows.
                    byte[] swap = pending == null ? new byte[buffer.length] : pending;
                    pending = buffer;
                    pendingLength = n;
                    buffer = swap;
                }
                if (pending != null) {
                    out.write(pending, 0, pendingLength);
                }
            }
        };
    }
}
