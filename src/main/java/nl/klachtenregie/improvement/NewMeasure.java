package nl.klachtenregie.improvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.klachtenregie.shared.InvalidInputException;

/**
 * Nieuwe of gewijzigde verbetermaatregel: what a person enters. Checked here for what the values alone say; the
 * register checks what needs the tenant's data or today (the complaints exist, dates not in the future).
 *
 * @param complaintReferences the references of the complaints the measure answers (IMPU-2026-0001), taken in
 *     capitals, without repeats
 * @param completedOn kept only for a measure that is done
 */
public record NewMeasure(String title, String description, MeasureKind kind, MeasureLevel level, Origin origin,
                         List<String> complaintReferences, String owner, LocalDate dueOn, MeasureStatus status,
                         LocalDate completedOn) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_OWNER = 200;
    public static final int MAX_COMPLAINTS = 50;
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");

    public NewMeasure {
        title = Origin.blankToNull(title);
        description = Origin.blankToNull(description);
        owner = Origin.blankToNull(owner);
        complaintReferences = references(complaintReferences);
        if (status != MeasureStatus.DONE) {
            // A date of completion left in the form after the status went back is not a completion.
            completedOn = null;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (title == null) {
            errors.put("title", "Geef de maatregel een titel.");
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", "De titel is te lang (hoogstens " + MAX_TITLE + " tekens).");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.put("description", "De omschrijving is te lang (hoogstens " + MAX_DESCRIPTION + " tekens).");
        }
        if (kind == null) {
            errors.put("kind", "Kies de soort: corrigerend of preventief.");
        }
        if (level == null) {
            errors.put("level", "Kies het niveau: organisatie of klant.");
        }
        if (status == null) {
            errors.put("status", "Kies de status.");
        }
        if (origin == null) {
            errors.put("origin", "Geef de herkomst van de maatregel op.");
        }
        List<String> malformed = complaintReferences.stream().filter(r -> !REFERENCE.matcher(r).matches()).toList();
        if (!malformed.isEmpty()) {
            errors.put("complaints", "Geen klachtnummer: " + String.join(", ", malformed.stream()
                    .map(r -> "'" + (r.length() > 40 ? r.substring(0, 40) + "…" : r) + "'").toList()) + ".");
        } else if (complaintReferences.size() > MAX_COMPLAINTS) {
            errors.put("complaints", "Noem hoogstens " + MAX_COMPLAINTS + " klachten.");
        } else if (complaintReferences.isEmpty() && origin != null && origin.type() == OriginType.COMPLAINTS) {
            errors.put("complaints", "Noem de klacht of klachten waar de maatregel uit voortkomt.");
        } else if (complaintReferences.isEmpty() && level == MeasureLevel.CLIENT) {
            errors.put("complaints", "Een maatregel op klantniveau hoort bij de klacht van die klant: noem de klacht.");
        }
        if (owner != null && owner.length() > MAX_OWNER) {
            errors.put("owner", "De naam van de eigenaar is te lang (hoogstens " + MAX_OWNER + " tekens).");
        } else if (owner == null && status == MeasureStatus.OPEN) {
            errors.put("owner", "Een open maatregel heeft een eigenaar: wie zorgt dat hij wordt uitgevoerd?");
        }
        if (dueOn == null && status == MeasureStatus.OPEN) {
            errors.put("dueOn", "Een open maatregel heeft een streefdatum.");
        }
        if (completedOn == null && status == MeasureStatus.DONE) {
            errors.put("completedOn", "Vul in wanneer de maatregel is afgerond.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The references as the register keeps them: trimmed, in capitals, each once, in the order given. */
    static List<String> references(List<String> given) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String r : given == null ? List.<String>of() : given) {
            if (r != null && !r.isBlank()) {
                out.add(r.strip().toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(new ArrayList<>(out));
    }
}
