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
import nl.klachtenregie.shared.Text;

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
        Map<String, Text> errors = new LinkedHashMap<>();
        if (title == null) {
            errors.put("title", Text.of("improvement.error.title.missing"));
        } else if (title.length() > MAX_TITLE) {
            errors.put("title", Text.of("improvement.error.title.long", String.valueOf(MAX_TITLE)));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.put("description", Text.of("improvement.error.description.long", String.valueOf(MAX_DESCRIPTION)));
        }
        if (kind == null) {
            errors.put("kind", Text.of("improvement.error.kind"));
        }
        if (level == null) {
            errors.put("level", Text.of("improvement.error.level"));
        }
        if (status == null) {
            errors.put("status", Text.of("improvement.error.status"));
        }
        if (origin == null) {
            errors.put("origin", Text.of("improvement.error.origin"));
        }
        List<String> malformed = complaintReferences.stream().filter(r -> !REFERENCE.matcher(r).matches()).toList();
        if (!malformed.isEmpty()) {
            errors.put("complaints", Text.of("improvement.error.complaints.malformed", String.join(", ", malformed.stream()
                    .map(r -> "'" + (r.length() > 40 ? r.substring(0, 40) + "…" : r) + "'").toList())));
        } else if (complaintReferences.size() > MAX_COMPLAINTS) {
            errors.put("complaints", Text.of("improvement.error.complaints.many", String.valueOf(MAX_COMPLAINTS)));
        } else if (complaintReferences.isEmpty() && origin != null && origin.type() == OriginType.COMPLAINTS) {
            errors.put("complaints", Text.of("improvement.error.complaints.missing"));
        } else if (complaintReferences.isEmpty() && level == MeasureLevel.CLIENT) {
            errors.put("complaints", Text.of("improvement.error.complaints.client"));
        }
        if (owner != null && owner.length() > MAX_OWNER) {
            errors.put("owner", Text.of("improvement.error.owner.long", String.valueOf(MAX_OWNER)));
        } else if (owner == null && status == MeasureStatus.OPEN) {
            errors.put("owner", Text.of("improvement.error.owner.missing"));
        }
        if (dueOn == null && status == MeasureStatus.OPEN) {
            errors.put("dueOn", Text.of("improvement.error.dueOn.missing"));
        }
        if (completedOn == null && status == MeasureStatus.DONE) {
            errors.put("completedOn", Text.of("improvement.error.completedOn.missing"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.because(errors);
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
