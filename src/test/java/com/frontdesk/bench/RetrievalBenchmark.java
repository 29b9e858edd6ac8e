package com.frontdesk.bench;

import com.frontdesk.practice.PracticeId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.frontdesk.FrontdeskApplication;
import com.frontdesk.bench.MedQuadCorpus.Qa;
import com.frontdesk.bench.RankingScores.Hit;
import com.frontdesk.bench.RetrievalPeers.EmbeddingStore;
import com.frontdesk.bench.RetrievalPeers.LuceneBm25;
import com.frontdesk.bench.RetrievalPeers.Method;
import com.frontdesk.bench.RrfSweep.Setting;
import com.frontdesk.knowledge.KnowledgeLoader;
import com.frontdesk.knowledge.Passage;
import com.frontdesk.retrieval.Embeddings;
import com.frontdesk.retrieval.IndexStatus;
import com.frontdesk.retrieval.KnowledgeIndex;
import com.frontdesk.retrieval.KnowledgeIndexes;
import com.frontdesk.retrieval.RetrievalProperties;
import com.frontdesk.retrieval.RetrievedPassage;
import com.frontdesk.retrieval.Retriever;
import com.frontdesk.retrieval.Retriever.Ranking;

import dev.langchain4j.model.embedding.EmbeddingModel;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retrieval quality and speed (issue 4): Frontdesk's keyword, vector and hybrid rankings ({@link Retriever#rank})
 * next to the peers a Java developer would pick (plain Lucene {@code StandardAnalyzer} BM25, LangChain4j's
 * {@code InMemoryEmbeddingStore} with the same embedding model), on MedQuAD and on the practice's own patient
 * questions. Each corpus runs in the REAL Spring application context started on a knowledge folder.
 *
 * <pre>nice -n 19 ./mvnw -q -B -o test -Dtest=RetrievalBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dbench.subset.docs=0 -Dbench.models=all-minilm-l6-v2-q -Dbench.split=true</pre>
 *
 * (the documented run in {@code docs/benchmarks.md}: all 16,407 questions, split by a hash of the record id into a
 * tune part, where the fusion replay chooses its setting, and a report part, where every figure is reported; without
 * the first two options it also compares the embedding models)
 *
 * Phases: (1) the patient questions against {@code knowledge/}, per embedding model; (2) the embedding models
 * compared on a fixed random MedQuAD subset; (3) the full MedQuAD with the default model: all methods, the spine
 * questions, latency, build time, heap, and a replay of the fusion over captured rankings to find better settings;
 * (4) the best settings found, confirmed through the real context on the full corpus and on the patient questions.
 * Writes {@code target/benchmarks/retrieval.json}. Options: {@code -Dbench.*} (see {@link #config}).
 */
class RetrievalBenchmark {

	static final double RECALL5_MARGIN_TARGET = 0.05;

	static final double P99_TARGET_MS = 10.0;

	static final double RECALL5_TARGET = 0.90;

	static final double RECALL1_TARGET = 0.57;

	static final String DEFAULT_MODEL = "all-minilm-l6-v2-q";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final Map<String, String> MODEL_CLASSES = Map.of("all-minilm-l6-v2-q",
			"dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
			"all-minilm-l6-v2", "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel",
			"bge-small-en-v15", "dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel");

	private static final AtomicInteger CONTEXTS = new AtomicInteger();

	private final Map<String, Object> config = new LinkedHashMap<>();

	private final Path dataDir = Path.of(string("bench.dataDir", "target/bench-data")).toAbsolutePath();

	private final int warmupQueries = integer("bench.warmupQueries", 500);

	private final boolean enforce = Boolean.parseBoolean(string("bench.enforce", "false"));

	/**
	 * All questions split into a tune part (the fusion replay chooses its setting there) and a report part (every
	 * reported figure), by {@link MedQuadCorpus#inTunePart}; {@code bench.full.queries} is then ignored.
	 */
	private final boolean split = Boolean.parseBoolean(string("bench.split", "false"));

	private final int tunePercent = integer("bench.split.tunePercent", 30);

	/** The patient questions' rankings with the full-corpus model, so that the fusion replay can check them too. */
	private RrfSweep patientSweep;

	@Test
	void retrieval() throws Exception {
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("benchmark", "retrieval");
		results.put("run_at", Instant.now().toString());
		results.put("environment", environment());
		results.put("config", config);
		Path corpusFile = MedQuadCorpus.locate();
		config.put("medquad", corpusFile.toString());
		String model = string("bench.model", DEFAULT_MODEL);
		List<String> models = List.of(string("bench.models", "all-minilm-l6-v2-q,all-minilm-l6-v2,bge-small-en-v15")
			.split("\\s*,\\s*"));
		List<Qa> corpus = MedQuadCorpus.load(corpusFile);
		Set<String> spine = MedQuadCorpus.spineIds(corpusFile);
		config.put("medquad_records", corpus.size());
		config.put("spine_records", spine.size());
		Path work = Files.createTempDirectory("frontdesk-medquad-");

		// 1. The practice's own patient questions against knowledge/.
		Map<String, Object> patient = new LinkedHashMap<>();
		results.put("patient_questions", patient);
		section("Patient questions against knowledge/ (rank of the expected section)");
		for (String m : models) {
			patient.put(m, patientQuestions(m, List.of()));
		}

		// 2. Embedding models on a fixed random subset of MedQuAD.
		int subsetSize = integer("bench.subset.docs", 3000);
		long seed = integer("bench.subset.seed", 42);
		if (subsetSize > 0 && !models.isEmpty()) {
			List<Qa> subset = MedQuadCorpus.sample(corpus, subsetSize, seed);
			Path folder = work.resolve("subset");
			MedQuadCorpus.writeKnowledge(subset, folder);
			Map<String, Object> comparison = new LinkedHashMap<>();
			results.put("model_comparison", comparison);
			comparison.put("documents", subset.size());
			comparison.put("seed", seed);
			Map<String, Object> byModel = new LinkedHashMap<>();
			comparison.put("models", byModel);
			for (String m : models) {
				section("Model comparison: " + m + " on " + subset.size() + " MedQuAD documents (seed " + seed + ")");
				byModel.put(m, medQuad(folder, subset, Set.of(), m, List.of(), false, false, 0).summary);
				write(results);
			}
		}

		// 3. Full MedQuAD with the chosen model.
		int fullSize = integer("bench.full.docs", 0);
		List<Qa> full = MedQuadCorpus.sample(corpus, fullSize, seed);
		Path fullFolder = work.resolve("full");
		MedQuadCorpus.writeKnowledge(full, fullFolder);
		section("Full MedQuAD: " + full.size() + " documents, model " + model + ", default fusion");
		boolean sweep = Boolean.parseBoolean(string("bench.sweep", "true"));
		int fullQueries = integer("bench.full.queries", 0);
		MedQuadRun defaults = medQuad(fullFolder, full, spine, model, List.of(), true, sweep, fullQueries);
		Map<String, Object> fullResults = new LinkedHashMap<>(defaults.summary);
		results.put("medquad_full", fullResults);
		write(results);

		// 4. The fusion replayed over the captured rankings, and the best setting confirmed in the real context.
		Setting chosen = null;
		if (defaults.sweep != null) {
			section("Fusion settings replayed over the captured rankings (" + defaults.sweep.size() + " queries"
					+ (split ? ", tune part only)" : ")"));
			Map<String, Object> sweepResults = sweep(defaults.sweep, patientSweep, defaults.fusion);
			results.put("fusion_sweep", sweepResults);
			chosen = (Setting) sweepResults.remove("best_setting_object");
			write(results);
		}
		if (chosen != null && !chosen.equals(defaults.fusion)) {
			section("Full MedQuAD with the recommended fusion: " + chosen.label());
			MedQuadRun confirmed = medQuad(fullFolder, full, spine, model, chosen.properties(), true, false, fullQueries);
			Map<String, Object> confirm = new LinkedHashMap<>(confirmed.summary);
			confirm.put("setting", chosen.toMap());
			results.put("medquad_full_recommended_fusion", confirm);
			section("Patient questions with the recommended fusion");
			results.put("patient_questions_recommended_fusion", patientQuestions(model, chosen.properties()));
		}

		// Targets.
		results.put("targets", targets(defaults, results));
		results.put("load_average_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		write(results);
		deleteTree(work);
	}

	// ------------------------------------------------------------------------------------------------ MedQuAD

	private record MedQuadRun(Map<String, Object> summary, RrfSweep sweep, Setting fusion) {
	}

	/** The fusion settings the context actually runs with. */
	static Setting fusion(ConfigurableApplicationContext context) {
		RetrievalProperties p = context.getBean(RetrievalProperties.class);
		return new Setting(p.lexicalWeight(), p.vectors().weight(), p.vectors().tieWeight(), p.decisiveMargin(), p.rrfK(),
				p.lexicalDepth(), p.vectors().depth());
	}

	private MedQuadRun medQuad(Path folder, List<Qa> records, Set<String> spine, String model, List<String> extra,
			boolean withWholeAnswerPeer, boolean captureSweep, int queryLimit) throws IOException {
		Map<String, Object> summary = new LinkedHashMap<>();
		Map<String, Set<String>> relevance = MedQuadCorpus.relevance(records);
		long cachedBefore = cachedVectors(model);
		MemoryUsage heapBefore = heapAfterGc();
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = start(folder, model, extra)) {
			long startMillis = (System.nanoTime() - started) / 1_000_000;
			KnowledgeIndex index = context.getBean(KnowledgeIndexes.class).of(PracticeId.DEFAULT);
			Retriever retriever = context.getBean(Retriever.class);
			Embeddings embeddings = context.getBean(Embeddings.class);
			IndexStatus status = index.status();
			Setting fusion = fusion(context);
			summary.put("fusion", fusion.toMap());
			System.out.println("  fusion: " + fusion.label());
			MemoryUsage heapAfter = heapAfterGc();
			List<Passage> passages = context.getBean(KnowledgeLoader.class).load().passages();
			Map<String, Object> build = new LinkedHashMap<>();
			build.put("documents", status.documents());
			build.put("passages", status.passages());
			build.put("vectors_cached_before_start", cachedBefore);
			build.put("startup_build_ms", status.buildMillis());
			build.put("context_start_ms", startMillis);
			build.put("heap_used_before_start_mb", mb(heapBefore.getUsed()));
			build.put("heap_used_after_build_mb", mb(heapAfter.getUsed()));
			build.put("heap_committed_after_build_mb", mb(heapAfter.getCommitted()));
			summary.put("index", build);
			System.out.printf("  %d documents, %d passages; start-up build %d ms (%d vectors were cached before);"
					+ " heap after GC %.1f MB (before the context %.1f MB)%n", status.documents(), status.passages(),
					status.buildMillis(), cachedBefore, mb(heapAfter.getUsed()), mb(heapBefore.getUsed()));
			if (extra.isEmpty() && cachedBefore >= status.passages()) {
				long rebuildStarted = System.nanoTime();
				IndexStatus rebuilt = index.reindex();
				build.put("reindex_from_cache_ms", (System.nanoTime() - rebuildStarted) / 1_000_000);
				build.put("reindex_build_ms", rebuilt.buildMillis());
				System.out.printf("  reindex() with every vector cached: %d ms%n", rebuilt.buildMillis());
			}

			EmbeddingModel embeddingModel = loadModel(model);
			summary.put("embedding", embeddingSpeed(model, embeddingModel, passages, records));

			Map<String, Method> methods = new LinkedHashMap<>();
			methods.put("Frontdesk KEYWORDS", frontdesk(retriever, Ranking.KEYWORDS));
			methods.put("Frontdesk VECTORS", frontdesk(retriever, Ranking.VECTORS));
			methods.put("Frontdesk HYBRID", frontdesk(retriever, Ranking.HYBRID));
			methods.put("Frontdesk FOR_MODEL", frontdesk(retriever, Ranking.FOR_MODEL));
			if (extra.isEmpty()) {
				long peerStarted = System.nanoTime();
				LuceneBm25 bm25 = new LuceneBm25(LuceneBm25.units(passages,
						p -> new LuceneBm25.Unit(RetrievalPeers.document(p), p.section(), p.text())));
				methods.put("Lucene BM25 (StandardAnalyzer)", bm25);
				if (withWholeAnswerPeer) {
					methods.put("Lucene BM25, whole answers", new LuceneBm25(LuceneBm25.units(records,
							qa -> new LuceneBm25.Unit(qa.file(), "", qa.answer()))));
				}
				EmbeddingStore store = new EmbeddingStore(embeddingModel, passages,
						p -> embeddings.content(RetrievalPeers.embeddingText(p)));
				methods.put("LangChain4j InMemoryEmbeddingStore", store);
				System.out.printf("  peers built in %d ms%n", (System.nanoTime() - peerStarted) / 1_000_000);
			}

			Map<String, RankingScores> all = new LinkedHashMap<>();
			Map<String, RankingScores> tuneScores = new LinkedHashMap<>();
			Map<String, RankingScores> spineScores = new LinkedHashMap<>();
			Map<String, Map<String, RankingScores>> byQtype = new LinkedHashMap<>();
			List<Qa> queries = split || queryLimit <= 0 ? records
					: records.stream().filter(qa -> spine.contains(qa.id())
							|| sampledIds(records, queryLimit).contains(qa.id())).toList();
			Predicate<Qa> tunePart = qa -> split && MedQuadCorpus.inTunePart(qa, tunePercent);
			summary.put("queries_evaluated", queries.size());
			if (split) {
				summary.put("split", split(queries, spine, tunePart));
			}
			for (Map.Entry<String, Method> method : methods.entrySet()) {
				RankingScores scores = new RankingScores();
				RankingScores tuneOnly = new RankingScores();
				RankingScores spineOnly = new RankingScores();
				Map<String, RankingScores> qtypes = new TreeMap<>();
				warmUp(method.getValue(), queries.stream().map(Qa::question).toList());
				for (Qa qa : queries) {
					Set<String> relevant = relevance.get(qa.id());
					long t0 = System.nanoTime();
					List<Hit> hits = method.getValue().search(qa.question(), RankingScores.DEPTH);
					long nanos = System.nanoTime() - t0;
					Predicate<Hit> isRelevant = h -> relevant.contains(h.document());
					if (tunePart.test(qa)) {
						tuneOnly.add(hits, isRelevant, relevant.size(), nanos);
					}
					else {
						scores.add(hits, isRelevant, relevant.size(), nanos);
						qtypes.computeIfAbsent(qa.qtype(), k -> new RankingScores()).add(hits, isRelevant, relevant.size(),
								-1);
					}
					if (spine.contains(qa.id())) {
						spineOnly.add(hits, isRelevant, relevant.size(), nanos);
					}
				}
				all.put(method.getKey(), scores);
				byQtype.put(method.getKey(), qtypes);
				if (tuneOnly.queries() > 0) {
					tuneScores.put(method.getKey(), tuneOnly);
				}
				if (spineOnly.queries() > 0) {
					spineScores.put(method.getKey(), spineOnly);
				}
				System.out.println(scores.row(method.getKey()) + "   " + Instant.now());
			}
			System.out.println();
			print("MedQuAD, " + (split ? "report part, " : "") + all.values().iterator().next().queries() + " questions",
					all);
			summary.put("methods", toMaps(all));
			if (!tuneScores.isEmpty()) {
				print("MedQuAD, tune part (the fusion replay chooses here), "
						+ tuneScores.values().iterator().next().queries() + " questions", tuneScores);
				summary.put("tune_methods", toMaps(tuneScores));
			}
			if (!spineScores.isEmpty()) {
				print("Spine questions (medquad-spine.jsonl) against the same index", spineScores);
				summary.put("spine_methods", toMaps(spineScores));
			}
			Map<String, Object> qtypeMaps = new LinkedHashMap<>();
			byQtype.forEach((name, q) -> qtypeMaps.put(name, toMaps(q)));
			summary.put("by_qtype", qtypeMaps);
			printQtypes(byQtype);

			RrfSweep sweep = null;
			if (captureSweep) {
				sweep = capture(retriever, split ? queries.stream().filter(tunePart).toList() : queries, relevance);
			}
			for (Method method : methods.values()) {
				if (method instanceof LuceneBm25 bm25) {
					bm25.close();
				}
			}
			return new MedQuadRun(summary, sweep, fusion);
		}
	}

	private Map<String, Object> split(List<Qa> queries, Set<String> spine, Predicate<Qa> tunePart) {
		Map<String, Object> out = new LinkedHashMap<>();
		long tune = queries.stream().filter(tunePart).count();
		long spineInTune = queries.stream().filter(qa -> spine.contains(qa.id())).filter(tunePart).count();
		out.put("rule", "tune part: CRC-32 of the record id (UTF-8) mod 100 < " + tunePercent);
		out.put("tune_queries", tune);
		out.put("report_queries", queries.size() - tune);
		out.put("spine_questions_in_tune_part", spineInTune);
		System.out.printf("  split: %d tune questions (CRC-32 of the id mod 100 < %d), %d report questions;"
				+ " %d of the spine questions are in the tune part%n", tune, tunePercent, queries.size() - tune,
				spineInTune);
		return out;
	}

	private static final Map<Integer, Set<String>> SAMPLES = new java.util.HashMap<>();

	/** The ids of a fixed random sample of the records (the same sample for every run of the same size). */
	private static Set<String> sampledIds(List<Qa> records, int size) {
		return SAMPLES.computeIfAbsent(size, n -> new java.util.HashSet<>(
				MedQuadCorpus.sample(records, n, 5).stream().map(Qa::id).toList()));
	}

	/** Deeper keyword (100) and vector (the context's depth) rankings of every query, for the fusion replay. */
	private RrfSweep capture(Retriever retriever, List<Qa> queries, Map<String, Set<String>> relevance) {
		int depth = integer("bench.sweep.depth", 100);
		int limit = integer("bench.sweep.queries", 0);
		List<Qa> sample = MedQuadCorpus.sample(queries, limit, 7);
		RrfSweep sweep = new RrfSweep();
		long started = System.nanoTime();
		for (Qa qa : sample) {
			Set<String> relevant = relevance.get(qa.id());
			List<RetrievedPassage> lexical = retriever.scored(PracticeId.DEFAULT, qa.question(), depth, Ranking.KEYWORDS);
			List<Passage> semantic = retriever.rank(PracticeId.DEFAULT, qa.question(), depth, Ranking.VECTORS);
			List<Passage> hybrid = retriever.rank(PracticeId.DEFAULT, qa.question(), RankingScores.DEPTH, Ranking.HYBRID);
			sweep.capture(lexical, semantic, hybrid, p -> relevant.contains(RetrievalPeers.document(p)),
					relevant.size());
		}
		System.out.printf("  captured rankings of %d queries for the fusion replay in %d s%n", sweep.size(),
				(System.nanoTime() - started) / 1_000_000_000);
		return sweep;
	}

	/**
	 * Replays the fusion over a grid of settings on the captured MedQuAD rankings and, when captured, on the patient
	 * questions. Recommended: the best MedQuAD Recall@5 (then MRR@10) among the settings that rank the patient
	 * questions' expected sections at least as well as the current setting (R@1 and MRR@10).
	 */
	private Map<String, Object> sweep(RrfSweep sweep, RrfSweep patients, Setting defaultFusion) {
		Map<String, Object> out = new LinkedHashMap<>();
		double agreement = sweep.agreement(defaultFusion);
		RankingScores replayedDefault = sweep.evaluate(defaultFusion);
		out.put("queries", sweep.size());
		out.put("replay_agreement_with_real_hybrid_top10", RankingScores.round(agreement));
		out.put("default_setting", defaultFusion.toMap());
		out.put("default_replayed", replayedDefault.toMap());
		System.out.printf("  replay of the default setting: identical top 10 to the real HYBRID for %.1f %% of queries%n",
				100 * agreement);
		RankingScores patientDefault = patients == null ? null : patients.evaluate(defaultFusion);
		if (patients != null) {
			double patientAgreement = patients.agreement(defaultFusion);
			out.put("patient_replay_agreement_with_real_hybrid_top10", RankingScores.round(patientAgreement));
			out.put("patient_default_replayed", patientDefault.toMap());
			System.out.printf("  patient questions: identical top 10 for %.1f %%%n", 100 * patientAgreement);
		}
		System.out.println(RankingScores.header());
		System.out.println(replayedDefault.row("default (replayed)"));
		if (patientDefault != null) {
			System.out.println(patientDefault.row("default, patient questions"));
		}
		List<Map.Entry<Setting, RankingScores>> evaluated = new ArrayList<>();
		Map<Setting, RankingScores> patientScores = new java.util.HashMap<>();
		double[] vectorWeights = doubles("bench.sweep.vectorWeights", "0.1,0.3,0.6,1,1.5");
		double[] tieWeights = doubles("bench.sweep.tieWeights", "0.3,1,2,3,4,6");
		double[] margins = doubles("bench.sweep.margins", "0.2,0.3,0.5,0.7,1");
		int[] ks = ints("bench.sweep.k", "10,30,60");
		int[] lexicalDepths = ints("bench.sweep.lexicalDepths", "30,100");
		int[] vectorDepths = ints("bench.sweep.vectorDepths", "20,30");
		long started = System.nanoTime();
		List<Setting> grid = new ArrayList<>(List.of(defaultFusion));
		for (double wv : vectorWeights) {
			for (double tie : tieWeights) {
				for (double margin : margins) {
					for (int k : ks) {
						for (int dl : lexicalDepths) {
							for (int dv : vectorDepths) {
								grid.add(new Setting(1.0, wv, tie, margin, k, dl, dv));
							}
						}
					}
				}
			}
		}
		for (Setting setting : new java.util.LinkedHashSet<>(grid)) {
			evaluated.add(Map.entry(setting, sweep.evaluate(setting)));
			if (patients != null) {
				patientScores.put(setting, patients.evaluate(setting));
			}
		}
		System.out.printf("  %d settings replayed in %d s%n", evaluated.size(), (System.nanoTime() - started) / 1_000_000_000);
		Comparator<Map.Entry<Setting, RankingScores>> byQuality = Comparator
			.<Map.Entry<Setting, RankingScores>>comparingDouble(e -> e.getValue().recall5())
			.thenComparingDouble(e -> e.getValue().mrr10());
		evaluated.sort(byQuality.reversed());
		Predicate<Setting> keepsPatients = s -> patientDefault == null
				|| patientScores.get(s).recall1() >= patientDefault.recall1() - 1e-9
						&& patientScores.get(s).mrr10() >= patientDefault.mrr10() - 1e-9;
		List<Map<String, Object>> top = new ArrayList<>();
		System.out.println("  best settings by Recall@5 (then MRR@10); patient questions R@1 / MRR@10:");
		for (int i = 0; i < Math.min(15, evaluated.size()); i++) {
			var e = evaluated.get(i);
			top.add(row(e, patientScores.get(e.getKey())));
		}
		out.put("top_settings", top);
		// One-dimensional views from the default: what each setting does on its own.
		Map<String, Object> views = new LinkedHashMap<>();
		Setting d = defaultFusion;
		System.out.println("  one setting at a time, the others at the default:");
		Map<String, java.util.function.UnaryOperator<Setting>> varying = new LinkedHashMap<>();
		varying.put("vectors.weight", s -> new Setting(1.0, s.vectorWeight(), d.tieWeight(), d.decisiveMargin(), d.rrfK(),
				d.lexicalDepth(), d.vectorDepth()));
		varying.put("vectors.tie-weight", s -> new Setting(1.0, d.vectorWeight(), s.tieWeight(), d.decisiveMargin(),
				d.rrfK(), d.lexicalDepth(), d.vectorDepth()));
		varying.put("decisive-margin", s -> new Setting(1.0, d.vectorWeight(), d.tieWeight(), s.decisiveMargin(),
				d.rrfK(), d.lexicalDepth(), d.vectorDepth()));
		varying.put("rrf-k", s -> new Setting(1.0, d.vectorWeight(), d.tieWeight(), d.decisiveMargin(), s.rrfK(),
				d.lexicalDepth(), d.vectorDepth()));
		varying.put("lexical-depth, vectors.depth", s -> new Setting(1.0, d.vectorWeight(), d.tieWeight(),
				d.decisiveMargin(), d.rrfK(), s.lexicalDepth(), s.vectorDepth()));
		varying.forEach((name, onlyThis) -> views.put(name,
				view(evaluated, patientScores, s -> s.equals(onlyThis.apply(s)), name)));
		out.put("one_at_a_time_from_default", views);
		List<Map.Entry<Setting, RankingScores>> allowed = evaluated.stream().filter(e -> keepsPatients.test(e.getKey()))
			.toList();
		Setting best = allowed.isEmpty() ? d : allowed.get(0).getKey();
		// Prefer the default's depths and rank constant when that costs at most 0.1 point of Recall@5.
		for (var e : allowed) {
			if (e.getValue().recall5() >= allowed.get(0).getValue().recall5() - 0.001 && e.getKey().rrfK() == d.rrfK()
					&& e.getKey().lexicalDepth() == d.lexicalDepth() && e.getKey().vectorDepth() == d.vectorDepth()) {
				best = e.getKey();
				break;
			}
		}
		out.put("recommended_setting", best.toMap());
		System.out.println("  recommended (keeps the patient questions at least as good): " + best.label());
		out.put("best_setting_object", best);
		return out;
	}

	private static Map<String, Object> row(Map.Entry<Setting, RankingScores> e, RankingScores patient) {
		Setting s = e.getKey();
		System.out.println(e.getValue().row(String.format("w_v %.2f tie %.2f m %.2f k %d dL %d dV %d", s.vectorWeight(),
				s.tieWeight(), s.decisiveMargin(), s.rrfK(), s.lexicalDepth(), s.vectorDepth()))
				+ (patient == null ? "" : String.format("   patients %.1f / %.3f", 100 * patient.recall1(), patient.mrr10())));
		Map<String, Object> row = new LinkedHashMap<>(s.toMap());
		row.putAll(e.getValue().toMap());
		if (patient != null) {
			row.put("patient_questions", patient.toMap());
		}
		return row;
	}

	private static List<Map<String, Object>> view(List<Map.Entry<Setting, RankingScores>> evaluated,
			Map<Setting, RankingScores> patients, Predicate<Setting> filter, String title) {
		List<Map<String, Object>> rows = new ArrayList<>();
		System.out.println("  " + title + ":");
		evaluated.stream().filter(e -> filter.test(e.getKey()))
			.sorted(Comparator.comparingDouble((Map.Entry<Setting, RankingScores> e) -> e.getKey().vectorWeight())
				.thenComparingDouble(e -> e.getKey().tieWeight()).thenComparingDouble(e -> e.getKey().decisiveMargin())
				.thenComparingInt(e -> e.getKey().rrfK()).thenComparingInt(e -> e.getKey().lexicalDepth())
				.thenComparingInt(e -> e.getKey().vectorDepth()))
			.forEach(e -> rows.add(row(e, patients.get(e.getKey()))));
		return rows;
	}

	private Map<String, Object> embeddingSpeed(String model, EmbeddingModel embeddingModel, List<Passage> passages,
			List<Qa> records) {
		int samples = integer("bench.embedSamples", 200);
		List<Passage> passageSample = new ArrayList<>(passages);
		Collections.shuffle(passageSample, new Random(11));
		passageSample = passageSample.subList(0, Math.min(samples, passageSample.size()));
		List<Qa> querySample = MedQuadCorpus.sample(records, Math.min(samples, records.size()), 13);
		for (int i = 0; i < 20; i++) {
			embeddingModel.embed(RetrievalPeers.embeddingText(passageSample.get(i % passageSample.size())));
		}
		Latencies passageTimes = new Latencies();
		long words = 0;
		for (Passage passage : passageSample) {
			String text = RetrievalPeers.embeddingText(passage);
			words += text.split("\\s+").length;
			long t0 = System.nanoTime();
			embeddingModel.embed(text);
			passageTimes.add(System.nanoTime() - t0);
		}
		Latencies queryTimes = new Latencies();
		for (Qa qa : querySample) {
			long t0 = System.nanoTime();
			embeddingModel.embed(qa.question());
			queryTimes.add(System.nanoTime() - t0);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("model", model);
		out.put("jar", jar(model));
		out.put("jar_mb", mb(jarSize(model)));
		out.put("passage_samples", passageSample.size());
		out.put("passage_mean_words", passageSample.isEmpty() ? 0 : words / passageSample.size());
		out.put("passage_embed", passageTimes.summary().toMap());
		out.put("query_embed", queryTimes.summary().toMap());
		System.out.printf("  %s (%.1f MB jar): embed a passage p50 %.2f ms mean %.2f ms; a question p50 %.2f ms mean %.2f ms%n",
				model, mb(jarSize(model)), passageTimes.summary().p50(), passageTimes.summary().mean(),
				queryTimes.summary().p50(), queryTimes.summary().mean());
		return out;
	}

	// ------------------------------------------------------------------------------------------------ patient questions

	/** The answer and candidacy questions of {@code PatientChats} that cite a section, asked without context. */
	static final List<String[]> PATIENT_QUESTIONS = List.of(
			q("what happens during the surgery?", "How the procedure works"),
			q("What is lateral fusion?", "What is minimally invasive lateral fusion?"),
			q("how long does it take to heal?", "Healing and fusion"), q("will it leave a scar?", "Scars"),
			q("what is latteral fussion", "What is minimally invasive lateral fusion?"),
			q("whats XLIF?", "What is minimally invasive lateral fusion?"),
			q("can this fix a slipped disc?", "Which conditions can it treat?"),
			q("does it treat bone infection?", "Which conditions can it treat?"),
			q("I was told I have a curved spine. is that something lateral fusion treats?",
					"Which conditions can it treat?"),
			q("what conditions can back surgery like xlif treat", "Which conditions can it treat?"),
			q("what about an infected disk, can you do this for that?", "Which conditions can it treat?"),
			q("can it treat spine tumours?", "Which conditions can it treat?"),
			q("my first fusion didnt work, can you redo it with lateral fusion?", "Which conditions can it treat?"),
			q("is it used for failed back surgery syndrome", "Which conditions can it treat?"),
			q("What are pedicle screws?", "Pedicle screws and rods"),
			q("do they put screws and rods in your back?", "Pedicle screws and rods"),
			q("how will i be lying on the table during the op?", "Positioning on the operating table"),
			q("do they take the disc out?", "Removing the disc"),
			q("what is the spacer made of", "The implant and bone graft"),
			q("what does the bone graft do", "The implant and bone graft"),
			q("whats the point of the surgery, what are the goals?", "What are the goals of the surgery?"),
			q("how many scars will I have", "Scars"),
			q("how long before the bones fuse together?", "Healing and fusion"),
			q("will they cut through my back muscles", "The small incision in your side"),
			q("whats the retractor for", "Removing the disc"),
			q("how is the surgery done step by step", "How the procedure works"),
			q("wat is the recovry like after xlif", "Healing and fusion"), q("will the scar be big?", "Scars"),
			q("and what are the screws for", "Pedicle screws and rods"),
			q("Does lateral fusion treat scoliosis?", "Which conditions can it treat?"),
			q("what about a bone infection", "Which conditions can it treat?"),
			q("and will I have scars on my back?", "Scars"),
			q("my lower back hurts all the time", "Who is a good candidate?"),
			q("am I a candidate for lateral fusion?", "Who is a good candidate?"),
			q("ive had lower back pain for 2 yrs. PT and injections didnt help. would xlif work for me?",
					"Who is a good candidate?"),
			q("my back pain shoots down my legs and physio didnt help, am i a good candidate",
					"Who is a good candidate?"),
			q("is this surgery right for me?", "Who is a good candidate?"),
			q("I have spondylolisthesis and injections haven't helped, do I qualify?", "Who is a good candidate?"),
			q("do you have same day appointments?", "Booking a consultation"));

	private static String[] q(String question, String section) {
		return new String[] { question, section };
	}

	private Map<String, Object> patientQuestions(String model, List<String> extra) {
		Path knowledge = Path.of(string("bench.knowledge", "knowledge")).toAbsolutePath();
		Map<String, Object> out = new LinkedHashMap<>();
		try (ConfigurableApplicationContext context = start(knowledge, model, extra)) {
			Retriever retriever = context.getBean(Retriever.class);
			Embeddings embeddings = context.getBean(Embeddings.class);
			List<Passage> passages = context.getBean(KnowledgeLoader.class).load().passages();
			Map<String, Method> methods = new LinkedHashMap<>();
			methods.put("Frontdesk KEYWORDS", frontdesk(retriever, Ranking.KEYWORDS));
			methods.put("Frontdesk VECTORS", frontdesk(retriever, Ranking.VECTORS));
			methods.put("Frontdesk HYBRID", frontdesk(retriever, Ranking.HYBRID));
			methods.put("Frontdesk FOR_MODEL", frontdesk(retriever, Ranking.FOR_MODEL));
			methods.put("Lucene BM25 (StandardAnalyzer)", new LuceneBm25(LuceneBm25.units(passages,
					p -> new LuceneBm25.Unit(RetrievalPeers.document(p), p.section(), p.text()))));
			methods.put("LangChain4j InMemoryEmbeddingStore", new EmbeddingStore(loadModel(model), passages,
					p -> embeddings.content(RetrievalPeers.embeddingText(p))));
			Map<String, RankingScores> scores = new LinkedHashMap<>();
			Map<String, Map<String, Integer>> ranks = new LinkedHashMap<>();
			for (Map.Entry<String, Method> method : methods.entrySet()) {
				RankingScores s = new RankingScores();
				Map<String, Integer> perQuestion = new LinkedHashMap<>();
				warmUp(method.getValue(), PATIENT_QUESTIONS.stream().map(x -> x[0]).toList());
				for (String[] question : PATIENT_QUESTIONS) {
					long t0 = System.nanoTime();
					List<Hit> hits = method.getValue().search(question[0], RankingScores.DEPTH);
					long nanos = System.nanoTime() - t0;
					int units = (int) passages.stream().filter(p -> p.section().contains(question[1]))
						.map(Passage::section).distinct().count();
					perQuestion.put(question[0], s.add(hits, h -> h.section().contains(question[1]), units, nanos));
				}
				scores.put(method.getKey(), s);
				ranks.put(method.getKey(), perQuestion);
			}
			if (model.equals(string("bench.model", DEFAULT_MODEL)) && extra.isEmpty()) {
				patientSweep = new RrfSweep();
				for (String[] question : PATIENT_QUESTIONS) {
					Predicate<Passage> expected = p -> p.section().contains(question[1]);
					patientSweep.capture(retriever.scored(PracticeId.DEFAULT, question[0], integer("bench.sweep.depth", 100), Ranking.KEYWORDS),
							retriever.rank(PracticeId.DEFAULT, question[0], integer("bench.sweep.depth", 100), Ranking.VECTORS),
							retriever.rank(PracticeId.DEFAULT, question[0], RankingScores.DEPTH, Ranking.HYBRID), expected,
							(int) passages.stream().filter(expected).map(Passage::section).distinct().count());
				}
			}
			out.put("fusion", fusion(context).toMap());
			print("Patient questions, " + model + ", " + fusion(context).label(), scores);
			List<String> embedded = PATIENT_QUESTIONS.stream().map(question -> question[0])
				.filter(question -> retriever.retrieveForModel(PracticeId.DEFAULT, question, "").queryVector() != null).toList();
			out.put("for_model_vector_search_made", embedded);
			System.out.printf("  looked up for a model's answer: vector search skipped for %d of %d questions; made for:%n",
					PATIENT_QUESTIONS.size() - embedded.size(), PATIENT_QUESTIONS.size());
			embedded.forEach(question -> System.out.println("    " + question));
			System.out.println("  questions where HYBRID does not rank the expected section first (rank, 0 = not in 10):");
			ranks.get("Frontdesk HYBRID").forEach((question, rank) -> {
				if (rank != 1) {
					System.out.printf("    %d (KEYWORDS %d, VECTORS %d)  %s%n", rank, ranks.get("Frontdesk KEYWORDS").get(question),
							ranks.get("Frontdesk VECTORS").get(question), question);
				}
			});
			out.put("passages", passages.size());
			out.put("methods", toMaps(scores));
			out.put("rank_of_expected_section", ranks);
		}
		return out;
	}

	// ------------------------------------------------------------------------------------------------ targets

	@SuppressWarnings("unchecked")
	private Map<String, Object> targets(MedQuadRun defaults, Map<String, Object> results) {
		Map<String, Object> targets = new LinkedHashMap<>();
		section("Targets (full MedQuAD, default settings)");
		Map<String, Map<String, Object>> methods = (Map<String, Map<String, Object>>) defaults.summary.get("methods");
		double hybrid = (double) methods.get("Frontdesk HYBRID").get("recall_at_5");
		double keywords = (double) methods.get("Frontdesk KEYWORDS").get("recall_at_5");
		double bestPeer = methods.entrySet().stream().filter(e -> !e.getKey().startsWith("Frontdesk"))
			.mapToDouble(e -> (double) e.getValue().get("recall_at_5")).max().orElse(0);
		String bestPeerName = methods.entrySet().stream().filter(e -> !e.getKey().startsWith("Frontdesk"))
			.max(Comparator.comparingDouble(e -> (double) e.getValue().get("recall_at_5"))).map(Map.Entry::getKey)
			.orElse("-");
		double p99 = (double) ((Map<String, Object>) methods.get("Frontdesk HYBRID").get("latency")).get("p99_ms");
		List<String> missed = new ArrayList<>();
		targets.put("hybrid_ahead_of_every_peer_recall5", target(hybrid > bestPeer,
				String.format("HYBRID %.1f vs best peer %s %.1f", 100 * hybrid, bestPeerName, 100 * bestPeer), missed));
		targets.put("hybrid_ahead_of_keywords_by_5_points_recall5", target(hybrid - keywords >= RECALL5_MARGIN_TARGET,
				String.format("HYBRID %.1f - KEYWORDS %.1f = %+.1f points", 100 * hybrid, 100 * keywords,
						100 * (hybrid - keywords)), missed));
		targets.put("hybrid_p99_under_10ms", target(p99 < P99_TARGET_MS, String.format("p99 %.3f ms", p99), missed));
		targets.put("hybrid_recall5_at_least_90", recallTarget(methods, "recall_at_5", RECALL5_TARGET, missed));
		targets.put("hybrid_recall1_at_least_57", recallTarget(methods, "recall_at_1", RECALL1_TARGET, missed));
		Map<String, Object> recommended = (Map<String, Object>) results.get("medquad_full_recommended_fusion");
		if (recommended != null) {
			Map<String, Map<String, Object>> r = (Map<String, Map<String, Object>>) recommended.get("methods");
			double h = (double) r.get("Frontdesk HYBRID").get("recall_at_5");
			double k = (double) r.get("Frontdesk KEYWORDS").get("recall_at_5");
			double p = (double) ((Map<String, Object>) r.get("Frontdesk HYBRID").get("latency")).get("p99_ms");
			Map<String, Object> withRecommended = new LinkedHashMap<>();
			withRecommended.put("hybrid_ahead_of_every_peer_recall5", target(h > bestPeer,
					String.format("HYBRID %.1f vs best peer %s %.1f", 100 * h, bestPeerName, 100 * bestPeer), null));
			withRecommended.put("hybrid_ahead_of_keywords_by_5_points_recall5", target(h - k >= RECALL5_MARGIN_TARGET,
					String.format("HYBRID %.1f - KEYWORDS %.1f = %+.1f points", 100 * h, 100 * k, 100 * (h - k)), null));
			withRecommended.put("hybrid_p99_under_10ms", target(p < P99_TARGET_MS, String.format("p99 %.3f ms", p), null));
			withRecommended.put("hybrid_recall5_at_least_90", recallTarget(r, "recall_at_5", RECALL5_TARGET, null));
			withRecommended.put("hybrid_recall1_at_least_57", recallTarget(r, "recall_at_1", RECALL1_TARGET, null));
			targets.put("with_recommended_fusion", withRecommended);
		}
		if (enforce && !missed.isEmpty()) {
			throw new AssertionError("Missed targets: " + missed);
		}
		return targets;
	}

	private static Map<String, Object> recallTarget(Map<String, Map<String, Object>> methods, String metric, double goal,
			List<String> missed) {
		double measured = (double) methods.get("Frontdesk HYBRID").get(metric);
		return target(measured >= goal, String.format("HYBRID %s %.1f (target %.0f)", metric, 100 * measured, 100 * goal),
				missed);
	}

	private static Map<String, Object> target(boolean pass, String measured, List<String> missed) {
		System.out.printf("  %s  %s%n", pass ? "PASS" : "FAIL", measured);
		if (!pass && missed != null) {
			missed.add(measured);
		}
		return Map.of("pass", pass, "measured", measured);
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private ConfigurableApplicationContext start(Path knowledge, String model, List<String> extra) {
		int n = CONTEXTS.incrementAndGet();
		List<String> args = new ArrayList<>(List.of("--frontdesk.knowledge.dir=" + knowledge,
				"--frontdesk.knowledge.watch=false", "--frontdesk.data-dir=" + dataDir,
				"--frontdesk.retrieval.vectors.model=" + model,
				"--spring.datasource.url=jdbc:h2:mem:retrieval-bench-" + n
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"--spring.main.banner-mode=off", "--spring.main.log-startup-info=false"));
		System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith("bench.set."))
			.forEach(p -> args.add("--" + p.substring("bench.set.".length()) + "=" + System.getProperty(p)));
		extra.forEach(e -> args.add("--" + e));
		config.putIfAbsent("context_args", args.stream().filter(a -> !a.contains("knowledge.dir")).toList());
		return new SpringApplicationBuilder(FrontdeskApplication.class).web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
	}

	private static Method frontdesk(Retriever retriever, Ranking ranking) {
		return (question, limit) -> retriever.rank(PracticeId.DEFAULT, question, limit, ranking).stream().map(RetrievalPeers::hit).toList();
	}

	private void warmUp(Method method, List<String> questions) {
		int count = Math.max(warmupQueries, 0);
		for (int i = 0; i < count && !questions.isEmpty(); i++) {
			method.search(questions.get(i % questions.size()), RankingScores.DEPTH);
		}
	}

	private static EmbeddingModel loadModel(String name) {
		try {
			return (EmbeddingModel) Class.forName(MODEL_CLASSES.get(name)).getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String jar(String model) {
		try {
			return Class.forName(MODEL_CLASSES.get(model)).getProtectionDomain().getCodeSource().getLocation().getPath();
		}
		catch (ClassNotFoundException ex) {
			return "";
		}
	}

	private static long jarSize(String model) {
		try {
			return Files.size(Path.of(jar(model)));
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** Vectors in the model's embedding cache file (one record: 2 + 64 bytes of key, 4 of length, 4 per dimension). */
	private long cachedVectors(String model) throws IOException {
		Path file = dataDir.resolve("embeddings").resolve(model + ".bin");
		return Files.isRegularFile(file) ? Files.size(file) / (2 + 64 + 4 + 4 * 384) : 0;
	}

	private static MemoryUsage heapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
	}

	private static double mb(long bytes) {
		return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
	}

	private static Map<String, Object> toMaps(Map<String, RankingScores> scores) {
		Map<String, Object> out = new LinkedHashMap<>();
		scores.forEach((name, s) -> out.put(name, s.toMap()));
		return out;
	}

	private static void print(String title, Map<String, RankingScores> scores) {
		System.out.println("  " + title);
		System.out.println(RankingScores.header());
		scores.forEach((name, s) -> System.out.println(s.row(name)));
		System.out.println();
	}

	private static void printQtypes(Map<String, Map<String, RankingScores>> byQtype) {
		Map<String, RankingScores> keywords = byQtype.get("Frontdesk KEYWORDS");
		Map<String, RankingScores> vectors = byQtype.get("Frontdesk VECTORS");
		Map<String, RankingScores> hybrid = byQtype.get("Frontdesk HYBRID");
		System.out.println("  Recall@5 by question type: KEYWORDS / VECTORS / HYBRID");
		hybrid.forEach((qtype, h) -> System.out.printf("    %-16s n=%5d  %5.1f %5.1f %5.1f%n", qtype, h.queries(),
				100 * keywords.get(qtype).recall5(), 100 * vectors.get(qtype).recall5(), 100 * h.recall5()));
		System.out.println();
	}

	private static void section(String title) {
		System.out.println();
		System.out.println("== " + title);
	}

	private void write(Map<String, Object> results) throws IOException {
		Path out = Path.of("target", "benchmarks", "retrieval.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, JSON.writeValueAsString(results) + "\n");
	}

	private Map<String, Object> environment() {
		Map<String, Object> env = new LinkedHashMap<>();
		env.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
		env.put("java_home", System.getProperty("java.home"));
		env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		env.put("cpus", Runtime.getRuntime().availableProcessors());
		env.put("max_heap_mb", mb(Runtime.getRuntime().maxMemory()));
		env.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
		env.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		return env;
	}

	private String string(String key, String fallback) {
		String value = System.getProperty(key, fallback);
		config.put(key, value);
		return value;
	}

	private int integer(String key, int fallback) {
		return Integer.parseInt(string(key, Integer.toString(fallback)));
	}

	private double[] doubles(String key, String fallback) {
		return Stream.of(string(key, fallback).split(",")).mapToDouble(Double::parseDouble).toArray();
	}

	private int[] ints(String key, String fallback) {
		return Stream.of(string(key, fallback).split(",")).mapToInt(Integer::parseInt).toArray();
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
