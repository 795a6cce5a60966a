package nl.klachtenregie.regulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Gelijkgestelde dagen: the days a Besluit gelijkstelling equates with the feestdagen of the Algemene termijnenwet
 * (art. 3 lid 3), each with the Besluit it comes from. Data, not code: a new Besluit appears every few years and the
 * platform administrator adds its days (table {@code equated_day}, seeded from {@code atw/gelijkgestelde-dagen.csv}).
 *
 * @param days each equated day with its source, e.g. 2026-05-15 "Besluit gelijkstelling 2026-2028"
 */
public record EquatedDays(Map<LocalDate, String> days) {

    /** The file the platform starts from; also what code without a database (tests, previews) counts with. */
    public static final String RESOURCE = "/atw/gelijkgestelde-dagen.csv";
    public static final int MAX_SOURCE = 200;
    private static final EquatedDays BUNDLED = read(RESOURCE);

    public EquatedDays {
        Objects.requireNonNull(days, "days");
        days = Map.copyOf(new TreeMap<>(days));
        days.forEach((day, source) -> {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("Gelijkgestelde dag " + day + " zonder bron");
            }
        });
    }

    public static EquatedDays none() {
        return new EquatedDays(Map.of());
    }

    /** The days of the Besluiten known when this version of the product was built. */
    public static EquatedDays bundled() {
        return BUNDLED;
    }

    public Optional<String> source(LocalDate day) {
        return Optional.ofNullable(days.get(day));
    }

    /** These days plus {@code more} (a day already present keeps its source). */
    public EquatedDays with(Map<LocalDate, String> more) {
        Map<LocalDate, String> all = new TreeMap<>(more);
        all.putAll(days);
        return new EquatedDays(all);
    }

    static EquatedDays read(String resource) {
        try (InputStream in = EquatedDays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + resource + " ontbreekt");
            }
            Map<LocalDate, String> days = new TreeMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                int semicolon = text.indexOf(';');
                if (semicolon < 0) {
                    throw new IllegalStateException(resource + " regel " + n + ": verwacht 'datum;bron'");
                }
                try {
                    days.put(LocalDate.parse(text.substring(0, semicolon).strip()),
                            text.substring(semicolon + 1).strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException(resource + " regel " + n + ": geen datum", e);
                }
            }
            return new EquatedDays(days);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
