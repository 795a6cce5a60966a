package nl.klachtenregie.report;

import java.util.List;
import nl.klachtenregie.complaint.ComplaintRegister;
import nl.klachtenregie.report.MeasureSource.MeasureRow;

/**
 * Verbetermaatregelen as the anonymised report shows them. Every free text of a measure (title, description,
 * origin, review notes) is written by staff about complaints and persons: it goes through the same replacement as
 * the register's own notes, for the complainants of the measure's complaints and for every employee, who keeps the
 * pseudonym of the 'Klachten' tab. A measure on client level is about one client: its title and description are
 * left out altogether. The owner is a member of staff (a role or a name) and stays.
 */
final class AnonymisedMeasures {

    static final String CLIENT_TITLE = "Maatregel op cliëntniveau (zie het klachtdossier)";
    static final String CLIENT_DESCRIPTION = "(maatregel op cliëntniveau; omschrijving alleen in het volledige "
            + "register)";

    private AnonymisedMeasures() {
    }

    static List<MeasureRow> of(List<MeasureRow> measures, ComplaintRegister.FreeText text) {
        if (text.verbatim()) {
            return measures;
        }
        return measures.stream().map(m -> one(m, text)).toList();
    }

    private static MeasureRow one(MeasureRow m, ComplaintRegister.FreeText text) {
        List<String> refs = m.complaintReferences();
        boolean client = "CLIENT".equals(m.level());
        return new MeasureRow(m.number(), client ? CLIENT_TITLE : text.apply(m.title(), refs),
                client ? CLIENT_DESCRIPTION : text.apply(m.description(), refs), m.kind(), m.level(),
                m.originType(), text.apply(m.originKey(), refs), text.apply(m.originDescription(), refs), refs,
                m.owner(), m.dueOn(), m.status(), m.completedOn(), m.reviewedOn(), m.effective(),
                text.apply(m.reviewNotes(), refs), m.createdOn());
    }
}
