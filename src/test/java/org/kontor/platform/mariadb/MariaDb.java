package org.kontor.platform.mariadb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away database on the local MariaDB (127.0.0.1:3306, root, no password) for one test class.
 * Without a reachable server the tests are skipped with a loud reason, except on CI (CI=true), where
 * that is a failure: .ci/run starts MariaDB. Register it before the Spring extension, so that the
 * database is dropped only after the Spring context that used it has closed. Classes using it are
 * {@code *IsolatedTest}s (a JVM each): closing their context unregisters the engine named "default"
 * from Camunda's static registry, which would leave the other test contexts' /engine-rest without one.
 */
public final class MariaDb implements BeforeAllCallback, AfterAllCallback {

    static final String HOST = System.getenv().getOrDefault("KONTOR_TEST_DB_HOST", "127.0.0.1");
    static final String PORT = System.getenv().getOrDefault("KONTOR_TEST_DB_PORT", "3306");
    static final String SERVER_URL = "jdbc:mysql://" + HOST + ":" + PORT + "/?connectTimeout=3000";

    private static volatile String database;

    /** The database of the running test class; Spring resolves it lazily, after {@link #beforeAll}. */
    public static String database() {
        if (database == null) {
            throw new IllegalStateException("MariaDb extension not active for this test class");
        }
        return database;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            database = "kontor_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            String reason = "MariaDB/MySQL is not reachable at " + HOST + ":" + PORT + " as root without password ("
                    + e.getMessage() + "): the MySQL-profile tests of " + context.getDisplayName() + " cannot run.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " On CI this is a failure: .ci/run must start MariaDB.", e);
            }
            System.err.println("\n*** SKIPPED: " + reason + " Start it with: "
                    + "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd ***\n");
            Assumptions.abort(reason);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        } finally {
            database = null;
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER_URL, "root", "");
    }
}
