package nl.klachtenregie.complaint;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;
import nl.klachtenregie.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Documentopslag in een S3-compatibele objectopslag (production: {@code klachtenregie.documents.store: s3}). Each
 * document is one object whose key is the tenant id and a random UUID ({@code 12/6f1c...}), never the file's name
 * (which stays in the row, so nothing a user typed reaches the store's namespace).
 *
 * <p>"Together or not at all" across two systems: the object is written first, then the row in a transaction; when
 * the row fails the object is deleted again. A crash between the two leaves at most an object no row points to (an
 * orphan, never a row without its bytes); a row whose object was removed behind our back reads as missing (404 with
 * a message), not as a server error.
 *
 * <p>Written on the AWS SDK v2 S3 client rather than as a Micronaut Object Storage {@code ObjectStorageOperations}:
 * that API's only S3 provider ({@code micronaut-object-storage-aws}) is not available here, and implementing its
 * interface ourselves (listing, copying, its request/response types) would add surface nothing here uses; the port
 * above is what the application needs. The blocking URL-connection HTTP client keeps a second Netty out.
 */
@Singleton
@Requires(property = "klachtenregie.documents.store", value = "s3")
class S3DocumentStore implements DocumentStore {

    static final String NAME = "s3";
    private static final Logger LOG = LoggerFactory.getLogger(S3DocumentStore.class);

    private final S3Client client;
    private final String bucket;
    private final TransactionOperations<Connection> transactions;

    S3DocumentStore(@Nullable @Property(name = "klachtenregie.documents.s3.endpoint") String endpoint,
                    @Property(name = "klachtenregie.documents.s3.region", defaultValue = "eu-central-1") String region,
                    @Property(name = "klachtenregie.documents.s3.bucket") String bucket,
                    @Property(name = "klachtenregie.documents.s3.access-key") String accessKey,
                    @Property(name = "klachtenregie.documents.s3.secret-key") String secretKey,
                    @Property(name = "klachtenregie.documents.s3.path-style", defaultValue = "true") boolean pathStyle,
                    TransactionOperations<Connection> transactions) {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(pathStyle)
                // Checksums only where S3 requires them: other S3-compatible stores do not all accept the SDK's
                // newer default (trailing CRC checksums in chunked uploads). The row keeps a SHA-256 of its own.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        this.client = builder.build();
        this.bucket = bucket;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long store(TenantId tenant, byte[] content, Row row) {
        String key = tenant.value() + "/" + UUID.randomUUID();
        try {
            client.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            LOG.warn("Document could not be written to the object store (bucket {}): {}", bucket, e.getMessage());
            throw new DocumentStoreUnavailableException(e);
        }
        try {
            return transactions.executeWrite(status -> {
                long id = row.insert(key);
                row.stored(id);
                return id;
            });
        } catch (RuntimeException e) {
            // The row did not make it: the object must not stay behind without one.
            deleteQuietly(key);
            throw e;
        }
    }

    @Override
    public Optional<byte[]> read(TenantId tenant, long attachmentId, String storageKey) {
        if (storageKey == null || !storageKey.startsWith(tenant.value() + "/")) {
            // A key of another tenant is never read, whatever a row says.
            return Optional.empty();
        }
        try {
            return Optional.of(client.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(storageKey).build())
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new DocumentStoreUnavailableException(e);
        } catch (SdkException e) {
            throw new DocumentStoreUnavailableException(e);
        }
    }

    @Override
    public void delete(TenantId tenant, long attachmentId, String storageKey) {
        if (storageKey != null && storageKey.startsWith(tenant.value() + "/")) {
            try {
                client.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(storageKey).build());
            } catch (SdkException e) {
                throw new DocumentStoreUnavailableException(e);
            }
        }
    }

    private void deleteQuietly(String key) {
        try {
            client.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
        } catch (SdkException e) {
            // Left as an orphan object (no row points to it); say so, so an operator can remove it.
            LOG.error("Orphan document object {} in bucket {} could not be removed: {}", key, bucket, e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
