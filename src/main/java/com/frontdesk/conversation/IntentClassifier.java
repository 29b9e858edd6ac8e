package com.frontdesk.conversation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.frontdesk.conversation.ConversationalIntents.Kind;
import com.frontdesk.learning.LinearModel;
import com.frontdesk.retrieval.Embeddings;
import com.frontdesk.retrieval.NearestCosines;
import com.frontdesk.retrieval.ResourceLines;
import com.frontdesk.retrieval.ShippedVectors;
import com.frontdesk.retrieval.TextAnalysis;
import com.frontdesk.triage.Redactor;

/**
 * Recognises what a message is (booking, callback, greeting, feelings, a question...) from example sentences, in
 * English and Spanish, one file per intent in {@code conversation/intents/}: the message's vector is compared with
 * every example's, each intent scores the mean cosine of its nearest examples, and the best intent wins when it is
 * high enough and clearly ahead of the runner-up ({@link IntentProperties}). Otherwise, and without vectors, the
 * rules of {@link ConversationalIntents} decide. The examples' vectors are shipped in {@code vectors.bin}.
 */
@Component
public class IntentClassifier {

	static final String FOLDER = "conversation/intents/";

	static final String VECTORS = FOLDER + "vectors.bin";

	/**
	 * Real patients' general-health questions (every second K-QA question, also among triage's examples): more
	 * examples of {@code question}, so that a medicine or symptom question is not taken for candidacy or small talk.
	 */
	static final String REAL_QUESTIONS = "triage/examples/k-qa-half.tsv";

	/**
	 * Labelled patient messages ({@code label, message, lang}) written by writers who saw no code, the sets the
	 * examples and settings were chosen on: more examples of every intent. One never counts for its own wording, so
	 * that the sets themselves are scored as any new message is.
	 */
	static final List<String> LABELLED = List.of("tune", "tune-2", "tune-3", "tune-4", "tune-5", "tune-6", "tune-7", "tune-8", "tune-9", "tune-10");

	/** The resource of a labelled set. */
	static String labelledFile(String set) {
		return FOLDER + "labelled/" + set + ".tsv";
	}

	private static final Map<String, Kind> KINDS = Arrays.stream(Kind.values())
		.collect(Collectors.toMap(Kind::label, kind -> kind));

	/**
	 * @param wording the example as its vector is computed (redacted, in the content's words)
	 * @param set the labelled set it comes from ("tune-2"), "k-qa" or "" for the intents' own example sentences
	 */
	record Example(Kind kind, String message, String wording, String set) {

		/** From a labelled set: it does not count for a message of its own wording. */
		boolean labelled() {
			return set.startsWith("tune");
		}

	}

	/** The best intent by the examples, its score and the runner-up's. */
	record Nearest(Kind best, double score, double runnerUp) {

		double lead() {
			return score - runnerUp;
		}

	}

	private final Embeddings embeddings;

	private final TextAnalysis analysis;

	private final Redactor redactor;

	private final IntentProperties settings;

	private volatile Bank bank;

	private final IntentModel model = IntentModel.load();

	private record Bank(List<Example> examples, float[][] vectors) {
	}

	IntentClassifier(Embeddings embeddings, TextAnalysis analysis, Redactor redactor, IntentProperties settings) {
		this.embeddings = embeddings;
		this.analysis = analysis;
		this.redactor = redactor;
		this.settings = settings;
	}

	/**
	 * What the message is: by the learned model when it is sure enough ({@code model-at}), by its nearest examples when
	 * they are decisive, by the rules otherwise. The rules' phrases are precise: a patient whose words the rules read
	 * as asking for a person gets one, and where they recognise an intent and the examples see only a question, the
	 * rules win.
	 */
	Kind classify(String message) {
		return classify(message, model, example -> false, settings.modelAt());
	}

	/**
	 * The same, with another model (null: none) and leaving out of the nearest examples every example a test picks
	 * (to score a labelled set as if it were new).
	 */
	Kind classify(String message, IntentModel learned, Predicate<Example> leftOut, double modelAt) {
		String wording = wording(message);
		float[] vector = vector(wording);
		Nearest nearest = vector == null ? null : nearest(vector, wording, leftOut);
		Kind rules = ConversationalIntents.classify(message);
		IntentModel.Guess guess = learned == null ? null : learned.guess(message, vector);
		Kind best = guess != null ? guess.best() : nearest != null ? nearest.best() : null;
		if (TOLD_ONLY.contains(rules) && (best == null || TOLD_ONLY.contains(best))
				&& FeelingWords.tellsWithoutAsking(message)) {
			// "scared the scars will look awful", "estoy muy nerviosa, me operan la semana que viene": what the patient
			// feels, even when the words are nearest to a question, a booking or candidacy
			return Kind.FEELINGS;
		}
		if (rules == Kind.QUESTION && nearest != null && nearest.score() < settings.offTopicBelow()
				&& (guess == null || guess.best() == Kind.QUESTION || guess.best() == Kind.OFF_TOPIC)) {
			// near neither the practice's questions nor real patients' health questions ("how tall is the Eiffel Tower?")
			return Kind.OFF_TOPIC;
		}
		// a feeling told with a question ("I feel awful and clammy, is that part of healing?") is its question: feelings
		// are learned from messages that ask nothing, and for one that asks, the rules and its told sentence decide
		boolean feelingAsked = guess != null && guess.best() == Kind.FEELINGS && KnowledgeReplies.asksSomething(message);
		if (guess != null && guess.probability() >= modelAt && !feelingAsked
				&& !(SIGN_OFFS.contains(guess.best()) && asksInstead(message, rules))) {
			if (rules == Kind.HANDOFF || guess.best() == Kind.QUESTION && rules != Kind.QUESTION
					&& rules != Kind.OFF_TOPIC) {
				return rules == Kind.QUESTION && toldFeelings(message) ? Kind.FEELINGS : rules;
			}
			return guess.best() == Kind.QUESTION && toldFeelings(message) ? Kind.FEELINGS : guess.best();
		}
		if (!decisive(nearest) || nearest.best() == Kind.QUESTION || rules == Kind.HANDOFF
				|| nearest.best() == Kind.FEELINGS && KnowledgeReplies.asksSomething(message)
				|| SIGN_OFFS.contains(nearest.best()) && asksInstead(message, rules)
				|| nearest.best() == Kind.HANDOFF && nearest.score() < settings.handoffFloor()) {
			return rules == Kind.QUESTION && toldFeelings(message) ? Kind.FEELINGS : rules;
		}
		return nearest.best();
	}

	/** What closes a conversation: a question in the same message is not answered by a sign-off. */
	private static final Set<Kind> SIGN_OFFS = EnumSet.of(Kind.THANKS, Kind.GOODBYE);

	/**
	 * A message taken for a sign-off by its words ("ok but what's the end goal of all that?": "end", "all") that asks
	 * with a question mark and that the rules read as a question: its question decides, as for a feeling told with one.
	 */
	private static boolean asksInstead(String message, Kind rules) {
		return rules == Kind.QUESTION && (message.indexOf('?') >= 0 || message.indexOf('\u00bf') >= 0);
	}

	/**
	 * What a message that tells a feeling and asks nothing may otherwise be taken for; a greeting, thanks, goodbye or a
	 * request for a person or a call keeps its own reply.
	 */
	private static final Set<Kind> TOLD_ONLY = EnumSet.of(Kind.QUESTION, Kind.BOOKING, Kind.CANDIDACY,
			Kind.PRACTICE_INFO, Kind.OFF_TOPIC, Kind.FEELINGS);

	/**
	 * A question that comes with a sentence of fear or worry ("I'm so scared of the scars. Will I have a big one?"):
	 * the whole message reads as its question, the sentence told on its own as what the patient feels.
	 */
	private boolean toldFeelings(String message) {
		List<String> told = TOLD.splitAsStream(message).map(String::strip)
			.filter(sentence -> !sentence.isEmpty() && !sentence.endsWith("?"))
			.toList();
		if (told.isEmpty() || told.size() == 1 && told.getFirst().length() == message.strip().length()) {
			return false;
		}
		return told.stream().map(this::nearest).anyMatch(n -> decisive(n) && n.best() == Kind.FEELINGS);
	}

	/** After the end of a sentence (its mark kept with it). */
	private static final Pattern TOLD = Pattern.compile("(?<=[.!?])\\s+");

	/**
	 * How a message is recognised, for measuring it: the intent's label ("booking"), the nearest intent by the
	 * examples with its score and lead (null, 0, 0 without vectors), and what the rules alone say.
	 */
	public record Recognised(String label, String nearest, double score, double lead, String rules) {
	}

	/** How a message is recognised, for measuring it ({@code IntentBenchmark}). */
	public Recognised recognise(String message) {
		Nearest nearest = nearest(message);
		String rules = ConversationalIntents.classify(message).label();
		return new Recognised(classify(message).label(), nearest == null ? null : nearest.best().label(),
				nearest == null ? 0 : nearest.score(), nearest == null ? 0 : nearest.lead(), rules);
	}

	/** The message's nearest intent by the examples; null when there are no vectors or nothing to compare. */
	Nearest nearest(String message) {
		String wording = wording(message);
		float[] vector = vector(wording);
		return vector == null ? null : nearest(vector, wording, example -> false);
	}

	/** The vector of a message's wording; null when recognising by examples is off or there is nothing to embed. */
	private float[] vector(String wording) {
		return !settings.enabled() || !embeddings.enabled() || wording.isBlank() ? null : embeddings.question(wording);
	}

	boolean decisive(Nearest nearest) {
		return nearest != null && nearest.score() >= settings.floor() && nearest.lead() >= settings.margin();
	}

	private Nearest nearest(float[] vector, String wording, Predicate<Example> leftOut) {
		Bank examples = bank();
		Map<Kind, NearestCosines> top = new EnumMap<>(Kind.class);
		for (int i = 0; i < examples.examples().size(); i++) {
			Example example = examples.examples().get(i);
			if (examples.vectors()[i] == null || example.labelled() && example.wording().equals(wording)
					|| leftOut.test(example)) {
				continue;
			}
			top.computeIfAbsent(example.kind(), kind -> new NearestCosines(settings.neighbours()))
				.add(Embeddings.cosine(vector, examples.vectors()[i]));
		}
		Kind best = Kind.QUESTION;
		double score = -1;
		double runnerUp = -1;
		for (Map.Entry<Kind, NearestCosines> entry : top.entrySet()) {
			double mean = entry.getValue().mean();
			if (mean > score) {
				runnerUp = score;
				score = mean;
				best = entry.getKey();
			}
			else if (mean > runnerUp) {
				runnerUp = mean;
			}
		}
		return new Nearest(best, score, runnerUp);
	}

	/** A message in the words its vector is computed from, as retrieval does: the same vector serves both. */
	String wording(String message) {
		return analysis.clinicalWording(redactor.searchable(message));
	}

	/** Reads the examples and their vectors now, when recognising by examples is on (while the application starts). */
	void prepare() {
		if (settings.enabled() && embeddings.enabled()) {
			bank();
		}
	}

	List<Example> examples() {
		return bank().examples();
	}

	/** The vector of the example at this index of {@link #examples()}; null when it has none. */
	float[] vector(int example) {
		return bank().vectors()[example];
	}

	/** What the examples are, as one number: a model learned from other examples has another. */
	long fingerprint() {
		return LinearModel.fingerprint(bank().examples().stream()
			.flatMap(example -> java.util.stream.Stream.of(example.kind().label(), example.message()))
			.toList());
	}

	/** The shipped model; null when there is none. */
	IntentModel model() {
		return model;
	}

	/** How many examples have no shipped vector (and would be embedded when first needed). */
	long missingVectors() {
		return ShippedVectors.missing(VECTORS, read().stream().map(Example::wording).toList());
	}

	/** Writes every example's vector for {@code vectors.bin}. */
	void write(Path file, String model) throws IOException {
		Bank examples = bank();
		ShippedVectors.write(file, model, examples.examples().stream().map(Example::wording).toList(),
				examples.vectors());
	}

	private Bank bank() {
		Bank loaded = bank;
		if (loaded == null) {
			synchronized (this) {
				if (bank == null) {
					List<Example> examples = read();
					bank = new Bank(examples, ShippedVectors.forTexts(VECTORS,
							examples.stream().map(Example::wording).toList(), embeddings::content));
				}
				loaded = bank;
			}
		}
		return loaded;
	}

	private List<Example> read() {
		List<Example> examples = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			for (String line : ResourceLines.of(FOLDER + kind.label() + ".txt")) {
				examples.add(example(kind, line, ""));
			}
		}
		for (String line : ResourceLines.of(REAL_QUESTIONS)) {
			String[] fields = line.split("\t");
			// none of them an emergency: questions for the care team and other general-health questions alike
			if (fields.length == 3 && (fields[0].equals("other") || fields[0].equals("needs_clinician"))) {
				examples.add(example(Kind.QUESTION, fields[2], "k-qa"));
			}
		}
		for (String set : LABELLED) {
			for (String line : ResourceLines.of(labelledFile(set))) {
				String[] fields = line.split("\t");
				Kind kind = fields.length == 3 ? KINDS.get(fields[0].strip()) : null;
				// A feeling told with a question ("I'm scared, how long will it hurt afterwards?") reads, in meaning,
				// mostly as its question: as an example it would pull plain questions to feelings. Such messages are
				// found by their told sentence instead (toldFeelings).
				if (kind != null && !(kind == Kind.FEELINGS && fields[1].contains("?"))) {
					examples.add(example(kind, fields[1], set));
				}
			}
		}
		return List.copyOf(examples);
	}

	private Example example(Kind kind, String line, String set) {
		String message = line.strip();
		return new Example(kind, message, wording(message), set);
	}

}
