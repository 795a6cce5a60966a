package nl.klachtenregie;

import io.micronaut.runtime.Micronaut;

/** Klachtenregie: the multi-tenant case engine for klachtenreglementen. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
