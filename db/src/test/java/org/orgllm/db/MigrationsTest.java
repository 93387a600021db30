package org.orgllm.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orgllm.db.embedded.ScratchDatabase;

/** Applies the migrations to a real, fresh PostgreSQL database and checks the constraints they promise. */
class MigrationsTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void migrate() {
        database = ScratchDatabase.create("orgllm_db_test");
        var result = Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
    }

    @AfterAll
    static void drop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void organizationSlugRuleIsEnforcedByTheDatabase() throws SQLException {
        try (Connection c = database.connect(); var s = c.createStatement()) {
            s.execute("INSERT INTO organizations(id, name) VALUES ('acme-2', 'Acme')");
            for (String bad : new String[] {"../etc", "A", "Acme", "-acme", "a", "acme/x"}) {
                assertThatThrownBy(() -> s.execute("INSERT INTO organizations(id, name) VALUES ('" + bad + "', 'x')"))
                        .as("slug %s", bad)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("organizations_id_check");
            }
        }
    }

    @Test
    void feedbackIsUniquePerReviewerAndRatingsAreBounded() throws SQLException {
        try (Connection c = database.connect(); var s = c.createStatement()) {
            s.execute("INSERT INTO organizations(id, name) VALUES ('fb-org', 'Fb')");
            s.execute("INSERT INTO users(username, display_name, password_hash) VALUES ('rita', 'Rita', 'x')");
            s.execute("INSERT INTO generations(id, organization_id, use_case, request_json, status) "
                    + "VALUES ('00000000-0000-0000-0000-000000000001', 'fb-org', 'chat', '{}', 'SUCCEEDED')");
            s.execute("INSERT INTO feedback(generation_id, reviewer, quality) VALUES ('00000000-0000-0000-0000-000000000001', 'rita', 5)");
            assertThatThrownBy(() -> s.execute(
                    "INSERT INTO feedback(generation_id, reviewer, quality) VALUES ('00000000-0000-0000-0000-000000000001', 'rita', 4)"))
                    .hasMessageContaining("feedback_generation_id_reviewer_key");
            assertThatThrownBy(() -> s.execute(
                    "UPDATE feedback SET quality = 6 WHERE reviewer = 'rita'"))
                    .hasMessageContaining("feedback_quality_check");
        }
    }
}
