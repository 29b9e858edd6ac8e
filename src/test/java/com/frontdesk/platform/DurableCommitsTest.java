package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Commits are written when they are made, not half a second later: the embedded H2 database runs without a write
 * delay (the kill test, {@link NothingAcknowledgedIsLostOnAKillTest}, shows what the delay loses).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DurableCommitsTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theEmbeddedDatabaseWritesEveryCommitAtOnce() {
		assertThat(jdbc.sql("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")
			.query(String.class)
			.single()).isEqualTo("0");
	}

	@Test
	void anH2UrlThatSetsItsOwnDelayIsLeftAsTheOperatorWroteIt() {
		assertThat(DurableCommits.durable("jdbc:h2:file:./data/frontdesk;MODE=PostgreSQL"))
			.isEqualTo("jdbc:h2:file:./data/frontdesk;MODE=PostgreSQL;WRITE_DELAY=0");
		assertThat(DurableCommits.durable("jdbc:h2:file:./data/frontdesk;WRITE_DELAY=100"))
			.isEqualTo("jdbc:h2:file:./data/frontdesk;WRITE_DELAY=100");
		assertThat(DurableCommits.durable("jdbc:postgresql://db/frontdesk")).isEqualTo("jdbc:postgresql://db/frontdesk");
	}

}
