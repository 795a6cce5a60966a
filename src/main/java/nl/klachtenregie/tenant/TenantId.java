package nl.klachtenregie.tenant;

/** Organisatie-id: the database identity of a tenant. Every tenant-owned row carries it. */
public record TenantId(long value) {
    public TenantId {
        if (value <= 0) {
            throw new IllegalArgumentException("tenant id must be positive: " + value);
        }
    }
}
