package com.frontdesk.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.frontdesk.practice.Practice;
import com.frontdesk.practice.PracticeId;

import com.frontdesk.knowledge.KnowledgeFolderMissing;
import com.frontdesk.knowledge.KnowledgeLoader;
import com.frontdesk.knowledge.KnowledgeSnapshot;
import com.frontdesk.knowledge.Passage;

/**
 * One practice's Lucene index: one {@link IndexWriter}, one {@link SearcherManager}, over that practice's knowledge
 * folder only. A re-index replaces all documents inside the writer and only then refreshes the searcher, so a request
 * sees either the old index or the new one, never a half-built one. {@link KnowledgeIndexes} owns every practice's
 * index: it opens them at start-up and closes them at the end.
 */
public class KnowledgeIndex {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);

	/**
	 * The whole knowledge is written as one segment up to this size (tens of thousands of passages): every search
	 * then walks one vector graph and one set of postings instead of one per flushed segment.
	 */
	private static final double RAM_BUFFER_MB = 512;

	private final Practice practice;

	private final KnowledgeLoader loader;

	private final TextAnalysis analysis;

	private final Embeddings embeddings;

	private final Object writeLock = new Object();

	/** Searches hold it shared; closing the index takes it alone, so no search ever meets a closed index. */
	private final ReadWriteLock openLock = new ReentrantReadWriteLock();

	private boolean closed;

	private Directory directory;

	private IndexWriter writer;

	private SearcherManager searchers;

	private volatile IndexStatus status = IndexStatus.EMPTY;

	KnowledgeIndex(Practice practice, KnowledgeLoader loader, TextAnalysis analysis, Embeddings embeddings) {
		this.practice = practice;
		this.loader = loader;
		this.analysis = analysis;
		this.embeddings = embeddings;
	}

	public PracticeId practice() {
		return practice.id();
	}

	/** Creates the empty index; {@link #reindex} fills it. */
	void open() {
		synchronized (writeLock) {
			if (writer != null) {
				return;
			}
			try {
				directory = new ByteBuffersDirectory();
				IndexWriterConfig config = new IndexWriterConfig(analyzer()).setOpenMode(OpenMode.CREATE)
					.setRAMBufferSizeMB(RAM_BUFFER_MB);
				writer = new IndexWriter(directory, config);
				searchers = new SearcherManager(writer, new SearcherFactory());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the knowledge index of the practice '" + practice.id() + "'",
						ex);
			}
		}
	}

	/**
	 * Closes the index once nothing can search it any more. It waits for searches under way; one that comes later (a
	 * stream that outlived the web server's grace) is told the knowledge is unavailable, never that the index is
	 * closed.
	 */
	void close() {
		synchronized (writeLock) {
			if (writer == null || closed) {
				return;
			}
			openLock.writeLock().lock();
			try {
				closed = true;
				searchers.close();
				writer.close();
				directory.close();
			}
			catch (IOException ex) {
				log.warn("Closing the knowledge index of the practice '{}' failed: {}", practice.id(), ex.getMessage());
			}
			finally {
				openLock.writeLock().unlock();
			}
		}
	}

	/**
	 * Reads the practice's knowledge folder again and swaps the new passages in atomically; the vectors embedded for it
	 * are added to this instance's cache file.
	 * @throws KnowledgeFolderMissing when the practice's folder does not exist (the index keeps what it had)
	 */
	public IndexStatus reindex() {
		IndexStatus built = build();
		embeddings.save();
		return built;
	}

	/**
	 * {@link #reindex()} without writing the cache file: the start-up builds every practice's index and then writes
	 * the file once, not once per practice (the file holds every practice's vectors).
	 */
	IndexStatus build() {
		synchronized (writeLock) {
			if (closed || writer == null) {
				return status;
			}
			long started = System.nanoTime();
			KnowledgeSnapshot snapshot = loader.load(practice);
			try {
				Map<Passage, float[]> vectors = vectors(snapshot.passages());
				writer.deleteAll();
				for (Passage passage : snapshot.passages()) {
					writer.addDocument(document(passage, vectors.get(passage)));
				}
				writer.commit();
				searchers.maybeRefreshBlocking();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Re-indexing the knowledge of the practice '" + practice.id() + "' failed",
						ex);
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			status = new IndexStatus(snapshot.documents(), snapshot.passages().size(), Instant.now(), millis,
					snapshot.problems());
			log.info("Indexed {} passages from {} knowledge files of the practice '{}' in {} ms ({} skipped)",
					snapshot.passages().size(), snapshot.documents(), practice.id(), millis, snapshot.problems().size());
			return status;
		}
	}

	public IndexStatus status() {
		return status;
	}

	/** Runs a search against the current index; the searcher is released however the search ends. */
	<T> T withSearcher(SearchFunction<T> search) {
		if (!status.loaded()) {
			throw new KnowledgeUnavailable();
		}
		openLock.readLock().lock();
		try {
			if (closed) {
				throw new KnowledgeUnavailable();
			}
			IndexSearcher searcher = searchers.acquire();
			try {
				return search.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Searching the knowledge index failed", ex);
		}
		finally {
			openLock.readLock().unlock();
		}
	}

	@FunctionalInterface
	interface SearchFunction<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

	static Passage passage(StoredFields fields, int doc) throws IOException {
		Document stored = fields.document(doc);
		List<String> tags = new ArrayList<>();
		for (var field : stored.getFields(IndexFields.TAG)) {
			tags.add(field.stringValue());
		}
		return new Passage(stored.get(IndexFields.ID), stored.get(IndexFields.TITLE), stored.get(IndexFields.SECTION),
				stored.get(IndexFields.TEXT), stored.get(IndexFields.URL), stored.get(IndexFields.PROCEDURE), tags,
				stored.get(IndexFields.LANGUAGE));
	}

	/** Re-indexes for a reason other than a staff member's request: a failure is logged, the old index kept. */
	void reindexQuietly(String reason) {
		quietly(reason, this::reindex);
	}

	/** {@link #build()}, with a failure logged and the old index kept. */
	void buildQuietly(String reason) {
		quietly(reason, this::build);
	}

	private void quietly(String reason, java.util.function.Supplier<IndexStatus> indexing) {
		try {
			indexing.get();
		}
		catch (KnowledgeFolderMissing | UncheckedIOException ex) {
			log.error("Knowledge of the practice '{}' not indexed ({}): {}", practice.id(), reason, ex.getMessage());
		}
	}

	private PerFieldAnalyzerWrapper analyzer() {
		return new PerFieldAnalyzerWrapper(analysis.indexAnalyzer(), Map.of(IndexFields.WORDS, analysis.wordAnalyzer(),
				IndexFields.ALL_SPANISH, analysis.spanishAnalyzer(), IndexFields.SECTION_SPANISH, analysis.spanishAnalyzer()));
	}

	/** What a passage's vector is made of: the heading path gives the text its context. */
	static String embeddingText(Passage passage) {
		String heading = passage.section().isBlank() ? passage.title() : passage.title() + " – " + passage.section();
		return heading + ": " + passage.text();
	}

	/**
	 * The vectors of the English passages (the in-process model is English only), read or embedded in one batch: the
	 * ones another instance or an earlier start embedded are read from the shared table, not embedded again.
	 */
	private Map<Passage, float[]> vectors(List<Passage> passages) {
		Map<Passage, float[]> vectors = new IdentityHashMap<>();
		if (!embeddings.enabled()) {
			return vectors;
		}
		List<Passage> english = passages.stream().filter(passage -> !passage.spanish()).toList();
		float[][] computed = embeddings.contents(english.stream().map(KnowledgeIndex::embeddingText).toList());
		for (int i = 0; i < english.size(); i++) {
			vectors.put(english.get(i), computed[i]);
		}
		return vectors;
	}

	private Document document(Passage passage, float[] vector) {
		return passage.spanish() ? spanishDocument(passage) : englishDocument(passage, vector);
	}

	private Document englishDocument(Passage passage, float[] vector) {
		Document doc = new Document();
		doc.add(new StringField(IndexFields.ID, passage.id(), Field.Store.YES));
		doc.add(new TextField(IndexFields.TITLE, passage.title(), Field.Store.YES));
		doc.add(new TextField(IndexFields.SECTION, passage.section(), Field.Store.YES));
		doc.add(new TextField(IndexFields.TEXT, passage.text(), Field.Store.YES));
		String keywords = String.join(" ", passage.tags());
		doc.add(new TextField(IndexFields.KEYWORDS, keywords, Field.Store.NO));
		String all = String.join("\n", passage.title(), passage.section(), passage.text(), keywords);
		doc.add(new TextField(IndexFields.ALL, all, Field.Store.NO));
		doc.add(new TextField(IndexFields.WORDS, all, Field.Store.NO));
		stored(doc, passage);
		if (vector != null) {
			doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
		}
		return doc;
	}

	/**
	 * A Spanish passage: searchable only through its Spanish fields, without a vector (the in-process embedding model
	 * is English only) and outside the typo corrector's English vocabulary.
	 */
	private Document spanishDocument(Passage passage) {
		Document doc = new Document();
		doc.add(new StringField(IndexFields.ID, passage.id(), Field.Store.YES));
		storedOnly(doc, IndexFields.TITLE, passage.title());
		storedOnly(doc, IndexFields.SECTION, passage.section());
		storedOnly(doc, IndexFields.TEXT, passage.text());
		String all = String.join("\n", passage.title(), passage.section(), passage.text(), String.join(" ", passage.tags()));
		doc.add(new TextField(IndexFields.ALL_SPANISH, all, Field.Store.NO));
		doc.add(new TextField(IndexFields.SECTION_SPANISH, passage.section(), Field.Store.NO));
		stored(doc, passage);
		return doc;
	}

	/**
	 * A field of the English passages' kind (every document must give a field the same structure), stored but with
	 * no terms: a Spanish passage keeps its title, section and text to show without being found by English words.
	 */
	private static void storedOnly(Document doc, String name, String value) {
		doc.add(new StoredField(name, value));
		doc.add(new TextField(name, new TokenStream() {
			@Override
			public boolean incrementToken() {
				return false;
			}
		}));
	}

	private static void stored(Document doc, Passage passage) {
		doc.add(new StoredField(IndexFields.URL, passage.url()));
		doc.add(new StoredField(IndexFields.PROCEDURE, passage.procedure()));
		doc.add(new StoredField(IndexFields.LANGUAGE, passage.language()));
		for (String tag : passage.tags()) {
			doc.add(new StoredField(IndexFields.TAG, tag));
		}
	}

}
