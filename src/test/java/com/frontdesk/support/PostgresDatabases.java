package com.frontdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests that need one (started once, on a free port, stopped with the JVM), and a
 * fresh empty database on it for each test that asks.
 */
public final class PostgresDatabases {

	private static final AtomicInteger COUNT = new AtomicInteger();

	private static EmbeddedPostgres server;

	private PostgresDatabases() {
	}

	/** The JDBC URL of a new, empty database (user and password {@code postgres}). */
	public static synchronized String fresh(String prefix) {
		String name = prefix.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + COUNT.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test database " + name, ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			EmbeddedPostgres started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ex) {
					// the JVM is stopping anyway
				}
			}));
		}
		return server;
	}

}
