package nl.klachtenregie.regulation;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * Reglementversie zoals opgeslagen: a version with its life cycle (concept or vastgesteld), how it was written
 * (with the form: its parameters; by hand: none) and who made and activated it.
 *
 * @param regulation the code of the regulation this is a version of; "" for the tenant's main regulation
 * @param parameters the form's parameters when the rules were generated from them; null for hand-written DRL
 * @param rowVersion increases with every saved change of a draft, so two editors cannot overwrite each other
 */
public record StoredVersion(RegulationVersion version, String regulation, VersionStatus status,
                            @Nullable RegulationParameters parameters,
                            @Nullable String createdBy, @Nullable String activatedBy, @Nullable Instant activatedAt,
                            int rowVersion) {
    public StoredVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        regulation = regulation == null ? "" : regulation;
        if (!regulation.matches("[a-z0-9]*(-[a-z0-9]+)*") || regulation.length() > 64) {
            throw new IllegalArgumentException("Ongeldige reglementcode '" + regulation
                    + "': kleine letters, cijfers en streepjes");
        }
    }

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }

    public boolean fromForm() {
        return parameters != null;
    }

    public String name() {
        return version.version();
    }
}
