package io.jenkins.plugins.eks2aks.storage.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Where the data comes from: an S3 bucket prefix or a local folder. Safe to read from several threads. */
public interface StorageSource {

    /** {@code s3://bucket/prefix} or the folder, for messages and reports. */
    String describe();

    /** Every object below the prefix, page by page, in the listing's order. */
    void list(Consumer<SourceObject> each);

    /** The object's bytes from the start. */
    InputStream open(SourceObject object) throws IOException;
}
