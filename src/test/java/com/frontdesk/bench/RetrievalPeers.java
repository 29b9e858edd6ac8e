package com.frontdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import com.frontdesk.bench.RankingScores.Hit;
import com.frontdesk.knowledge.Passage;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

/** What a Java developer would pick instead of Frontdesk's retrieval: the peers of the retrieval benchmark. */
final class RetrievalPeers {

	private RetrievalPeers() {
	}

	/** A ranking method: the best hits for a question. */
	interface Method {

		List<Hit> search(String question, int limit);

	}

	/** The document key of a Frontdesk passage: the knowledge file it comes from ({@code file.md#3} -> {@code file.md}). */
	static String document(Passage passage) {
		int hash = passage.id().lastIndexOf('#');
		return hash < 0 ? passage.id() : passage.id().substring(0, hash);
	}

	static Hit hit(Passage passage) {
		return new Hit(document(passage), passage.section());
	}

	/** The text Frontdesk embeds for a passage (same as {@code KnowledgeIndex.embeddingText}). */
	static String embeddingText(Passage passage) {
		String heading = passage.section().isBlank() ? passage.title() : passage.title() + " – " + passage.section();
		return heading + ": " + passage.text();
	}

	/**
	 * Plain Lucene: {@link StandardAnalyzer}, BM25 (the default similarity), one text field, the question's tokens as
	 * optional term clauses (what {@code QueryParser} makes of escaped text). No stemming, synonyms or typo handling.
	 */
	static final class LuceneBm25 implements Method, AutoCloseable {

		private static final String TEXT = "text";

		private final Analyzer analyzer = new StandardAnalyzer();

		private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

		private final DirectoryReader reader;

		private final IndexSearcher searcher;

		final long buildMillis;

		/**
		 * @param units what is indexed, each with its document key, section and text
		 */
		LuceneBm25(List<Unit> units) {
			long started = System.nanoTime();
			try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
				for (Unit unit : units) {
					Document doc = new Document();
					doc.add(new StoredField("doc", unit.document()));
					doc.add(new StoredField("section", unit.section()));
					doc.add(new TextField(TEXT, unit.text(), Field.Store.NO));
					writer.addDocument(doc);
				}
				writer.commit();
				reader = DirectoryReader.open(directory);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			searcher = new IndexSearcher(reader);
			buildMillis = (System.nanoTime() - started) / 1_000_000;
		}

		record Unit(String document, String section, String text) {
		}

		static <T> List<Unit> units(List<T> items, Function<T, Unit> unit) {
			return items.stream().map(unit).toList();
		}

		@Override
		public List<Hit> search(String question, int limit) {
			try {
				BooleanQuery.Builder query = new BooleanQuery.Builder();
				int clauses = 0;
				try (TokenStream tokens = analyzer.tokenStream(TEXT, question)) {
					CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
					tokens.reset();
					while (tokens.incrementToken() && clauses < IndexSearcher.getMaxClauseCount()) {
						query.add(new TermQuery(new Term(TEXT, term.toString())), Occur.SHOULD);
						clauses++;
					}
					tokens.end();
				}
				List<Hit> hits = new ArrayList<>();
				if (clauses == 0) {
					return hits;
				}
				StoredFields fields = searcher.storedFields();
				for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
					Document doc = fields.document(hit.doc);
					hits.add(new Hit(doc.get("doc"), doc.get("section")));
				}
				return hits;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			reader.close();
			directory.close();
		}

	}

	/**
	 * LangChain4j's {@link InMemoryEmbeddingStore} (exact cosine search over every vector) with the same embedding
	 * model: the question is embedded as typed, no typo correction or synonyms.
	 */
	static final class EmbeddingStore implements Method {

		private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();

		private final EmbeddingModel model;

		private final List<Hit> units = new ArrayList<>();

		EmbeddingStore(EmbeddingModel model, List<Passage> passages, Function<Passage, float[]> vectors) {
			this.model = model;
			List<String> ids = new ArrayList<>();
			List<Embedding> embeddings = new ArrayList<>();
			List<TextSegment> segments = new ArrayList<>();
			for (Passage passage : passages) {
				ids.add(Integer.toString(units.size()));
				units.add(hit(passage));
				embeddings.add(Embedding.from(vectors.apply(passage)));
				segments.add(TextSegment.from(passage.text(), new dev.langchain4j.data.document.Metadata(
						Map.of("title", passage.title(), "section", passage.section()))));
			}
			store.addAll(ids, embeddings, segments);
		}

		@Override
		public List<Hit> search(String question, int limit) {
			Embedding query = model.embed(question).content();
			List<Hit> hits = new ArrayList<>();
			for (EmbeddingMatch<TextSegment> match : store
				.search(EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(limit).build())
				.matches()) {
				hits.add(units.get(Integer.parseInt(match.embeddingId())));
			}
			return hits;
		}

	}

}
