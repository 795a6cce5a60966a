package nl.klachtenregie.publicform;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klachtenregie.shared.InvalidInputException;
import nl.klachtenregie.shared.RefusedException;
import nl.klachtenregie.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inzending van het klachtformulier: everything between a post of the public form and its answer, in the order the
 * abuse checks must run: the honeypot, the signed form token, the fields, a repeated post of the same form, the rate
 * limit per sender, and then the intake itself. What the complainant is shown is the web wing's business; this says
 * only what happened ({@link Outcome}).
 */
@Singleton
public class PublicSubmission {

    private static final Logger LOG = LoggerFactory.getLogger(PublicSubmission.class);

    /** Uitkomst: what became of one post of the form. Every outcome but the receipt keeps what was entered. */
    public sealed interface Outcome {
        /** The form as it is to be shown again (null after a receipt). */
        PublicFormInput input();
    }

    /** Registered (now or by an earlier post of the same form): the receipt to show. */
    public record Receipt(PublicIntake.Receipt receipt) implements Outcome {
        @Override
        public PublicFormInput input() {
            return null;
        }
    }

    /** The honeypot was filled in: nothing stored or counted, and nothing said about why. */
    public record NotSent(PublicFormInput input) implements Outcome {
    }

    /**
     * Fields to correct: those the form's own checks found, or that the case service found malformed.
     *
     * @param problems per field, in page order
     * @param others what the case service found wrong outside the form's fields
     */
    public record Invalid(PublicFormInput input, Map<String, PublicFormInput.Problem> problems, List<String> others)
            implements Outcome {
        public Invalid {
            problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
            others = List.copyOf(others);
        }
    }

    /**
     * The form token is missing, forged, of another organisation, expired, or the form was sent too soon after it was
     * opened; the field problems found too are shown with it.
     */
    public record TokenProblem(PublicFormInput input, Kind kind, Map<String, PublicFormInput.Problem> problems)
            implements Outcome {
        /** Wat er met het formuliertoken is. */
        public enum Kind { INVALID, EXPIRED, TOO_FAST }

        public TokenProblem {
            problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }
    }

    /** This form (its token) registered a complaint before, with other content: a new complaint needs a new form. */
    public record AlreadySent(PublicFormInput input, String reference) implements Outcome {
    }

    /**
     * Too many submissions from this sender.
     *
     * @param retryAt when the next one is admitted
     * @param retryAfterSeconds the same, in seconds from now (at least 1)
     */
    public record TooMany(PublicFormInput input, int maxPerHour, Instant retryAt, long retryAfterSeconds)
            implements Outcome {
    }

    /** The regulation refuses the complaint, with its reasons. */
    public record Refused(PublicFormInput input, List<String> reasons) implements Outcome {
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }

    /** The complaint could not be registered now (rules that cannot run, a lock, the database): try again later. */
    public record Unavailable(PublicFormInput input) implements Outcome {
    }

    private final PublicIntake intake;
    private final FormTokens tokens;
    private final SubmissionLimit limit;
    private final WallClock clock;

    PublicSubmission(PublicIntake intake, FormTokens tokens, SubmissionLimit limit, WallClock clock) {
        this.intake = intake;
        this.tokens = tokens;
        this.limit = limit;
        this.clock = clock;
    }

    /**
     * Handles one post of the form of {@code tenant} (whose form is open).
     *
     * @param posted the form fields as posted (null for none)
     * @param sender who sent it, for the rate limit
     */
    public Outcome submit(Tenant tenant, Map<String, String> posted, SenderAddress sender) {
        PublicFormInput input = PublicFormInput.from(posted);
        if (input.honeypotFilled()) {
            // Neutral on purpose: a robot learns nothing about what gave it away. Nothing is stored or counted.
            return new NotSent(input.withToken(tokens.issue(tenant.id())));
        }
        FormTokens.Check token = tokens.check(tenant.id(), input.formToken());
        PublicFormInput.Checked checked = input.check(tenant.profile(), PublicIntake.kindOf(tenant), intake.today());
        switch (token.verdict()) {
            case MISSING, FORGED, OTHER_TENANT -> {
                return new TokenProblem(input.withToken(tokens.issue(tenant.id())), TokenProblem.Kind.INVALID,
                        checked.problems());
            }
            case EXPIRED -> {
                return new TokenProblem(input.withToken(tokens.issue(tenant.id())), TokenProblem.Kind.EXPIRED,
                        checked.problems());
            }
            case TOO_FAST -> {
                // The same token: a person who reads the message and sends again is past the minimum by then.
                return new TokenProblem(input, TokenProblem.Kind.TOO_FAST, checked.problems());
            }
            case VALID -> {
                // checked below
            }
        }
        if (!checked.ok()) {
            return new Invalid(input, checked.problems(), List.of());
        }
        // A second post of a form that was stored (a double click, a reload) is no new submission: it neither counts
        // against the limit nor may the limit hide its receipt.
        Optional<String> earlier = intake.submittedAs(tenant, token.submissionId());
        if (earlier.isPresent() && !intake.sameAsSubmitted(tenant, token.submissionId(), checked.complaint())) {
            // The same form sent again with other content (Back, edit, send): a new complaint needs a new form.
            return new AlreadySent(input.withToken(tokens.issue(tenant.id())), earlier.get());
        }
        SubmissionLimit.Admission admission = earlier.isPresent() ? SubmissionLimit.Admission.ADMITTED
                : limit.admit(tenant.id(), sender.bucket());
        if (!admission.admitted()) {
            long seconds = Math.max(1, Duration.between(clock.now(), admission.retryAt()).toSeconds());
            return new TooMany(input, limit.maxPerHour(), admission.retryAt(), seconds);
        }
        try {
            return new Receipt(intake.submit(tenant, checked.complaint(), token.submissionId()));
        } catch (RefusedException e) {
            return new Refused(input, e.reasons());
        } catch (InvalidInputException e) {
            Map<String, PublicFormInput.Problem> problems = new LinkedHashMap<>();
            List<String> others = new java.util.ArrayList<>();
            e.fieldErrors().forEach((field, message) -> {
                String name = field.startsWith("complainant.") ? field.substring("complainant.".length()) : field;
                if (PublicFormInput.FIELDS.contains(name)) {
                    problems.put(name, new PublicFormInput.Problem("publicform.error.service", message));
                } else {
                    others.add(message);
                }
            });
            return new Invalid(input, problems, others);
        } catch (RuntimeException e) {
            // Rules that cannot run, a lock that timed out, a database that went away: the complainant keeps what
            // they wrote and is told to try again; nothing half-stored (the submission is one transaction).
            LOG.error("Public form of {}: the complaint could not be registered", tenant.slug(), e);
            return new Unavailable(input);
        }
    }
}
