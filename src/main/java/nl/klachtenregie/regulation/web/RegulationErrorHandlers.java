package nl.klachtenregie.regulation.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import nl.klachtenregie.regulation.NoRegulationInForceException;
import nl.klachtenregie.regulation.RuleEvaluationException;
import nl.klachtenregie.regulation.RuleSetCompilationException;
import nl.klachtenregie.web.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The regulation's own failures as a status and a readable message, through the shell's error responses (an API
 * error or an error page): no regulation in force, a rule set refused by the checks, a tenant's rules failing.
 */
@Factory
class RegulationErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(RegulationErrorHandlers.class);

    private final ErrorResponses responses;

    RegulationErrorHandlers(ErrorResponses responses) {
        this.responses = responses;
    }

    @Singleton
    @Produces
    ExceptionHandler<NoRegulationInForceException, HttpResponse<?>> noRegulation() {
        return (request, e) -> responses.error(request, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), List.of(e.getMessage()),
                Map.of());
    }

    @Singleton
    @Produces
    ExceptionHandler<RuleSetCompilationException, HttpResponse<?>> ruleSetRefused() {
        // Tenant-written rules that fail the checks: the administrator's input, so 422 with every problem.
        return (request, e) -> responses.error(request, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(),
                e.problems().stream().map(RuleSetCompilationException.Problem::toString).toList(), Map.of());
    }

    @Singleton
    @Produces
    ExceptionHandler<RuleEvaluationException, HttpResponse<?>> ruleFailure() {
        return (request, e) -> {
            // A bound tripping in a tenant's own rules is that tenant's defect, not the server's: one line, no stack
            // trace (a hostile rule set would otherwise fill the log with one per request). The trace is at DEBUG.
            LOG.warn("Rule evaluation failed for {}: {}", request.getPath(), e.getMessage());
            LOG.debug("Rule evaluation failure", e);
            // A defect in the tenant's rules, not in the request: not a refusal, and nothing was saved.
            return responses.error(request, HttpStatus.SERVICE_UNAVAILABLE, "Het klachtenreglement van deze organisatie kon niet worden "
                    + "toegepast; er is niets opgeslagen. " + e.getMessage(), List.of(e.getMessage()), Map.of());
        };
    }

}
