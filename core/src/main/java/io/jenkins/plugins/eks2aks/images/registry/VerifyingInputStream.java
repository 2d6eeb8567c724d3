package io.jenkins.plugins.eks2aks.images.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.LongConsumer;

/**
 * Hashes a blob while it streams through, and fails the read that reaches the end when the bytes do not have the
 * expected sha256 or size. Failing the last read, not a check afterwards, is what keeps a corrupt blob from being
 * committed: the upload that consumes this stream aborts before its final request.
 */
public final class VerifyingInputStream extends FilterInputStream {

    private final String expectedDigest;
    private final long expectedSize;
    private final MessageDigest sha256 = Digests.newSha256();
    private final LongConsumer progress;
    private long count;
    private boolean verified;

    /**
     * @param expectedSize the size from the manifest's descriptor, or -1 when unknown
     * @param progress     told of every chunk read (bytes), for transfer statistics
     */
    public VerifyingInputStream(InputStream in, String expectedDigest, long expectedSize, LongConsumer progress) {
        super(in);
        this.expectedDigest = expectedDigest;
        this.expectedSize = expectedSize;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            sha256.update(b, off, n);
            count += n;
            progress.accept(n);
            if (expectedSize >= 0 && count > expectedSize) {
                throw new BlobVerificationException("blob " + expectedDigest + " is longer than the " + expectedSize
                        + " bytes its descriptor states");
            }
        } else if (n < 0) {
            verifyAtEnd();
        }
        return n;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    private void verifyAtEnd() throws BlobVerificationException {
        if (verified) {
            return;
        }
        verified = true;
        if (expectedSize >= 0 && count != expectedSize) {
            throw new BlobVerificationException("blob " + expectedDigest + " has " + count + " bytes, its descriptor states "
                    + expectedSize);
        }
        String actual = Digests.format(sha256.digest());
        if (!actual.equals(expectedDigest)) {
            throw new BlobVerificationException("blob " + expectedDigest + " does not match its digest: its content hashes to "
                    + actual);
        }
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("a verified stream must be read, not skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The content of a blob is not what its digest says: never retried, the source itself is wrong. */
    public static final class BlobVerificationException extends IOException {
        private static final long serialVersionUID = 1L;

        public BlobVerificationException(String message) {
            super(message);
        }
    }
}
