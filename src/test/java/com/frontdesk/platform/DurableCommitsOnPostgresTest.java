package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.support.Postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * On a PostgreSQL server whose database acknowledges commits before they are on disk ({@code synchronous_commit =
 * off}), Frontdesk's own sessions still wait for the write-ahead log: an acknowledgement means on disk.
 */
@SpringBootTest
class DurableCommitsOnPostgresTest {

	static final EmbeddedPostgres postgres = asynchronous(Postgres.start());

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		Postgres.register(postgres, registry);
	}

	@AfterAll
	static void stop() throws Exception {
		postgres.close();
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void frontdesksSessionsWaitForTheWriteAheadLog() {
		assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
	}

	@Test
	void otherSessionsOfThatDatabaseDoNot() throws SQLException {
		try (Connection other = postgres.getPostgresDatabase().getConnection();
				Statement show = other.createStatement();
				var result = show.executeQuery("show synchronous_commit")) {
			result.next();
			assertThat(result.getString(1)).as("the server's setting the test made").isEqualTo("off");
		}
	}

	private static EmbeddedPostgres asynchronous(EmbeddedPostgres server) {
		try (Connection admin = server.getPostgresDatabase().getConnection();
				Statement alter = admin.createStatement()) {
			alter.execute("alter database postgres set synchronous_commit to off");
			return server;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
