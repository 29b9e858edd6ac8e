package com.frontdesk.retrieval;

import com.frontdesk.practice.PracticeId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The evidence of every labelled question of {@code retrieval/questions/}, the tune questions and the K-QA half (the examples' own wording left
 * out of their neighbours), written to {@code target/answerability-evidence.tsv} for fitting the answerability
 * weights ({@code tools/answerability/fit.py}). Follow-ups, Spanish questions and practical ones the profile answers
 * are left out: they are decided before or beside retrieval. Run with {@code ./mvnw -q -B test
 * -Dtest=AnswerabilityCalibrationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest
class AnswerabilityCalibrationBenchmark {

	@Autowired
	Retriever retriever;

	@Test
	void writeEvidence() throws IOException {
		List<String> rows = new ArrayList<>();
		rows.add("answerable\tcoverage\tsimilarity\texamples\tpassages\tset\tmessage");
		for (String file : QuestionExamples.FILES) {
			for (String line : ResourceLines.of(QuestionExamples.FOLDER + file)) {
				String[] f = line.split("\t");
				if (f.length < 3 || f[2].strip().equals("followup") || f[2].strip().equals("spanish")
						|| f[0].equals("practice_info")) {
					continue;
				}
				Retrieval retrieval = retriever.retrieve(PracticeId.DEFAULT, f[1], "");
				Evidence e = retrieval.evidence();
				rows.add(String.format(Locale.ROOT, "%d\t%.4f\t%.4f\t%.4f\t%d\t%s\t%s",
						f[0].equals("not_covered") ? 0 : 1, e.coverage(), e.similarity(), e.examples(),
						retrieval.passages().size(), file.replace(".tsv", ""), f[1]));
			}
		}
		Path out = Path.of("target/answerability-evidence.tsv");
		Files.write(out, rows);
		System.out.println("Wrote " + (rows.size() - 1) + " rows to " + out);
	}

}
