package nl.klachtenregie.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import nl.klachtenregie.shared.Db;
import nl.klachtenregie.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The per-instance profile cache never serves a profile that another instance has since changed. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantDirectoryTest implements TestPropertyProvider {

    @Inject
    TenantDirectory tenants;
    @Inject
    Db db;
    @Inject
    JsonMapper json;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    @Test
    void aProfileSavedByAnotherInstanceIsSeenAtTheNextRequest() throws Exception {
        Tenant before = tenants.resolve("impuls");
        assertSame(before, tenants.resolve("impuls"), "unchanged: served from the cache");
        TenantProfile p = before.profile();
        TenantProfile renamed = new TenantProfile(p.slug(), "Impuls (nieuwe naam)", p.contact(), p.complaintAddress(),
                p.holidayCalendar(), p.extraClosedDays(), p.escalationLadder(), p.externalBodies(), p.categories(),
                p.serviceLines(), p.activationRoles());
        String text = json.writeValueAsString(renamed);
        // What TenantDirectory.update does on another instance: this instance's cache knows nothing of it.
        tx.executeWrite(s -> db.update("UPDATE tenant SET profile_json = ?, row_version = row_version + 1 WHERE slug = ?",
                text, "impuls"));
        assertEquals("Impuls (nieuwe naam)", tenants.resolve("impuls").profile().name());
        assertTrue(tenants.find("bestaat-niet").isEmpty());
    }
}
