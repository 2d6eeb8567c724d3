package io.jenkins.plugins.eks2aks.storage.blob;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.models.Block;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.jenkins.plugins.eks2aks.storage.source.SourceObject;
import io.jenkins.plugins.eks2aks.storage.source.StorageSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Streams one source object into a block blob through this process, one block in memory at a time: an object up to
 * one block goes up in a single Put Blob; a larger one as blocks and a block list. Block ids derive from the source
 * version and the block's index, so a run that was killed midway finds the blocks it already staged (Azure keeps
 * uncommitted blocks for a week) and sends only the rest. The blob carries the source's ETag, size and time in its
 * metadata and the content's MD5, computed while streaming.
 */
public final class ObjectCopier {

    /** What one copy moved. */
    public record Copied(long bytesSent, long bytesResumed) {
    }

    private final StorageSource source;
    private final BlobDestination destination;
    private final int blockSize;

    public ObjectCopier(StorageSource source, BlobDestination destination, int blockSize) {
        this.source = source;
        this.destination = destination;
        this.blockSize = blockSize;
    }

    public Copied copy(SourceObject object) throws IOException {
        BlockBlobClient blob = destination.blob(object.name());
        MessageDigest md5 = md5();
        try (InputStream in = source.open(object)) {
            if (object.size() <= blockSize) {
                byte[] bytes = in.readNBytes((int) object.size());
                checkWhole(object, bytes.length, in);
                byte[] digest = md5.digest(bytes);
                blob.uploadWithResponse(new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(bytes))
                        .setHeaders(new BlobHttpHeaders().setContentMd5(digest)).setMetadata(SourceMetadata.of(object))
                        .setContentMd5(digest), null, Context.NONE);
                return new Copied(bytes.length, 0);
            }
            return copyInBlocks(object, blob, in, md5);
        }
    }

    private Copied copyInBlocks(SourceObject object, BlockBlobClient blob, InputStream in, MessageDigest md5) throws IOException {
        Map<String, Long> staged = uncommitted(blob);
        String idPrefix = "eks2aks-" + HexFormat.of().formatHex(md5().digest(
                (object.version() + "/" + object.size() + "/" + blockSize).getBytes(StandardCharsets.UTF_8)), 0, 8) + "-";
        List<String> ids = new ArrayList<>();
        byte[] buffer = new byte[blockSize];
        long sent = 0;
        long resumed = 0;
        long total = 0;
        while (true) {
            int n = in.readNBytes(buffer, 0, blockSize);
            if (n == 0) {
                break;
            }
            total += n;
            md5.update(buffer, 0, n);
            String id = Base64.getEncoder().encodeToString(String.format("%s%06d", idPrefix, ids.size())
                    .getBytes(StandardCharsets.US_ASCII));
            ids.add(id);
            if (staged.getOrDefault(id, -1L) == n) {
                resumed += n;
            } else {
                blob.stageBlock(id, BinaryData.fromBytes(n == blockSize ? buffer : Arrays.copyOf(buffer, n)));
                sent += n;
            }
        }
        checkWhole(object, total, in);
        blob.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(ids)
                .setHeaders(new BlobHttpHeaders().setContentMd5(md5.digest())).setMetadata(SourceMetadata.of(object)),
                null, Context.NONE);
        return new Copied(sent, resumed);
    }

    private static Map<String, Long> uncommitted(BlockBlobClient blob) {
        Map<String, Long> out = new HashMap<>();
        try {
            for (Block b : blob.listBlocks(BlockListType.UNCOMMITTED).getUncommittedBlocks()) {
                out.put(b.getName(), b.getSizeLong());
            }
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 404) {
                throw e;
            }
        }
        return out;
    }

    private static void checkWhole(SourceObject object, long read, InputStream in) throws IOException {
        if (read != object.size() || in.read() != -1) {
            throw new IOException("'" + object.name() + "' changed while it was copied (listed with " + object.size()
                    + " bytes, read " + (read == object.size() ? "more" : read) + "): run again to copy the new version");
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
