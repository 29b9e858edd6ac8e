package com.frontdesk.practice;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The practices created at run time, in the {@code practice} table every instance shares: one row each, its profile
 * in columns (lists one item a line).
 */
class PracticeStore {

	private final JdbcClient jdbc;

	PracticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new practice; a row of the same id makes this fail with a {@code DuplicateKeyException}. */
	void insert(Practice practice, String createdBy, Instant now) {
		PracticeProfile p = practice.profile();
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		jdbc.sql("""
				insert into practice (id, name, phone, booking_url, website, address, opening_hours, emergency_number,
				    crisis_line, hours, time_zone, same_day_appointments, callback_within, closed_on, knowledge_dir,
				    allowed_origins, created_at, created_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(practice.id().value(), p.name(), p.phone(), p.bookingUrl(), p.website(), p.address(),
					p.openingHours(), p.emergencyNumber(), p.crisisLine(), lines(p.hours()), p.timeZone().getId(),
					p.sameDayAppointments(), p.callbackWithin().toString(),
					closedOn(p),
					practice.knowledgeDir().orElseThrow().toString(), String.join("\n", practice.allowedOrigins()), at,
					createdBy, at)
			.update();
	}

	/** Changes a created practice's profile and origins (its id and folder stay). */
	void update(Practice practice, String changedBy, Instant now) {
		PracticeProfile p = practice.profile();
		jdbc.sql("""
				update practice set name = ?, phone = ?, booking_url = ?, website = ?, address = ?, opening_hours = ?,
				    emergency_number = ?, crisis_line = ?, hours = ?, time_zone = ?, same_day_appointments = ?,
				    callback_within = ?, closed_on = ?, allowed_origins = ?, updated_at = ?
				where id = ?""")
			.params(p.name(), p.phone(), p.bookingUrl(), p.website(), p.address(), p.openingHours(),
					p.emergencyNumber(), p.crisisLine(), lines(p.hours()), p.timeZone().getId(),
					p.sameDayAppointments(), p.callbackWithin().toString(), closedOn(p),
					String.join("\n", practice.allowedOrigins()), now.atOffset(ZoneOffset.UTC), practice.id().value())
			.update();
	}

	/** A created practice as stored, and when it was last changed. */
	record Row(Practice practice, Instant updatedAt) {
	}

	/** Every created practice, oldest first. */
	List<Row> all() {
		return jdbc.sql("select * from practice order by created_at, id")
			.query((row, n) -> new Row(practice(row), row.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	private static String closedOn(PracticeProfile profile) {
		return String.join("\n", profile.closedOn().stream().map(LocalDate::toString).toList());
	}

	private static Practice practice(ResultSet row) throws SQLException {
		PracticeProfile profile = new PracticeProfile(row.getString("name"), row.getString("phone"),
				row.getString("booking_url"), row.getString("website"), row.getString("address"),
				row.getString("opening_hours"), row.getString("emergency_number"), row.getString("crisis_line"),
				map(row.getString("hours")), ZoneId.of(row.getString("time_zone")),
				row.getBoolean("same_day_appointments"), Duration.parse(row.getString("callback_within")),
				items(row.getString("closed_on")).stream().map(LocalDate::parse).toList());
		return new Practice(PracticeId.parse(row.getString("id")), profile,
				Optional.of(Path.of(row.getString("knowledge_dir"))), items(row.getString("allowed_origins")), Map.of());
	}

	private static String lines(Map<String, String> hours) {
		return hours.entrySet()
			.stream()
			.map(day -> day.getKey() + "=" + day.getValue())
			.sorted()
			.collect(Collectors.joining("\n"));
	}

	private static Map<String, String> map(String lines) {
		Map<String, String> hours = new LinkedHashMap<>();
		for (String line : items(lines)) {
			int eq = line.indexOf('=');
			hours.put(line.substring(0, eq), line.substring(eq + 1));
		}
		return hours;
	}

	private static List<String> items(String lines) {
		return lines == null || lines.isBlank() ? List.of()
				: Arrays.stream(lines.split("\n")).map(String::strip).filter(item -> !item.isEmpty()).toList();
	}

}
