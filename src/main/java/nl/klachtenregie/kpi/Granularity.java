package nl.klachtenregie.kpi;

/** Periodelengte: the lengths of period a dashboard or report covers. */
public enum Granularity { MONTH, QUARTER, HALF_YEAR, YEAR }
