package nl.klachtenregie.regulation;

/**
 * Versiestatus: a version is a draft ({@code DRAFT}, concept) until activated; an active version ({@code ACTIVE},
 * vastgesteld) is in force from its effective date and is never edited again.
 */
public enum VersionStatus {
    DRAFT, ACTIVE
}
