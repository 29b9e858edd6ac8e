package com.frontdesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.knowledge.Passage;
import com.frontdesk.practice.PracticeId;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The passages' vectors are shared through the database: a second instance over the same database, on a machine of
 * its own (an empty data folder, so no cache file), builds its index without embedding a single passage again, and
 * finds what the first one finds. Embeddings are counted by the instances' own metric.
 */
class SharedVectorsTest {

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void twoInstancesOverOneDatabase() throws IOException {
		String database = "jdbc:h2:file:" + Files.createTempDirectory("frontdesk-shared").resolve("frontdesk")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
		first = start(database);
		second = start(database);
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@Test
	void aSecondInstanceBuildsItsIndexWithoutEmbeddingThePassagesAgain() {
		IndexStatus built = first.getBean(KnowledgeIndexes.class).status(PracticeId.DEFAULT);
		IndexStatus rebuilt = second.getBean(KnowledgeIndexes.class).status(PracticeId.DEFAULT);

		assertThat(embedded(first)).isPositive();
		assertThat(embedded(second)).isZero();
		assertThat(rebuilt.passages()).isEqualTo(built.passages()).isGreaterThan(5);
		assertThat(second.getBean(JdbcClient.class).sql("select count(*) from knowledge_vector").query(Long.class)
			.single()).isGreaterThanOrEqualTo(built.passages());
	}

	@Test
	void bothInstancesFindTheSamePassagesByMeaning() {
		String question = "how long until I can drive again";

		assertThat(ranked(second, question)).isNotEmpty().isEqualTo(ranked(first, question));
	}

	@Test
	void aReindexOnTheSecondInstanceEmbedsNothingEither() {
		second.getBean(KnowledgeIndexes.class).reindex(PracticeId.DEFAULT);

		assertThat(embedded(second)).isZero();
	}

	private static java.util.List<String> ranked(ConfigurableApplicationContext instance, String question) {
		return instance.getBean(Retriever.class).rank(PracticeId.DEFAULT, question, 5, Retriever.Ranking.VECTORS).stream()
			.map(Passage::id)
			.toList();
	}

	private static double embedded(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class).get("frontdesk.embeddings.computed").functionCounter().count();
	}

	private static ConfigurableApplicationContext start(String database) throws IOException {
		Path dataDir = Files.createTempDirectory("frontdesk-instance");
		return new SpringApplicationBuilder(FrontdeskApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + database, "--frontdesk.data-dir=" + dataDir,
				"--frontdesk.knowledge.watch=false", "--frontdesk.retrieval.vectors.enabled=true");
	}

}
