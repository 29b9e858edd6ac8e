package com.frontdesk.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each table is owned by one module: only that module's code inserts, updates or deletes its rows; another module
 * that needs a row gone asks the owner (an API such as {@code ConversationErasure}, or an event such as
 * {@code ConversationErased}) instead of writing its own SQL.
 */
class TableOwnershipTest {

	static final Path SOURCES = Path.of("src/main/java/com/frontdesk");

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** What makes, drops or renames a table, in the order the migrations run. */
	static final Pattern TABLE_CHANGE = Pattern.compile(
			"create table (\\w+)|drop table (\\w+)|alter table (\\w+) rename to (\\w+)");

	/** Tables a library writes for a module that configures it (staff sessions: Spring Session, in platform). */
	static final Set<String> LIBRARY_TABLES = Set.of("spring_session", "spring_session_attributes");

	@Test
	void everyTableIsWrittenByOneModuleOnly() {
		Map<String, Set<String>> writers = new TreeMap<>();
		for (String table : tables()) {
			Pattern write = Pattern.compile("(insert into|update|delete from)\\s+" + table + "\\b");
			writers.put(table, new TreeSet<>());
			sources().filter(source -> write.matcher(read(source).toLowerCase(Locale.ROOT)).find())
				.forEach(source -> writers.get(table).add(SOURCES.relativize(source).getName(0).toString()));
		}

		assertThat(writers).as("the modules that write each table").isNotEmpty().allSatisfy((table, modules) -> {
			assertThat(modules).as(table).hasSize(LIBRARY_TABLES.contains(table) ? 0 : 1);
		});
	}

	/** The tables the schema has once every migration has run. */
	private static Set<String> tables() {
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			files.sorted(Comparator.comparingInt(TableOwnershipTest::version)).map(TableOwnershipTest::read).forEach(sql -> {
				Matcher change = TABLE_CHANGE.matcher(sql.toLowerCase(Locale.ROOT));
				while (change.find()) {
					if (change.group(1) != null) {
						tables.add(change.group(1));
					}
					else if (change.group(2) != null) {
						tables.remove(change.group(2));
					}
					else if (tables.remove(change.group(3))) {
						tables.add(change.group(4));
					}
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tables;
	}

	private static int version(Path migration) {
		String name = migration.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

	private static Stream<Path> sources() {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
