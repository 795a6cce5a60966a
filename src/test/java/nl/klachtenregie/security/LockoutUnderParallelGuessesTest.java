package nl.klachtenregie.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.klachtenregie.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Guesses sent all at once do not get around the lock-out: attempts are counted before the password is checked,
 * so a burst of wrong passwords from one address locks the name there like a series does, and the first attempts of
 * a name at the same moment are all answered (no 500 from two inserts of the same counter). The same for many names
 * from one address: {@code LoginPerAddressTest.aBurstOfGuessesAtManyNamesFromOneAddressIsHeldToThirty}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockoutUnderParallelGuessesTest extends ApiTestSupport {

    @Test
    void aBurstOfWrongPasswordsLocksTheNameAndTheRightOneIsThenRefused() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String guess = "fout-wachtwoord-" + i;
                guesses.add(() -> send(HttpRequest.GET("/api/tenants/klimkoord/complaints")
                        .basicAuth("klimkoord.kwaliteit", guess)).status());
            }
            for (Future<Integer> f : pool.invokeAll(guesses)) {
                assertEquals(401, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Response right = send(HttpRequest.GET("/api/tenants/klimkoord/complaints")
                .basicAuth("klimkoord.kwaliteit", DEMO_PASSWORD));
        assertEquals(401, right.status(), "the name stays locked after the burst");
        // Another name is not affected.
        assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/api/tenants/klimkoord/complaints")
                .basicAuth("klimkoord.medewerker", DEMO_PASSWORD), String.class).code());
    }
}
