package io.jenkins.plugins.eks2aks.storage.blob;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The destination container below a prefix, through the Azure Storage Blob SDK. */
public final class BlobDestination {

    private final BlobContainerClient container;
    private final BlobLocation location;
    private final String credentialSource;

    /**
     * @param credentialSource how the client authenticates, for messages (never a secret)
     */
    public BlobDestination(BlobContainerClient container, BlobLocation location, String credentialSource) {
        this.container = container;
        this.location = location;
        this.credentialSource = credentialSource;
    }

    public BlobLocation location() {
        return location;
    }

    /** The block blob client for a name below the prefix. */
    public BlockBlobClient blob(String name) {
        return container.getBlobClient(location.prefix() + name).getBlockBlobClient();
    }

    /** Every blob below the prefix with its metadata, by name; fails with one line when the container cannot be read. */
    public Map<String, ExistingBlob> list() {
        Map<String, ExistingBlob> out = new LinkedHashMap<>();
        list(b -> out.put(b.name(), b));
        return out;
    }

    /** Every blob below the prefix with its metadata, page by page (5,000 a page). */
    public void list(Consumer<ExistingBlob> each) {
        ListBlobsOptions options = new ListBlobsOptions().setPrefix(location.prefix().isEmpty() ? null : location.prefix())
                .setMaxResultsPerPage(5000).setDetails(new BlobListDetails().setRetrieveMetadata(true));
        try {
            for (BlobItem item : container.listBlobs(options, null)) {
                if (Boolean.TRUE.equals(item.isPrefix())) {
                    continue;
                }
                byte[] md5 = item.getProperties().getContentMd5();
                Map<String, String> metadata = new LinkedHashMap<>();
                if (item.getMetadata() != null) {
                    item.getMetadata().forEach((k, v) -> metadata.put(k.toLowerCase(Locale.ROOT), v));
                }
                each.accept(new ExistingBlob(item.getName().substring(location.prefix().length()),
                        item.getProperties().getContentLength() == null ? 0 : item.getProperties().getContentLength(),
                        md5 == null ? null : HexFormat.of().formatHex(md5), metadata));
            }
        } catch (BlobStorageException e) {
            throw new MigrationException(failure("list", e), e);
        } catch (RuntimeException e) {
            throw new MigrationException("Cannot list " + location + ": " + BlobErrors.message(e), e);
        }
    }

    /** One line for a failed request, naming the container and what to do. */
    public String failure(String what, BlobStorageException e) {
        return BlobErrors.describe(what, location, credentialSource, e);
    }
}
