package nl.klachtenregie.complaint;

import java.time.LocalDate;
import nl.klachtenregie.regulation.ExtensionPolicy;

/**
 * Tijdige aankondiging: an extension is announced before the term ends (Wkkgz art. 17 lid 2), where the regulation
 * asks for that. Recorded after the term ran out, it is accepted only on the evidence of the written notice sent in
 * time (its date, its reference and why it is recorded only now); it is then marked as recorded late and waits for a
 * second person's confirmation.
 */
final class ExtensionAnnouncedBeforeTermEndsPolicy implements CasePolicy {

    @Override
    public Verdict check(ProposedStep step) {
        return step.extensionTerms().map(ProposedStep.ExtensionTerms::policy)
                .filter(ExtensionPolicy::announceBeforeDue)
                .flatMap(policy -> step.before().obligations().stream()
                        .filter(o -> o.code().equals(policy.code()) && o.dueOn() != null).findFirst())
                .map(o -> announcedInTime(step.event(), o.dueOn(), step.today()))
                .orElseGet(CasePolicy::allowed);
    }

    private static Verdict announcedInTime(NewEvent e, LocalDate due, LocalDate today) {
        if (e.on().isAfter(due)) {
            return CasePolicy.refused("policy.extension.tooLate", CasePolicy.day(due), CasePolicy.day(e.on()));
        }
        if (!today.isAfter(due)) {
            return CasePolicy.allowed();
        }
        if (!e.noticeDocumented()) {
            return CasePolicy.refused("policy.extension.lapsedNeedsNotice", CasePolicy.day(due));
        }
        if (e.noticeDate().isAfter(due)) {
            return CasePolicy.refused("policy.extension.noticeTooLate", CasePolicy.day(e.noticeDate()),
                    CasePolicy.day(due));
        }
        return CasePolicy.allowed();
    }
}
