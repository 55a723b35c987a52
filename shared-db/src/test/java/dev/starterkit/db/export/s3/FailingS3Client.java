package dev.starterkit.db.export.s3;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** A real S3 client whose connection "drops" on the N-th part upload; counts the calls it passes on. */
final class FailingS3Client implements S3Client {

    private final S3Client delegate;
    private final int failingPart;
    final AtomicInteger parts = new AtomicInteger();
    final AtomicInteger aborts = new AtomicInteger();

    FailingS3Client(S3Client delegate, int failingPart) {
        this.delegate = delegate;
        this.failingPart = failingPart;
    }

    @Override
    public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        return delegate.createMultipartUpload(request);
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        if (parts.incrementAndGet() == failingPart) {
            throw SdkClientException.create("Connection reset (simulated) on part " + failingPart);
        }
        return delegate.uploadPart(request, body);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        return delegate.completeMultipartUpload(request);
    }

    @Override
    public AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        aborts.incrementAndGet();
        return delegate.abortMultipartUpload(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
