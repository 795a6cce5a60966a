package nl.klachtenregie.complaint;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.klachtenregie.security.UserId;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;

/**
 * Klachtregistratie: the one way a complaint comes in, whether through the API, the staff's intake page or the public
 * form. Registers the case and tells whoever cares ({@link ComplaintRegistered}); what follows from an intake (a status
 * link, an acknowledgement, a notice to the intake address) is the business of the features that listen, so that the
 * case feature knows nothing of messages or links.
 */
@Singleton
public class Intake {

    private final ComplaintService complaints;
    private final ApplicationEventPublisher<ComplaintRegistered> registrations;

    Intake(ComplaintService complaints, ApplicationEventPublisher<ComplaintRegistered> registrations) {
        this.complaints = complaints;
        this.registrations = registrations;
    }

    /**
     * Registers the complaint once per {@code submissionId} and publishes {@link ComplaintRegistered} in the same
     * transaction: the listeners' work is stored with the case, and a listener that refuses undoes the registration.
     *
     * @param handler null for none yet
     * @param submissionId null when the caller has none (the API)
     * @param acknowledgeByEmail whether staff asked for the acknowledgement by e-mail
     * @throws RefusedException when the tenant's data or regulation does not accept it (with reasons)
     * @throws InvalidInputException when the input is malformed, or a listener cannot do what was asked (an
     *     acknowledgement to an address that cannot receive one)
     */
    @Transactional
    public CaseView register(Tenant tenant, NewComplaint complaint, UserId handler, String submissionId,
                             ComplaintRegistered.Source source, boolean acknowledgeByEmail) {
        ComplaintService.Registered registered = complaints.registerOnce(tenant, complaint, handler, submissionId);
        registrations.publishEvent(new ComplaintRegistered(tenant, registered.view(), source, acknowledgeByEmail,
                registered.earlier()));
        return registered.view();
    }
}
