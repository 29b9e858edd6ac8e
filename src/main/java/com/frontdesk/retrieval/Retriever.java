package com.frontdesk.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.stereotype.Component;

import com.frontdesk.knowledge.Passage;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.UnknownPractice;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Finds the passages that answer a question and decides whether the knowledge covers it at all, in the index of the
 * practice the patient writes to and no other ({@link KnowledgeIndexes}). Whatever the patient types is analysed as
 * text into terms: it is never parsed as query syntax.
 */
@Component
public class Retriever {

	private static final int CANDIDATES = 12;

	private static final int MAX_QUERY_TERMS = 64;

	/** How much the topic of the conversation counts against the words of the follow-up question itself. */
	private static final double CONTEXT_WEIGHT = 0.25;

	private static final float HEADING_BONUS = 0.5f;

	/** "What is XLIF?", "tell me about lateral fusion": the section whose heading names it answers best. */
	private static final Pattern DEFINITION = Pattern.compile(
			"(?iu)\\b(?:what(?:'s| is| are|s)|tell me (?:more )?about|explain|define|meaning of|what does .+ mean)\\b");

	/**
	 * Words by which a follow-up points back at what was just answered ("how many cuts for those?", "¿y eso duele?");
	 * "they" is left out, since patients mostly mean the surgeons by it.
	 */
	private static final Pattern REFERS_BACK = Pattern.compile(
			"(?iu)\\b(?:it|its|that|those|these|them|this|there|ese|esa|eso|esos|esas|esto|estos|estas|ello)\\b");

	private static final double MIN_WEIGHT_FOR_HEADING_BONUS = 0.5;

	private static final double UNKNOWN_TERM_WEIGHT_FACTOR = 1.5;

	/**
	 * How far, in the fusion's units of a first rank, the passage that defines a document's procedure moves up for a
	 * question asking what that procedure is ({@link DefinitionQuestions}).
	 */
	private static final double DEFINING_PASSAGE_RANKS = 4;

	private final KnowledgeIndexes indexes;

	private final TextAnalysis analysis;

	private final RetrievalProperties properties;

	/** One per practice: a corrector's vocabulary and its cache are the words of one practice's index. */
	private final Map<PracticeId, TypoCorrector> typos = new java.util.concurrent.ConcurrentHashMap<>();

	private final Embeddings embeddings;

	private final MeterRegistry metrics;

	private final RankFusion fusion;

	private final Answerability answerability;

	private final DefinitionQuestions definitions;
	private final SpanishLexicon lexicon;

	private final PassageReranker reranker;

	private volatile QuestionExamples questionExamples;

	Retriever(KnowledgeIndexes indexes, TextAnalysis analysis, RetrievalProperties properties, Embeddings embeddings,
			MeterRegistry metrics, RerankProperties rerank) {
		this.indexes = indexes;
		this.analysis = analysis;
		this.properties = properties;
		this.embeddings = embeddings;
		this.metrics = metrics;
		this.fusion = new RankFusion(properties);
		this.answerability = new Answerability(properties.answerability());
		this.definitions = new DefinitionQuestions(analysis);
		this.lexicon = SpanishLexicon.load(properties.spanishLexiconFile());
		this.reranker = new PassageReranker(rerank, embeddings, analysis);
	}

	PassageReranker reranker() {
		return reranker;
	}

	private TypoCorrector typos(PracticeId practice) {
		return typos.computeIfAbsent(practice, served -> new TypoCorrector(analysis));
	}

	/** The labelled questions and their vectors, read once (their vectors are shipped: nothing is embedded). */
	QuestionExamples questionExamples() {
		QuestionExamples examples = questionExamples;
		if (examples == null) {
			synchronized (this) {
				examples = questionExamples;
				if (examples == null) {
					examples = QuestionExamples.load(analysis::clinicalWording, embeddings::content);
					questionExamples = examples;
				}
			}
		}
		return examples;
	}

	/**
	 * Looks a question up. A question about a section as a whole (the keyword ranking has no clear lead and its leading
	 * hits are all parts of one section: "how is the surgery done step by step") gets all the section's parts, in the
	 * order the practice wrote them ({@link Retrieval#wholeSection()}).
	 * @param practice whose knowledge is searched: only that practice's index, never another's
	 * @param question what the patient asked
	 * @param context the conversation's topic for a follow-up question: the document, then on its own line the
	 * section last answered from ("" when there is none)
	 * @throws UnknownPractice when this deployment serves no such practice
	 */
	public Retrieval retrieve(PracticeId practice, String question, String context) {
		return indexes.of(practice).withSearcher(
				searcher -> retrieve(searcher, typos(practice), question, question, context == null ? "" : context, false));
	}

	/**
	 * Whether a question asks what the operation will do for the patient's symptoms ("will it help my leg pain?"): a
	 * question about its goals ({@link OutcomeQuestions}).
	 */
	public static boolean asksAnOutcome(String question) {
		return OutcomeQuestions.asks(question);
	}

	/**
	 * Looks a question up in the patient's language. A Spanish question is first searched in the practice's Spanish
	 * content ({@code lang: es}), with Spanish analysis and by its keywords alone (the in-process embedding model is
	 * English only); when that content does not answer it, or there is none, the question is put into the content's
	 * words with the {@link SpanishLexicon} and looked up as {@link #retrieve(PracticeId, String, String)} does; when that is not
	 * covered either, the question is looked up as written (a message that mixes languages).
	 * @param practice whose knowledge is searched
	 * @param spanish the patient wrote in Spanish
	 */
	public Retrieval retrieve(PracticeId practice, String question, String context, boolean spanish) {
		if (!spanish) {
			return retrieve(practice, question, context);
		}
		String topic = context == null ? "" : context;
		return indexes.of(practice).withSearcher(searcher -> {
			if (searcher.getIndexReader().getDocCount(IndexFields.ALL_SPANISH) > 0) {
				Retrieval inSpanish = retrieveInSpanish(searcher, question, topic);
				if (inSpanish.covered()) {
					return inSpanish;
				}
			}
			Retrieval translated = retrieve(searcher, typos(practice), lexicon.translate(question), question, topic,
					false);
			if (translated.covered()) {
				return translated;
			}
			// A message that mixes languages ("is the cicatriz big?") may be answered by its own words.
			Retrieval asWritten = retrieve(searcher, typos(practice), question, question, topic, false);
			return asWritten.covered() ? asWritten : translated;
		});
	}

	/**
	 * A Spanish question in the Spanish documents: BM25 over their Spanish fields, covered when their passages hold
	 * {@code min-coverage} of the question's topical words (weighted by rarity among the Spanish passages).
	 */
	private Retrieval retrieveInSpanish(IndexSearcher searcher, String question, String topicOfBefore)
			throws IOException {
		String context = followed(question, topicOfBefore, analysis.spanishTopicTerms(question));
		IndexReader reader = searcher.getIndexReader();
		String query = context.isBlank() ? question : question + "\n" + context;
		Set<String> topic = new LinkedHashSet<>(analysis.spanishTopicTerms(question));
		Set<String> questionTerms = topic.isEmpty() ? new LinkedHashSet<>(analysis.spanishQueryTerms(question)) : topic;
		Set<String> contextTerms = new LinkedHashSet<>(analysis.spanishQueryTerms(context));
		contextTerms.removeAll(questionTerms);
		if (questionTerms.isEmpty() && contextTerms.isEmpty()) {
			return Retrieval.nothing(query);
		}
		Map<String, Double> weights = new LinkedHashMap<>();
		for (String term : questionTerms) {
			weights.put(term, weight(reader, IndexFields.ALL_SPANISH, term));
		}
		for (String term : contextTerms) {
			weights.put(term, CONTEXT_WEIGHT * weight(reader, IndexFields.ALL_SPANISH, term));
		}
		TopDocs lexical = searcher.search(query(SPANISH_FIELDS, rarest(weights), weights, contextTerms, false),
				Math.max(CANDIDATES, properties.lexicalDepth()));
		List<RetrievedPassage> passages = passages(searcher, lexical, topic);
		Set<String> found = new HashSet<>();
		passages.forEach(p -> found.addAll(p.matchedTerms()));
		double coverage = coverage(reader, IndexFields.ALL_SPANISH, topic, found);
		boolean covered = !passages.isEmpty() && coverage >= properties.minCoverage();
		record(lexical, null, 0, coverage, covered);
		return new Retrieval(query, passages, weights, coverage, covered, null, coverage, false,
				new Evidence(coverage, 0, 0, covered ? 1 : 0), false);
	}

	/**
	 * Looks a question up for an answer a language model writes from the passages. When the keyword ranking is
	 * decisive (its best hit clearly ahead, {@code decisive-margin}, or its leading hits all parts of one section) and
	 * its passages hold the question's topical words ({@code min-coverage}), the vector search is skipped: it could
	 * only reorder the passages the model reads as a whole, or swap in another part of the same section, and would not
	 * change the coverage decision, and embedding the question is most of a lookup's time. The
	 * result then has no question vector ({@link Retrieval#queryVector()} is null): an embedded answer in its place
	 * must {@link #retrieve} again. Otherwise, and with {@code vectors.skip-for-model-when-decisive=false}, the same as
	 * {@link #retrieve}.
	 */
	public Retrieval retrieveForModel(PracticeId practice, String question, String context) {
		return indexes.of(practice).withSearcher(
				searcher -> retrieve(searcher, typos(practice), question, question, context == null ? "" : context, true));
	}

	/**
	 * {@code frontdesk.retrieval.top.score}: the best passage's score by ranking ({@code keywords}: BM25,
	 * {@code vectors}: cosine similarity) and by whether the question was covered; {@code frontdesk.retrieval.coverage}:
	 * the share of the question's topical words the passages contain. A drift down means patients ask what the
	 * knowledge does not say.
	 */
	private void record(TopDocs lexical, TopDocs semantic, double similarity, double coverage, boolean covered) {
		String coveredTag = Boolean.toString(covered);
		topScore("keywords", coveredTag).record(lexical.scoreDocs.length == 0 ? 0 : lexical.scoreDocs[0].score);
		if (semantic != null) {
			topScore("vectors", coveredTag).record(similarity);
		}
		DistributionSummary.builder("frontdesk.retrieval.coverage")
			.description("Share of the question's topical words found in the passages (0 to 1)")
			.tag("covered", coveredTag)
			.serviceLevelObjectives(0.25, 0.5, 0.75, 1.0)
			.register(metrics)
			.record(coverage);
	}

	private DistributionSummary topScore(String ranking, String covered) {
		return DistributionSummary.builder("frontdesk.retrieval.top.score")
			.description("Score of the best passage found for a question, by ranking")
			.tag("ranking", ranking)
			.tag("covered", covered)
			.publishPercentiles(0.1, 0.5, 0.9)
			.register(metrics);
	}

	/**
	 * A message with sentences around its question (greetings, thanks, who sent the patient) is looked up by its asking
	 * sentences ({@link AskedPart}) when the whole message is not covered and they are. (A covered message keeps its
	 * whole wording: what the patient tells about themselves may be what the answer is about.) A question asking what
	 * the operation will do for the patient's symptoms is looked up with the goals named ({@link OutcomeQuestions}).
	 * @param question the words to look up (the patient's, or put into the content's words)
	 * @param written what the patient wrote
	 */
	private Retrieval retrieve(IndexSearcher searcher, TypoCorrector corrector, String question, String written,
			String context, boolean forModel) throws IOException {
		String lookedUp = OutcomeQuestions.lookup(question, written, searcher.getIndexReader());
		Retrieval whole = lookUp(searcher, corrector, lookedUp, context, forModel);
		String asked = whole.covered() ? "" : AskedPart.of(lookedUp);
		if (asked.isEmpty()) {
			return whole;
		}
		Retrieval part = lookUp(searcher, corrector, asked, context, forModel);
		return part.covered() ? part : whole;
	}

	private Retrieval lookUp(IndexSearcher searcher, TypoCorrector corrector, String question, String topicOfBefore,
			boolean forModel) throws IOException {
		String next = nextStep(searcher, question, topicOfBefore);
		String context = next != null ? next : followed(question, topicOfBefore, analysis.topicTerms(question));
		IndexReader reader = searcher.getIndexReader();
		String corrected = properties.typoCorrection() ? corrector.correct(question, reader) : question;
		String query = context.isBlank() ? corrected : corrected + "\n" + context;
		Set<String> questionTerms = searchTerms(corrected);
		Set<String> contextTerms = searchTerms(context);
		contextTerms.removeAll(questionTerms);
		if (questionTerms.isEmpty() && contextTerms.isEmpty()) {
			return Retrieval.nothing(query);
		}
		// The words of a closing "after the disc is out" weigh as a follow-up's topic does: they say when, not what.
		Set<String> lighter = new LinkedHashSet<>(searchTerms(AskedPart.circumstance(corrected)));
		lighter.removeAll(searchTerms(corrected.replace(AskedPart.circumstance(corrected), "")));
		lighter.addAll(contextTerms);
		Map<String, Double> weights = new LinkedHashMap<>();
		for (String term : questionTerms) {
			weights.put(term, (lighter.contains(term) ? CONTEXT_WEIGHT : 1) * weight(reader, term));
		}
		for (String term : contextTerms) {
			weights.put(term, CONTEXT_WEIGHT * weight(reader, term));
		}
		boolean definition = DEFINITION.matcher(corrected).find();
		TopDocs lexical = searcher.search(query(rarest(weights), weights, lighter, definition),
				Math.max(CANDIDATES, properties.lexicalDepth()));
		// A follow-up without topical words of its own ("how many?") is about the conversation's topic.
		Set<String> questionTopic = new LinkedHashSet<>(analysis.topicTerms(corrected));
		Set<String> topic = questionTopic.isEmpty() && !context.isBlank()
				? new LinkedHashSet<>(analysis.topicTerms(context)) : questionTopic;
		List<RetrievedPassage> keywordPassages = passages(searcher, lexical, topic);
		Set<String> found = new HashSet<>();
		keywordPassages.forEach(p -> found.addAll(p.matchedTerms()));
		double coverage = coverage(reader, topic, found);
		// A must-match word only in what the patient tells around the question ("I was told last week...") is not asked.
		Set<String> asked = askedTopic(corrected, topic);
		boolean mustMatchMissing = topic.stream()
			.anyMatch(t -> analysis.mustMatch(t) && !found.contains(t) && asked.contains(t));
		boolean clearLead = fusion.decisive(lexical);
		boolean mayDecideForModel = embeddings.enabled() && forModel && properties.vectors().skipForModelWhenDecisive();
		// Read once for both uses: whether the model's lookup may skip the vectors, and whether the question gets a
		// whole section (never for a follow-up without topical words of its own).
		boolean oneSection = coverage >= properties.minCoverage() && !clearLead
				&& (mayDecideForModel || !questionTopic.isEmpty())
				&& SectionParts.leadingHitsInOneSection(searcher, lexical);
		boolean keywordsDecide = mayDecideForModel && coverage >= properties.minCoverage() && (clearLead || oneSection);
		float[] vector = embeddings.enabled() && !keywordsDecide ? vectorQuery(corrected, context) : null;
		TopDocs semantic = vector == null ? null : nearest(searcher, vector);
		double similarity = semantic == null || semantic.scoreDocs.length == 0 ? 0
				: similarity(semantic.scoreDocs[0].score);
		// A decisive keyword ranking that covers the question is as sure a sign as closeness in meaning.
		boolean closeInMeaning = keywordsDecide || similarity >= properties.vectors().minSimilarity();
		boolean onTopic = coverage >= properties.minCoverage() || closeInMeaning && coverage >= properties.minCoverage() / 2;
		Evidence evidence = vector == null ? new Evidence(coverage, 0, 0, onTopic ? 1 : 0)
				: answerability.weigh(coverage, similarity, examples(keywordPassages, vector, corrected));
		boolean weighed = vector != null && properties.answerability().enabled();
		boolean answers = weighed ? answerability.answers(evidence) : onTopic;
		// Without a keyword hit, the evidence of meaning alone must be strong ("can I be seen quickly?").
		boolean hit = !keywordPassages.isEmpty() || weighed && answerability.answersByMeaningAlone(evidence);
		boolean covered = hit && answers && !mustMatchMissing;
		boolean hedged = covered && weighed && answerability.hedged(evidence);
		record(lexical, semantic, similarity, coverage, covered);
		List<RetrievedPassage> parts = oneSection && !questionTopic.isEmpty() ? sectionParts(searcher, lexical, topic)
				: null;
		Map<String, Double> allVotes = parts == null && semantic != null ? sectionVotes(keywordPassages, vector, corrected)
				: Map.of();
		List<RetrievedPassage> passages = parts != null ? parts
				: semantic != null ? fused(searcher, lexical, semantic, topic,
						votes(searcher, lexical, semantic, clearLead, allVotes), allVotes, corrected, vector,
						next == null)
				: keywordPassages;
		double confidence = weighed ? evidence.score() : closeInMeaning ? Math.min(1, 2 * coverage) : coverage;
		return new Retrieval(query, passages, weights, coverage, covered, vector, confidence, parts != null, evidence,
				hedged);
	}

	/**
	 * The topical words of a message's asking sentences ({@link AskedPart}); all of {@code topic} when every sentence
	 * asks or the message has little around its question.
	 */
	private Set<String> askedTopic(String question, Set<String> topic) {
		String asked = AskedPart.of(question);
		return asked.isEmpty() ? topic : Set.copyOf(analysis.topicTerms(asked));
	}

	/**
	 * How much nearer the question is to labelled answerable questions than to unanswerable ones; 0 (no evidence
	 * either way) when its best passage is in content the labels were not written against.
	 */
	private double examples(List<RetrievedPassage> keywordPassages, float[] vector, String corrected) {
		QuestionExamples examples = questionExamples();
		boolean labelled = keywordPassages.isEmpty() || examples.labelled(keywordPassages.getFirst().passage());
		return labelled ? examples.margin(vector, analysis.clinicalWording(corrected)) : 0;
	}

	/** How a ranking is made, for comparing them (the retrieval benchmark). */
	public enum Ranking {

		/** BM25 over title, section and text with Frontdesk's analysis, synonyms and typo correction. */
		KEYWORDS,

		/** Nearest passages by embedding. */
		VECTORS,

		/** Both, fused by weighted reciprocal rank fusion (embedded answers, see {@link RankFusion}). */
		HYBRID,

		/**
		 * What a language model gets ({@link #retrieveForModel}): the keyword ranking alone when it is decisive (a
		 * clear lead, or the leading hits in one section), {@code HYBRID} otherwise. (The product also requires the keyword passages to cover the question before it
		 * skips the vectors, so its rankings lie between this and {@code HYBRID}.)
		 */
		FOR_MODEL

	}

	/** The best passages for a question by one ranking, without any coverage decision. */
	public List<Passage> rank(PracticeId practice, String question, int limit, Ranking ranking) {
		return scored(practice, question, limit, ranking).stream().map(RetrievedPassage::passage).toList();
	}

	/**
	 * The best passages for a question by one ranking, with the ranking's own score ({@code KEYWORDS}: BM25,
	 * {@code VECTORS}: cosine similarity, {@code HYBRID}: the fused score) and no matched terms. A {@code limit}
	 * deeper than the configured depths searches that deep (for replaying the fusion offline).
	 */
	public List<RetrievedPassage> scored(PracticeId practice, String question, int limit, Ranking ranking) {
		return indexes.of(practice).withSearcher(searcher -> {
			IndexReader reader = searcher.getIndexReader();
			String corrected = properties.typoCorrection() ? typos(practice).correct(question, reader) : question;
			TopDocs lexical = null;
			if (ranking != Ranking.VECTORS) {
				Set<String> terms = searchTerms(corrected);
				Map<String, Double> weights = new LinkedHashMap<>();
				for (String term : terms) {
					weights.put(term, weight(reader, term));
				}
				lexical = searcher.search(query(rarest(weights), weights, Set.of(), DEFINITION.matcher(corrected).find()),
						Math.max(limit, properties.lexicalDepth()));
			}
			TopDocs semantic = null;
			boolean keywordsDecide = ranking == Ranking.FOR_MODEL && properties.vectors().skipForModelWhenDecisive()
					&& keywordsDecide(searcher, lexical);
			if (ranking != Ranking.KEYWORDS && !keywordsDecide) {
				int depth = ranking == Ranking.VECTORS ? Math.max(limit, properties.vectors().depth())
						: properties.vectors().depth();
				semantic = nearest(searcher, vectorQuery(corrected, ""), depth);
			}
			List<RetrievedPassage> ranked = new ArrayList<>();
			StoredFields fields = searcher.storedFields();
			if (ranking == Ranking.HYBRID || ranking == Ranking.FOR_MODEL && !keywordsDecide) {
				for (ScoreDoc hit : fusion.fuse(lexical, semantic, limit)) {
					ranked.add(new RetrievedPassage(KnowledgeIndex.passage(fields, hit.doc), hit.score, Set.of()));
				}
			}
			else {
				TopDocs top = lexical != null ? lexical : semantic;
				for (int i = 0; i < Math.min(limit, top.scoreDocs.length); i++) {
					ScoreDoc hit = top.scoreDocs[i];
					double score = lexical != null ? hit.score : similarity(hit.score);
					ranked.add(new RetrievedPassage(KnowledgeIndex.passage(fields, hit.doc), score, Set.of()));
				}
			}
			return ranked;
		});
	}

	/** How rare (informative) each term is in a practice's knowledge; a term it never uses weighs the most. */
	public Map<String, Double> rarity(PracticeId practice, Collection<String> terms) {
		return indexes.of(practice).withSearcher(searcher -> {
			Map<String, Double> weights = new LinkedHashMap<>();
			for (String term : terms) {
				weights.put(term, weight(searcher.getIndexReader(), term));
			}
			return weights;
		});
	}

	/**
	 * Whether the keyword ranking decides which passages a language model reads: its best hit clearly leads
	 * ({@link RankFusion#decisive}), or its leading hits are all parts of one section ("what happens during the
	 * surgery?": the steps under "How the procedure works" share the question's words alike). In the second case the
	 * vectors could only pick other parts of the same section: the question asks about the section as a whole.
	 */
	private boolean keywordsDecide(IndexSearcher searcher, TopDocs lexical) throws IOException {
		return fusion.decisive(lexical) || SectionParts.leadingHitsInOneSection(searcher, lexical);
	}

	/** {@link SectionParts#of}, with the question's topical words each part contains; null when not given whole. */
	private List<RetrievedPassage> sectionParts(IndexSearcher searcher, TopDocs lexical, Set<String> topic)
			throws IOException {
		List<Passage> parts = SectionParts.of(searcher, lexical);
		return parts == null ? null : parts.stream().map(p -> new RetrievedPassage(p, 0, matched(p, topic))).toList();
	}

	/**
	 * The vector retrieval searches with for this question, or null when vectors are off. Triage's safety net reads
	 * the same vector, and the lookup that follows reuses it: the question is embedded once per turn.
	 */
	public float[] questionVector(String question, String context) {
		if (!properties.vectors().enabled() || !embeddings.enabled() || analysis.clinicalWording(question).isBlank()) {
			return null;
		}
		return vectorQuery(question, context);
	}

	/** The question in the content's words (after typo correction and synonyms), with the topic of a follow-up. */
	private float[] vectorQuery(String question, String context) {
		String wording = analysis.clinicalWording(question);
		return embeddings.question(context.isBlank() ? wording : wording + " (" + context + ")");
	}

	private TopDocs nearest(IndexSearcher searcher, float[] vector) throws IOException {
		return nearest(searcher, vector, properties.vectors().depth());
	}

	/**
	 * The {@code depth} nearest passages. The graph search is approximate: it collects at least
	 * {@code vectors.candidates} passages so that the nearest ones are rarely missed, and keeps the best.
	 */
	private TopDocs nearest(IndexSearcher searcher, float[] vector, int depth) throws IOException {
		int k = Math.max(1, depth);
		int candidates = Math.max(k, properties.vectors().candidates());
		TopDocs found = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, candidates), candidates);
		return found.scoreDocs.length <= k ? found
				: new TopDocs(found.totalHits, Arrays.copyOf(found.scoreDocs, k));
	}

	/** Lucene scores a dot-product match as (1 + cosine) / 2 for unit vectors. */
	private static double similarity(float score) {
		return 2 * score - 1;
	}

	/**
	 * The best {@code max-passages} of the fused ranking's candidates, in the {@link PassageReranker}'s order: a
	 * logistic regression reads each candidate's fused rank and score, keyword score, closeness in meaning (the passage
	 * and its closest sentence), the question's topical words it and its heading hold, its section's share of the
	 * nearest labelled questions' votes (both all of them and as far as {@link #votes} lets them count against a clear
	 * keyword lead; only for documents the labelled questions were written against), and whether it is the passage that
	 * defines the document's procedure for a question asking what it is. A follow-up that asks what comes after the
	 * step just answered ({@code rerank} false), and every lookup with {@code rerank.enabled=false}, keeps the order
	 * from before the reranker: the fused score plus {@code answerability.section-votes} (in the units of a first rank)
	 * times the section's share of the votes that count, and the defining passage moved up.
	 */
	private List<RetrievedPassage> fused(IndexSearcher searcher, TopDocs lexical, TopDocs semantic, Set<String> topic,
			Map<String, Double> votes, Map<String, Double> allVotes, String question, float[] vector, boolean rerank)
			throws IOException {
		boolean reranked = rerank && reranker.enabled();
		StoredFields fields = searcher.storedFields();
		double voteWeight = properties.answerability().sectionVotes() / (properties.rrfK() + 1);
		double definingBonus = DEFINING_PASSAGE_RANKS / (properties.rrfK() + 1);
		QuestionExamples examples = allVotes.isEmpty() ? null : questionExamples();
		double mostVotes = allVotes.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		List<ScoreDoc> hits = fusion.fuse(lexical, semantic, Math.max(CANDIDATES, properties.maxPassages()));
		List<PassageReranker.Measured> measured = new ArrayList<>();
		// the question's topical terms and their rarity: the same for every candidate
		List<String> topicTerms = reranked ? List.copyOf(topic) : List.of();
		List<Double> topicWeights = reranked ? topicWeights(searcher.getIndexReader(), topicTerms) : List.of();
		List<Map.Entry<Passage, Double>> candidates = new ArrayList<>();
		QuestionExamples.NearestExample nearest = reranked && examples != null
				? examples.nearestExample(vector, analysis.clinicalWording(question))
				: new QuestionExamples.NearestExample("", 0, 0);
		for (int rank = 0; rank < hits.size(); rank++) {
			ScoreDoc hit = hits.get(rank);
			Passage passage = KnowledgeIndex.passage(fields, hit.doc);
			boolean labelled = examples != null && examples.labelled(passage);
			double vote = labelled ? votes.getOrDefault(passage.heading(), 0.0) : 0;
			double anyVote = labelled ? allVotes.getOrDefault(passage.heading(), 0.0) : 0;
			boolean defines = definitions.defines(question, passage);
			candidates.add(Map.entry(passage, hit.score + voteWeight * vote + (defines ? definingBonus : 0)));
			if (reranked) {
				boolean nearestNames = labelled && nearest.section().equals(passage.heading());
				measured.add(measured(searcher.getIndexReader(), lexical, semantic, hit, rank, passage, topic,
						new double[] { vote, anyVote, anyVote > 0 && anyVote == mostVotes ? 1 : 0,
								nearestNames ? nearest.cosine() : 0, nearestNames ? nearest.lead() : 0 },
						defines, topicWeights, topicTerms));
			}
		}
		List<Passage> ordered;
		if (reranked) {
			ordered = reranker.order(reranker.candidates(measured, vector));
		}
		else {
			// stable: equal scores keep the fused order
			candidates.sort(Map.Entry.<Passage, Double>comparingByValue().reversed());
			ordered = candidates.stream().map(Map.Entry::getKey).toList();
		}
		return ordered.stream().limit(properties.maxPassages())
			.map(p -> new RetrievedPassage(p, 0, matched(p, topic))).toList();
	}

	/** What the reranker reads of one fused candidate. */
	private PassageReranker.Measured measured(IndexReader reader, TopDocs lexical, TopDocs semantic, ScoreDoc hit,
			int rank, Passage passage, Set<String> topic, double[] votes, boolean defines, List<Double> topicWeights,
			List<String> topicTerms) throws IOException {
		int keywordRank = rankOf(lexical, hit.doc);
		double best = lexical.scoreDocs.length == 0 ? 0 : lexical.scoreDocs[0].score;
		double keyword = keywordRank < 0 || best <= 0 ? 0 : lexical.scoreDocs[keywordRank].score / best;
		Set<String> heading = new HashSet<>(analysis.passageTerms(passage.section(), passage.language()));
		heading.retainAll(topic);
		return new PassageReranker.Measured(passage, hit.score * (properties.rrfK() + 1), rank, keyword, keywordRank,
				rankOf(semantic, hit.doc), coverage(reader, topic, matched(passage, topic)),
				coverage(reader, topic, heading), votes[0], votes[1], votes[2] > 0, defines, topicWeights, topicTerms,
				votes[3], votes[4]);
	}

	/** A passage's place in a ranking, from 0; -1 when it is not in it. */
	private static int rankOf(TopDocs ranking, int doc) {
		for (int i = 0; i < ranking.scoreDocs.length; i++) {
			if (ranking.scoreDocs[i].doc == doc) {
				return i;
			}
		}
		return -1;
	}

	/** The rarity of each term, in their order. */
	private static List<Double> topicWeights(IndexReader reader, List<String> terms) throws IOException {
		List<Double> weights = new ArrayList<>(terms.size());
		for (String term : terms) {
			weights.add(weight(reader, term));
		}
		return List.copyOf(weights);
	}

	/**
	 * The votes that count for this question. Without a clear keyword lead, all of them. With one, only when both
	 * readings of its meaning name another section than the keywords' best hit: the passage nearest in meaning is that
	 * section's and most of the votes go to it ("how long until the bones fuse": the implant's passage says "bone" most
	 * often, the passage and the labelled questions nearest in meaning are about healing). Either alone is not enough
	 * against a clear lead: the labelled questions echo a procedure's name, a passage's vector its wording.
	 */
	private static Map<String, Double> votes(IndexSearcher searcher, TopDocs lexical, TopDocs semantic,
			boolean clearLead, Map<String, Double> votes) throws IOException {
		if (!clearLead || votes.isEmpty()) {
			return votes;
		}
		if (lexical.scoreDocs.length == 0 || semantic.scoreDocs.length == 0) {
			return Map.of();
		}
		StoredFields fields = searcher.storedFields();
		String keywordsBest = KnowledgeIndex.passage(fields, lexical.scoreDocs[0].doc).heading();
		String meaningBest = KnowledgeIndex.passage(fields, semantic.scoreDocs[0].doc).heading();
		String mostVoted = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
		return !meaningBest.equals(keywordsBest) && meaningBest.equals(mostVoted) ? votes : Map.of();
	}

	/** The labelled questions' votes for sections; none when the setting is off or the best passage is unlabelled. */
	private Map<String, Double> sectionVotes(List<RetrievedPassage> keywordPassages, float[] vector, String corrected) {
		if (properties.answerability().sectionVotes() <= 0 || vector == null) {
			return Map.of();
		}
		QuestionExamples examples = questionExamples();
		boolean labelled = keywordPassages.isEmpty() || examples.labelled(keywordPassages.getFirst().passage());
		return labelled ? examples.sectionVotes(vector, analysis.clinicalWording(corrected)) : Map.of();
	}

	/** The topical words of a text when it has any ("scar" of "will it leave a big scar"), else all its words. */
	private Set<String> searchTerms(String text) {
		Set<String> terms = new LinkedHashSet<>(analysis.topicTerms(text));
		return terms.isEmpty() ? new LinkedHashSet<>(analysis.queryTerms(text)) : terms;
	}

	private List<RetrievedPassage> passages(IndexSearcher searcher, TopDocs top, Set<String> topic)
			throws IOException {
		List<RetrievedPassage> passages = new ArrayList<>();
		if (top.scoreDocs.length == 0) {
			return passages;
		}
		double best = top.scoreDocs[0].score;
		StoredFields fields = searcher.storedFields();
		for (ScoreDoc hit : top.scoreDocs) {
			if (passages.size() >= properties.maxPassages() || hit.score < best * properties.relativeScoreCutoff()) {
				break;
			}
			Passage passage = KnowledgeIndex.passage(fields, hit.doc);
			passages.add(new RetrievedPassage(passage, hit.score, matched(passage, topic)));
		}
		return passages;
	}

	private Set<String> matched(Passage passage, Set<String> topic) {
		Set<String> passageTerms = new HashSet<>(analysis.passageTerms(String.join("\n", passage.title(),
				passage.section(), passage.text(), String.join(" ", passage.tags())), passage.language()));
		passageTerms.retainAll(topic);
		return passageTerms;
	}

	private double coverage(IndexReader reader, Set<String> topic, Set<String> found) throws IOException {
		return coverage(reader, IndexFields.ALL, topic, found);
	}

	private double coverage(IndexReader reader, String field, Set<String> topic, Set<String> found) throws IOException {
		double total = 0;
		double matched = 0;
		for (String term : topic) {
			double weight = weight(reader, field, term);
			total += weight;
			if (found.contains(term)) {
				matched += weight;
			}
		}
		return total == 0 ? 0 : matched / total;
	}

	/** Inverse document frequency in the knowledge; a word the knowledge never uses weighs the most. */
	private static double weight(IndexReader reader, String term) throws IOException {
		return weight(reader, IndexFields.ALL, term);
	}

	/** {@link #weight(IndexReader, String)} among the passages of one language's field. */
	private static double weight(IndexReader reader, String field, String term) throws IOException {
		int docs = Math.max(1, reader.getDocCount(field));
		int df = reader.docFreq(new Term(field, term));
		if (df == 0) {
			return UNKNOWN_TERM_WEIGHT_FACTOR * Math.log(1 + (docs + 0.5) / 0.5);
		}
		return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
	}

	/** The most informative terms, at most {@value #MAX_QUERY_TERMS}: a long message never becomes a huge query. */
	private static List<String> rarest(Map<String, Double> weights) {
		return weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(MAX_QUERY_TERMS).map(Map.Entry::getKey).toList();
	}

	/**
	 * Each term scored over the whole passage (title, section path, text and keywords as one field, so rarity is
	 * measured across the whole knowledge), with a bonus when it is in the section heading, unless the term is
	 * everywhere anyway, or the question asks what something is (then the heading that names it is the answer).
	 * The conversation's topic only nudges.
	 */
	/**
	 * The part of the conversation's topic a follow-up is about. The topic is the document, then on a line of its own
	 * the section last answered from. A follow-up that names a topic of its own and does not point back at the answer
	 * ("and the scars?") is about that topic in the document: the section is left behind, so the new topic wins. One
	 * without topical words ("how much?") or pointing back ("how many cuts for those?") keeps the section.
	 */
	static String followed(String question, String topic, List<String> questionTopic) {
		int section = topic.indexOf('\n');
		if (section < 0 || questionTopic.isEmpty() || REFERS_BACK.matcher(question).find()) {
			return topic;
		}
		return topic.substring(0, section);
	}

	/**
	 * A follow-up asking what comes after the step just answered ("so what goes in its place?", "and then what happens
	 * to the bones in the end?") follows the part of the page written after that step: the conversation's topic with
	 * the next section in its place; null for any other message, or when the step is the page's last.
	 */
	private String nextStep(IndexSearcher searcher, String question, String topic) throws IOException {
		int cut = topic.indexOf('\n');
		if (cut < 0 || !NEXT_STEP.matcher(question).find()) {
			return null;
		}
		Passage next = SectionParts.after(searcher, topic.substring(0, cut), topic.substring(cut + 1),
				analysis.passageTerms(topic.substring(cut + 1)));
		return next == null ? null : topic.substring(0, cut) + "\n" + next.section();
	}

	/** Words by which a follow-up asks what happens after what was just answered. */
	private static final Pattern NEXT_STEP = Pattern.compile("(?iu)\\b(?:then|next|after that|afterwards|in its place"
			+ "|in their place|in the end|eventually|over time|end up|ends up|after this|once that'?s done)\\b");

	private static Query query(List<String> terms, Map<String, Double> weights, Set<String> contextTerms,
			boolean definition) {
		return query(ENGLISH_FIELDS, terms, weights, contextTerms, definition);
	}

	/** The fields a language's passages are searched in: the whole passage, and its section path for the bonus. */
	private record Fields(String all, String section) {
	}

	private static final Fields ENGLISH_FIELDS = new Fields(IndexFields.ALL, IndexFields.SECTION);

	private static final Fields SPANISH_FIELDS = new Fields(IndexFields.ALL_SPANISH, IndexFields.SECTION_SPANISH);

	private static Query query(Fields fields, List<String> terms, Map<String, Double> weights, Set<String> contextTerms,
			boolean definition) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (String term : terms) {
			Query clause = new TermQuery(new Term(fields.all(), term));
			if (definition || weights.get(term) >= MIN_WEIGHT_FOR_HEADING_BONUS) {
				clause = new BooleanQuery.Builder().add(clause, Occur.SHOULD)
					.add(field(fields.section(), term, HEADING_BONUS), Occur.SHOULD)
					.build();
			}
			query.add(contextTerms.contains(term) ? new BoostQuery(clause, (float) CONTEXT_WEIGHT) : clause,
					Occur.SHOULD);
		}
		return query.build();
	}

	private static Query field(String field, String term, float boost) {
		return new BoostQuery(new TermQuery(new Term(field, term)), boost);
	}

}
