package io.jenkins.plugins.eks2aks.testservers;

/**
 * Runs an {@link S3Emulator} for a test class: {@code @ExtendWith(S3EmulatorExtension.class)} with an
 * {@link S3Emulator} parameter, or {@code @RegisterExtension static final S3EmulatorExtension S3 =
 * S3EmulatorExtension.withBuckets("velero-backups");}. It takes several seconds to start; share it per class.
 */
public final class S3EmulatorExtension extends ServerExtension<S3Emulator> {
    private final String[] initialBuckets;

    public S3EmulatorExtension() {
        this(new String[0]);
    }

    private S3EmulatorExtension(String[] initialBuckets) {
        super(S3Emulator.class);
        this.initialBuckets = initialBuckets.clone();
    }

    /** An emulator that starts with these (empty) buckets. */
    public static S3EmulatorExtension withBuckets(String... buckets) {
        return new S3EmulatorExtension(buckets);
    }

    @Override
    protected S3Emulator start() throws Exception {
        return S3Emulator.start(initialBuckets);
    }
}
