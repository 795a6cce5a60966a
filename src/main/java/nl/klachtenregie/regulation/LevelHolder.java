package nl.klachtenregie.regulation;

/**
 * Functionaris: who holds a rung of the escalation ladder according to this version of the regulation ("de
 * directeur mevrouw J. Hartman"). Letters on a case name the holder of the case's own version; without one, the
 * profile's current holder.
 */
public record LevelHolder(String level, String holder, String basis) implements Emission {
    public LevelHolder {
        Emission.requireText(level, "level");
        Emission.requireText(holder, "holder");
        basis = basis == null ? "" : basis;
    }

    public LevelHolder(String level, String holder) {
        this(level, holder, "");
    }

    @Override
    public LevelHolder withBasis(String basis) {
        return new LevelHolder(level, holder, basis);
    }
}
