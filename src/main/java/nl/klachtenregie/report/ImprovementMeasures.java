package nl.klachtenregie.report;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.klachtenregie.improvement.ImprovementRegister;
import nl.klachtenregie.improvement.Measure;
import nl.klachtenregie.tenant.TenantId;

/** The verbeterregister as the reports read it. */
@Singleton
class ImprovementMeasures implements MeasureSource {

    private final ImprovementRegister register;

    ImprovementMeasures(ImprovementRegister register) {
        this.register = register;
    }

    @Override
    public List<MeasureRow> relevantTo(TenantId tenant, LocalDate from, LocalDate to) {
        return register.relevantTo(tenant, from, to).stream().map(ImprovementMeasures::row).toList();
    }

    @Override
    public Set<String> originKeys(TenantId tenant) {
        return register.originKeys(tenant);
    }

    private static MeasureRow row(Measure m) {
        return new MeasureRow(m.number(), m.title(), m.description(), name(m.kind()), name(m.level()),
                m.origin() == null ? null : name(m.origin().type()), m.origin() == null ? null : m.origin().key(),
                m.origin() == null ? null : m.origin().description(), m.complaintReferences(), m.owner(), m.dueOn(),
                name(m.status()), m.completedOn(), m.review() == null ? null : m.review().reviewedOn(),
                m.review() == null ? null : name(m.review().effective()),
                m.review() == null ? null : m.review().notes(), m.createdOn());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
