package nl.klachtenregie.security;

/**
 * Rol: what a user may do. {@code STAFF} (medewerker, behandelaar) and {@code MANAGER} (leidinggevende,
 * directie) handle cases; {@code COMPLIANCE} (kwaliteitsmanager) reads cases, dashboards and registers;
 * {@code ADMIN} (beheerder) configures the tenant; {@code DIRECTOR} (directeur-bestuurder) approves regulation
 * versions where the tenant reserves that to the board (Klimkoord); {@code PLATFORM_ADMIN} runs the SaaS and sees
 * no tenant data.
 */
public enum Role {
    STAFF, MANAGER, COMPLIANCE, ADMIN, DIRECTOR, PLATFORM_ADMIN
}
