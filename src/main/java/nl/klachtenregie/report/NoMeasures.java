package nl.klachtenregie.report;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.klachtenregie.tenant.TenantId;

/**
 * Until the verbeterregister is part of the application: no measures. Replaced by the adapter on the improvement
 * feature as soon as that is on the class path (it is the primary bean then).
 */
@Singleton
@Secondary
class NoMeasures implements MeasureSource {

    @Override
    public List<MeasureRow> relevantTo(TenantId tenant, LocalDate from, LocalDate to) {
        return List.of();
    }

    @Override
    public Set<String> originKeys(TenantId tenant) {
        return Set.of();
    }
}
