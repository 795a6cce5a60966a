package nl.klachtenregie.regulation;

/** PLACEHOLDER until the templates branch lands. */
public interface RuleTemplates {
    RuleSet write(RegulationParameters p);
}
