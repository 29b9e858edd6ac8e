package com.frontdesk.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.frontdesk.answering.Citation;
import com.frontdesk.conversation.Channel;
import com.frontdesk.conversation.ChatReply;
import com.frontdesk.conversation.TurnPipeline;
import com.frontdesk.conversation.TurnRequest;
import com.frontdesk.knowledge.Passage;
import com.frontdesk.practice.Practices;

/**
 * Fits the weights of the {@link PassageReranker} and measures them leaving one labelled set out. Every labelled
 * message whose label is a section of the page goes through the real turn pipeline (the reranker in the shipped
 * baseline order: the fused score and the votes); the candidates of the lookup whose first passage the reply cites
 * are kept, each marked whether it is of the labelled section. A logistic regression ("this candidate is the right
 * passage") is fitted by Newton's method with a small L2 penalty, deterministic. For each tune set left out, it is
 * fitted on the other tune sets and that set is scored: how often the first candidate is the right one, before and
 * after (collected in the order before the reranker, so that a follow-up's first turn is answered as it was). The
 * held-out sets are only scored, with the weights fitted on all tune sets, which are written to
 * {@code target/rerank-weights.tsv} (ship them as {@code src/main/resources/retrieval/rerank-weights.tsv}); each
 * left-out fit is written to {@code target/rerank-without-<set>.tsv}, for the answerability benchmark
 * ({@code -Dfrontdesk.retrieval.rerank.weights-file=...}).
 *
 * <pre>./mvnw -q -B -o test -Dtest=RerankerTraining -Dsurefire.failIfNoSpecifiedTests=false [-Drerank.sets=tune,tune-2,tune-3,tune-4,tune-5,tune-6,tune-7] [-Drerank.scored=heldout,heldout-5]</pre>
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class RerankerTraining {

	/** The candidates are collected in the order before the reranker, so that "before" is today's product. */
	@DynamicPropertySource
	static void fusedOrderWhileCollecting(DynamicPropertyRegistry registry) throws IOException {
		Path file = Files.createDirectories(Path.of("target")).resolve("rerank-fused-order.tsv");
		Files.writeString(file, PassageReranker.format(fusedOrder(), "# the fused order with the votes\n"));
		registry.add("frontdesk.retrieval.rerank.weights-file", file::toString);
	}

	private static final double L2 = 0.01;

	private static final Set<String> PROCEDURE_STEPS = Set.of("Positioning on the operating table",
			"The small incision in your side", "Removing the disc", "The implant and bone graft",
			"Pedicle screws and rods");

	/** One labelled question: its candidates' features, and which of them are of the labelled section. */
	record Question(String set, String message, List<String> headings, double[][] features, boolean[] right) {
	}

	@Autowired
	TurnPipeline pipeline;

	@Autowired
	Practices practices;

	@Autowired
	Retriever retriever;

	@Test
	void fit() throws IOException {
		List<String> tuneSets = List.of(System.getProperty("rerank.sets", String.join(",", QuestionExamples.FILES.stream()
			.filter(file -> file.startsWith("tune"))
			.map(file -> file.substring(0, file.length() - ".tsv".length()))
			.toList())).split(","));
		String scored = System.getProperty("rerank.scored", "heldout,heldout-5");
		List<String> scoredSets = scored.isBlank() ? List.of() : List.of(scored.split(","));
		Map<String, List<Question>> bySet = new LinkedHashMap<>();
		for (String set : tuneSets) {
			bySet.put(set, questions(set));
		}
		for (String set : scoredSets) {
			bySet.put(set, questions(set));
		}
		double[] before = fusedOrder();
		Path target = Path.of("target");
		dump(bySet, target.resolve("rerank-questions.tsv"));
		System.out.println("== reranker, first candidate of the labelled section (questions with one among them)");
		for (String left : tuneSets) {
			List<Question> train = new ArrayList<>();
			tuneSets.stream().filter(s -> !s.equals(left)).forEach(s -> train.addAll(bySet.get(s)));
			double[] weights = fit(train);
			Files.writeString(target.resolve("rerank-without-" + left + ".tsv"),
					PassageReranker.format(weights, "# fitted without " + left + "\n"));
			report(left + " (left out)", bySet.get(left), before, weights);
			if (Boolean.getBoolean("rerank.details")) {
				misses(bySet.get(left), weights);
				bySet.get(left).stream().filter(q -> !q.right()[first(q, before)] && q.right()[first(q, weights)])
					.forEach(q -> System.out.println("    now right: " + q.message() + " (was " + q.headings().get(first(q, before)) + ")"));
			}
		}
		List<Question> all = new ArrayList<>();
		tuneSets.forEach(s -> all.addAll(bySet.get(s)));
		double[] weights = fit(all);
		Files.writeString(target.resolve("rerank-weights.tsv"), PassageReranker.format(weights,
				"# Weights of the passage reranker (PassageReranker): feature TAB weight.\n"
						+ "# Fitted by RerankerTraining on " + String.join(", ", tuneSets) + ".\n"));
		for (String set : scoredSets) {
			report(set + " (scored)", bySet.get(set), before, weights);
		}
		System.out.println("  weights " + PassageReranker.named(weights));
	}

	/**
	 * The order before the reranker: the fused score, the section votes at {@code answerability.section-votes} (4) and
	 * the defining passage moved up by 4 first ranks.
	 */
	private static double[] fusedOrder() {
		double[] weights = new double[PassageReranker.FEATURES.size()];
		weights[PassageReranker.FEATURES.indexOf("fused")] = 1;
		weights[PassageReranker.FEATURES.indexOf("votes")] = 4;
		weights[PassageReranker.FEATURES.indexOf("defining")] = 4;
		return weights;
	}

	/**
	 * Every collected candidate, one line each ({@code set, question number, right, message, features...}), for
	 * trying other combinations of the measurements outside the suite.
	 */
	private static void dump(Map<String, List<Question>> bySet, Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add("set\tquestion\tright\tmessage\t" + String.join("\t", PassageReranker.FEATURES));
		int n = 0;
		for (List<Question> questions : bySet.values()) {
			for (Question q : questions) {
				for (int i = 0; i < q.features().length; i++) {
					StringBuilder line = new StringBuilder(q.set() + "\t" + n + "\t" + (q.right()[i] ? 1 : 0) + "\t"
							+ q.message().replace('\t', ' '));
					for (double v : q.features()[i]) {
						line.append('\t').append(v);
					}
					lines.add(line.toString());
				}
				n++;
			}
		}
		Files.write(file, lines);
	}

	private static void report(String name, List<Question> questions, double[] before, double[] after) {
		System.out.printf("  %-22s before %3d, after %3d of %3d%n", name, firstRight(questions, before),
				firstRight(questions, after), questions.size());
	}

	private static int firstRight(List<Question> questions, double[] weights) {
		int right = 0;
		for (Question q : questions) {
			right += q.right()[first(q, weights)] ? 1 : 0;
		}
		return right;
	}

	private static int first(Question q, double[] weights) {
		int best = 0;
		for (int i = 1; i < q.features().length; i++) {
			if (PassageReranker.score(weights, q.features()[i]) > PassageReranker.score(weights, q.features()[best])) {
				best = i;
			}
		}
		return best;
	}

	/** A tune set's questions whose first candidate is not the right one (never for a held-out set). */
	private static void misses(List<Question> questions, double[] weights) {
		for (Question q : questions) {
			int first = first(q, weights);
			if (!q.right()[first]) {
				int right = 0;
				while (!q.right()[right]) {
					right++;
				}
				System.out.printf("    %s -> %s%n      first %s%n      right #%d %s%n", q.message(), q.headings().get(first),
						java.util.Arrays.toString(round(q.features()[first])), right,
						java.util.Arrays.toString(round(q.features()[right])));
			}
		}
	}

	private static String[] round(double[] values) {
		String[] rounded = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			rounded[i] = String.format(java.util.Locale.ROOT, "%.2f", values[i]);
		}
		return rounded;
	}

	static double[] fit(List<Question> questions) {
		return Boolean.getBoolean("rerank.pointwise") ? pointwise(questions) : listwise(questions);
	}

	/**
	 * Logistic regression over each question's candidates (conditional logit): the probability that a candidate is the
	 * right one is the softmax of the weighted features over the question's candidates, fitted by Newton's method with
	 * step halving and an L2 penalty. The bias cancels out and stays 0.
	 */
	static double[] listwise(List<Question> questions) {
		int d = PassageReranker.FEATURES.size();
		double[] w = new double[d];
		double penalty = L2 * questions.size() / 100;
		double loss = listLoss(questions, w, penalty);
		for (int iteration = 0; iteration < 100; iteration++) {
			double[] gradient = new double[d];
			double[][] hessian = new double[d][d];
			for (Question q : questions) {
				double[] p = softmax(q, w);
				double positive = 0;
				for (int i = 0; i < p.length; i++) {
					positive += q.right()[i] ? p[i] : 0;
				}
				double[] mean = new double[d];
				for (int i = 0; i < p.length; i++) {
					double r = q.right()[i] ? p[i] / positive : 0;
					for (int k = 0; k < d; k++) {
						gradient[k] += (r - p[i]) * q.features()[i][k];
						mean[k] += p[i] * q.features()[i][k];
					}
				}
				for (int i = 0; i < p.length; i++) {
					for (int a = 0; a < d; a++) {
						for (int b = 0; b < d; b++) {
							hessian[a][b] += p[i] * (q.features()[i][a] - mean[a]) * (q.features()[i][b] - mean[b]);
						}
					}
				}
			}
			for (int k = 0; k < d; k++) {
				gradient[k] -= penalty * w[k];
				hessian[k][k] += penalty;
			}
			double[] step = solve(hessian, gradient);
			double scale = 1;
			double[] next = new double[d];
			double nextLoss;
			do {
				for (int k = 0; k < d; k++) {
					next[k] = w[k] + scale * step[k];
				}
				nextLoss = listLoss(questions, next, penalty);
				scale /= 2;
			}
			while (nextLoss > loss && scale > 1e-6);
			if (nextLoss > loss || loss - nextLoss < 1e-9) {
				break;
			}
			w = next.clone();
			loss = nextLoss;
		}
		return w;
	}

	private static double[] softmax(Question q, double[] w) {
		double[] p = new double[q.features().length];
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < p.length; i++) {
			p[i] = PassageReranker.score(w, q.features()[i]);
			max = Math.max(max, p[i]);
		}
		double sum = 0;
		for (int i = 0; i < p.length; i++) {
			p[i] = Math.exp(p[i] - max);
			sum += p[i];
		}
		for (int i = 0; i < p.length; i++) {
			p[i] /= sum;
		}
		return p;
	}

	private static double listLoss(List<Question> questions, double[] w, double penalty) {
		double loss = 0;
		for (Question q : questions) {
			double[] p = softmax(q, w);
			double positive = 0;
			for (int i = 0; i < p.length; i++) {
				positive += q.right()[i] ? p[i] : 0;
			}
			loss -= Math.log(Math.max(positive, 1e-300));
		}
		for (double v : w) {
			loss += penalty * v * v / 2;
		}
		return loss;
	}

	/** Logistic regression by Newton's method with an L2 penalty on every weight but the bias. */
	static double[] pointwise(List<Question> questions) {
		List<double[]> xs = new ArrayList<>();
		List<Boolean> ys = new ArrayList<>();
		for (Question q : questions) {
			for (int i = 0; i < q.features().length; i++) {
				xs.add(q.features()[i]);
				ys.add(q.right()[i]);
			}
		}
		int d = PassageReranker.FEATURES.size();
		double[] w = new double[d];
		for (int iteration = 0; iteration < 50; iteration++) {
			double[] gradient = new double[d];
			double[][] hessian = new double[d][d];
			for (int n = 0; n < xs.size(); n++) {
				double[] x = xs.get(n);
				double p = 1 / (1 + Math.exp(-PassageReranker.score(w, x)));
				double error = (ys.get(n) ? 1 : 0) - p;
				for (int i = 0; i < d; i++) {
					gradient[i] += error * x[i];
					for (int j = 0; j < d; j++) {
						hessian[i][j] += p * (1 - p) * x[i] * x[j];
					}
				}
			}
			for (int i = 1; i < d; i++) {
				gradient[i] -= L2 * xs.size() * w[i] / 100;
				hessian[i][i] += L2 * xs.size() / 100;
			}
			hessian[0][0] += 1e-9;
			double[] step = solve(hessian, gradient);
			double change = 0;
			for (int i = 0; i < d; i++) {
				w[i] += step[i];
				change = Math.max(change, Math.abs(step[i]));
			}
			if (change < 1e-8) {
				break;
			}
		}
		return w;
	}

	/** Gaussian elimination with partial pivoting. */
	private static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[][] m = new double[n][n + 1];
		for (int i = 0; i < n; i++) {
			System.arraycopy(a[i], 0, m[i], 0, n);
			m[i][n] = b[i];
		}
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int row = col + 1; row < n; row++) {
				if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
					pivot = row;
				}
			}
			double[] swap = m[col];
			m[col] = m[pivot];
			m[pivot] = swap;
			if (Math.abs(m[col][col]) < 1e-12) {
				m[col][col] = 1e-12;
			}
			for (int row = 0; row < n; row++) {
				if (row != col) {
					double factor = m[row][col] / m[col][col];
					for (int k = col; k <= n; k++) {
						m[row][k] -= factor * m[col][k];
					}
				}
			}
		}
		double[] x = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = m[i][n] / m[i][i];
		}
		return x;
	}

	private List<Question> questions(String set) throws IOException {
		List<Question> questions = new ArrayList<>();
		for (String[] row : rows(set)) {
			String label = row[0];
			if (label.equals("not_covered") || label.equals("practice_info")) {
				continue;
			}
			List<List<PassageReranker.Candidate>> seen = new ArrayList<>();
			ChatReply reply = ask(row[1], seen);
			if (reply.citations().isEmpty()) {
				continue;
			}
			String cited = reply.citations().getFirst().section();
			List<PassageReranker.Candidate> candidates = null;
			for (List<PassageReranker.Candidate> list : seen) {
				List<Passage> order = retriever.reranker().order(list);
				if (!order.isEmpty() && order.getFirst().section().equals(cited)) {
					candidates = list;
				}
			}
			if (candidates == null) {
				continue;
			}
			double[][] features = new double[candidates.size()][];
			boolean[] right = new boolean[candidates.size()];
			boolean any = false;
			for (int i = 0; i < candidates.size(); i++) {
				features[i] = candidates.get(i).features();
				right[i] = of(candidates.get(i).passage(), label);
				any |= right[i];
			}
			if (any) {
				questions.add(new Question(set, row[0] + " | " + row[1],
						candidates.stream().map(c -> c.passage().heading()).toList(), features, right));
			}
		}
		return questions;
	}

	private static boolean of(Passage passage, String label) {
		return List.of(passage.section().split(" > ")).contains(label)
				|| label.equals("How the procedure works") && PROCEDURE_STEPS.contains(passage.heading());
	}

	/** The message through the pipeline; the candidates of the last turn's lookups are collected. */
	private ChatReply ask(String message, List<List<PassageReranker.Candidate>> seen) {
		String[] parts = message.split("\\s*\\|\\|\\s*");
		ChatReply reply = null;
		String conversation = null;
		for (int i = 0; i < parts.length; i++) {
			retriever.reranker().observe(i == parts.length - 1 ? seen::add : null);
			reply = pipeline.handle(new TurnRequest(practices.defaultPractice(), Channel.WEB, conversation, parts[i]));
			conversation = reply.conversationId();
		}
		retriever.reranker().observe(null);
		return reply;
	}

	private static List<String[]> rows(String set) throws IOException {
		String resource = (set.startsWith("tune") ? "/retrieval/questions/" : "/answerability/") + set + ".tsv";
		try (InputStream in = RerankerTraining.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split("\t"))
				.filter(f -> f.length >= 2).map(f -> new String[] { f[0].strip(), f[1].strip() }).toList();
		}
	}

}
