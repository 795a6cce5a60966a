package nl.klachtenregie.complaint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.support.ApiTestSupport;
import nl.klachtenregie.tenant.Tenant;
import nl.klachtenregie.tenant.TenantDirectory;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Documentopslag in een S3-compatibele objectopslag, against a real S3 server (S3Proxy in-process, on a jclouds
 * in-memory store) with signed requests: objects under random keys per tenant, a row failure removes its object, a
 * missing object is a 404 with a message, not a server error.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3DocumentStoreTest extends ApiTestSupport {

    private static final String BUCKET = "klachtenregie-documenten";
    private static final String ACCESS = "toegang";
    private static final String SECRET = "geheim-van-de-test";

    private BlobStoreContext context;
    private S3Proxy proxy;

    @Inject
    DocumentStore store;
    @Inject
    TenantDirectory tenants;
    @Inject
    Db db;
    @Inject
    io.micronaut.transaction.TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        try {
            Properties jclouds = new Properties();
            context = ContextBuilder.newBuilder("transient").credentials("x", "y").overrides(jclouds)
                    .build(BlobStoreContext.class);
            context.getBlobStore().createContainerInLocation(null, BUCKET);
            proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
            proxy.start();
            for (int i = 0; i < 100 && !"STARTED".equals(proxy.getState()); i++) {
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        props.put("klachtenregie.documents.store", "s3");
        props.put("klachtenregie.documents.s3.endpoint", "http://127.0.0.1:" + proxy.getPort());
        props.put("klachtenregie.documents.s3.region", "eu-central-1");
        props.put("klachtenregie.documents.s3.bucket", BUCKET);
        props.put("klachtenregie.documents.s3.access-key", ACCESS);
        props.put("klachtenregie.documents.s3.secret-key", SECRET);
        props.put("klachtenregie.documents.s3.path-style", "true");
        return props;
    }

    @AfterAll
    void stop() throws Exception {
        proxy.stop();
        context.close();
    }

    private BlobStore blobs() {
        return context.getBlobStore();
    }

    private List<String> keys() {
        return blobs().list(BUCKET, ListContainerOptions.Builder.recursive()).stream().map(StorageMetadata::getName)
                .toList();
    }

    private Object newCase() {
        return createComplaint("iederzijnwerk", complaint("FORMAL", "LETTER", "2026-11-02")).get("id");
    }

    private Response upload(Object caseId, String name, byte[] content) {
        return send(HttpRequest.POST("/api/tenants/iederzijnwerk/complaints/" + caseId + "/attachments",
                MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, content)
                        .build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private long rows(String table) {
        return transactions.executeRead(s -> db.count("SELECT COUNT(*) FROM " + table));
    }

    @Test
    void aDocumentIsAnObjectUnderARandomKeyOfItsTenantAndComesBackByteIdentical() {
        Object id = newCase();
        Tenant t = tenants.resolve("iederzijnwerk");
        List<String> before = keys();
        long contentRows = rows("complaint_attachment_content");
        Response r = upload(id, "klachtbrief mevrouw.pdf", DocumentSamples.pdf());
        assertEquals(201, r.status(), () -> r.body().toString());
        List<String> added = keys().stream().filter(k -> !before.contains(k)).toList();
        assertEquals(1, added.size());
        assertTrue(added.get(0).matches(t.id().value() + "/[0-9a-f-]{36}"), added.get(0));
        assertEquals(contentRows, rows("complaint_attachment_content"), "the bytes are not in the database");

        byte[] body = http.toBlocking().retrieve(HttpRequest.GET("/api/tenants/iederzijnwerk/complaints/" + id
                + "/attachments/" + r.body().get("id")).basicAuth("iederzijnwerk.medewerker", DEMO_PASSWORD),
                byte[].class);
        assertArrayEquals(DocumentSamples.pdf(), body);
    }

    @Test
    void theAdapterStoresReadsAndDeletes() {
        Tenant t = tenants.resolve("iederzijnwerk");
        String[] key = new String[1];
        long id = store.store(t.id(), DocumentSamples.txt(), storageKey -> {
            key[0] = storageKey;
            return 424242L;
        });
        assertEquals(424242L, id);
        assertArrayEquals(DocumentSamples.txt(), store.read(t.id(), id, key[0]).orElseThrow());
        assertTrue(store.read(tenants.resolve("impuls").id(), id, key[0]).isEmpty(),
                "another tenant never reads this tenant's key");
        store.delete(t.id(), id, key[0]);
        assertTrue(store.read(t.id(), id, key[0]).isEmpty());
        assertTrue(!keys().contains(key[0]));
    }

    @Test
    void whenTheRowFailsTheObjectIsRemovedAgain() {
        Tenant t = tenants.resolve("iederzijnwerk");
        List<String> before = keys();
        assertThrows(IllegalStateException.class, () -> store.store(t.id(), DocumentSamples.png(), storageKey -> {
            throw new IllegalStateException("row refused (test)");
        }));
        assertEquals(before, keys());

        // Through the API: a failure after the object and the row were written leaves neither.
        Object caseId = newCase();
        long rowsBefore = rows("complaint_attachment");
        DocumentSamples.FailAfterStore.ARMED.set(true);
        try {
            Response r = upload(caseId, "brief.pdf", DocumentSamples.pdf());
            assertEquals(500, r.status());
        } finally {
            DocumentSamples.FailAfterStore.ARMED.set(false);
        }
        assertEquals(before, keys());
        assertEquals(rowsBefore, rows("complaint_attachment"));
    }

    @Test
    void aRowWhoseObjectIsGoneIsNotFoundWithAMessageNotAServerError() {
        Object id = newCase();
        List<String> before = keys();
        Response r = upload(id, "foto.png", DocumentSamples.png());
        assertEquals(201, r.status());
        String key = keys().stream().filter(k -> !before.contains(k)).findFirst().orElseThrow();
        blobs().removeBlob(BUCKET, key);
        Response missing = send(HttpRequest.GET("/api/tenants/iederzijnwerk/complaints/" + id + "/attachments/"
                + r.body().get("id")).accept(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(404, missing.status());
        assertTrue(String.valueOf(missing.body().get("message")).contains("niet (meer) aanwezig in de documentopslag"),
                () -> missing.body().toString());
    }
}
