package io.jenkins.plugins.eks2aks.storage.source;

import io.jenkins.plugins.eks2aks.MigrationException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** An S3 bucket below a prefix, listed page by page (1,000 keys a page) and read with plain GETs. */
public final class S3Source implements StorageSource {

    private final S3Client s3;
    private final S3Location location;
    private final String credentialsSource;

    /**
     * @param credentialsSource where the AWS credentials came from, for messages (never a secret)
     */
    public S3Source(S3Client s3, S3Location location, String credentialsSource) {
        this.s3 = s3;
        this.location = location;
        this.credentialsSource = credentialsSource;
    }

    @Override
    public String describe() {
        return location.toString();
    }

    @Override
    public void list(Consumer<SourceObject> each) {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(location.bucket())
                .prefix(location.prefix().isEmpty() ? null : location.prefix()).build();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
                each.accept(new SourceObject(o.key().substring(location.prefix().length()), o.size(), o.eTag(), o.lastModified()));
            }
        } catch (NoSuchBucketException e) {
            throw new MigrationException("S3 bucket '" + location.bucket() + "' does not exist (check the name, the region and "
                    + "AWS_ENDPOINT_URL_S3)", e);
        } catch (S3Exception e) {
            throw new MigrationException(failure("list " + location, e), e);
        } catch (SdkException e) {
            throw new MigrationException("Cannot list " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(SourceObject object) throws IOException {
        GetObjectRequest request = GetObjectRequest.builder().bucket(location.bucket()).key(location.prefix() + object.name()).build();
        try {
            return s3.getObject(request);
        } catch (S3Exception e) {
            throw new IOException(failure("read " + location.uri(object.name()), e), e);
        } catch (SdkException e) {
            throw new IOException("Cannot read " + location.uri(object.name()) + ": " + e.getMessage(), e);
        }
    }

    private String failure(String what, S3Exception e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (status == 403 || status == 401) {
            return "Access denied to " + what + " with the credentials from " + credentialsSource + " (" + code
                    + "): check the keys and that they may s3:ListBucket and s3:GetObject";
        }
        return "Cannot " + what + ": S3 answered " + status + (code == null ? "" : " " + code);
    }
}
