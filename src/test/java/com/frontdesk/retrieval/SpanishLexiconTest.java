package com.frontdesk.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spanish question put into the content's words with the lexicon a practice reviews. */
class SpanishLexiconTest {

	private final SpanishLexicon lexicon = SpanishLexicon.load(null);

	@Test
	void matchesWithoutCaseAccentsOrPluralsAndTheLongestPhraseFirst() {
		assertThat(lexicon.translate("¿Me van a quedar CICATRICES?")).isEqualTo("scar");
		assertThat(lexicon.translate("¿para que sirven los tornillos pediculares?")).isEqualTo("goals pedicle screws");
		assertThat(lexicon.translate("¿Qué es la fusión lateral mínimamente invasiva?"))
			.isEqualTo("what is minimally invasive lateral fusion");
	}

	@Test
	void wordsTheLexiconDoesNotKnowAreLeftOutAndNumbersKept() {
		assertThat(lexicon.translate("mi abuela tuvo cicatrices enormes")).isEqualTo("scar");
		assertThat(lexicon.translate("¿cuesta 5000 dólares?")).isEqualTo("cost 5000");
		assertThat(lexicon.translate("jajaja")).isBlank();
	}

	@Test
	void aPracticesOwnLexiconReplacesTheBuiltInOne(@TempDir Path dir) throws IOException {
		Path file = Files.writeString(dir.resolve("lexicon.txt"), "ignore: la\nrodilla, rodillas => knee\n");

		SpanishLexicon own = SpanishLexicon.load(file.toString());

		assertThat(own.translate("¿me operan la rodilla?")).isEqualTo("knee");
		assertThat(own.translate("cicatrices")).isBlank();
	}

	@Test
	void aSpanishWordWithTwoMeaningsIsRefusedByName(@TempDir Path dir) throws IOException {
		Path file = Files.writeString(dir.resolve("lexicon.txt"), "cicatriz => scar\ncicatrices => incision\n");

		assertThatThrownBy(() -> SpanishLexicon.load(file.toString())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("'cicatrices' two meanings");
	}

}
