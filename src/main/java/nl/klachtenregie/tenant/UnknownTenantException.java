package nl.klachtenregie.tenant;

/** Onbekende organisatie: the slug names no tenant. Never answered with "all tenants". */
public class UnknownTenantException extends RuntimeException {
    public UnknownTenantException(String slug) {
        super("Onbekende organisatie '" + slug + "'");
    }
}
