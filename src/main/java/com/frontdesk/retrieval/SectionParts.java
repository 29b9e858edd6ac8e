package com.frontdesk.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import com.frontdesk.knowledge.Passage;

/**
 * Questions about a section as a whole ("how is the surgery done step by step"): the keyword ranking's leading hits
 * are all parts of one section (the steps under "How the procedure works" share the question's words alike), and the
 * answer is the section's parts in the order the practice wrote them. Passages of a document are numbered in page
 * order ({@code file#n}), so a section's parts are neighbours.
 */
final class SectionParts {

	/** The most parts a section may have to be given whole. */
	static final int MAX_PARTS = 6;

	private SectionParts() {
	}

	/** Whether the ranking's leading hits (those its margin compares) are all parts of one section. */
	static boolean leadingHitsInOneSection(IndexSearcher searcher, TopDocs lexical) throws IOException {
		ScoreDoc[] hits = lexical.scoreDocs;
		if (hits.length < RankFusion.COMPARED_HIT) {
			return false;
		}
		StoredFields fields = searcher.storedFields();
		String shared = null;
		for (int i = 0; i < RankFusion.COMPARED_HIT; i++) {
			String parent = parent(KnowledgeIndex.passage(fields, hits[i].doc));
			if (parent == null || shared != null && !shared.equals(parent)) {
				return false;
			}
			shared = parent;
		}
		return true;
	}

	/**
	 * All parts of the section the best hit belongs to, in page order; null when it has more than {@value #MAX_PARTS}
	 * parts or is not a part of a section.
	 */
	static List<Passage> of(IndexSearcher searcher, TopDocs lexical) throws IOException {
		StoredFields fields = searcher.storedFields();
		Passage best = KnowledgeIndex.passage(fields, lexical.scoreDocs[0].doc);
		String parent = parent(best);
		int hash = best.id().lastIndexOf('#');
		int position;
		try {
			position = Integer.parseInt(best.id().substring(hash + 1));
		}
		catch (NumberFormatException | IndexOutOfBoundsException ex) {
			return null;
		}
		if (parent == null) {
			return null;
		}
		String document = best.id().substring(0, hash + 1);
		int first = position;
		while (first > 0 && first > position - MAX_PARTS
				&& parent.equals(parent(byId(searcher, fields, document + (first - 1))))) {
			first--;
		}
		List<Passage> parts = new ArrayList<>();
		for (int at = first; parts.size() <= MAX_PARTS; at++) {
			Passage part = byId(searcher, fields, document + at);
			if (part == null || !parent.equals(parent(part))) {
				break;
			}
			parts.add(part);
		}
		return parts.size() > MAX_PARTS ? null : parts;
	}

	/**
	 * The passage written just after the one with this document title and section path (found by the section's
	 * words); null when there is none or the section is not found.
	 */
	static Passage after(IndexSearcher searcher, String title, String section, List<String> sectionTerms)
			throws IOException {
		if (sectionTerms.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		sectionTerms.forEach(term -> query.add(new TermQuery(new Term(IndexFields.SECTION, term)), Occur.SHOULD));
		StoredFields fields = searcher.storedFields();
		for (ScoreDoc hit : searcher.search(query.build(), 20).scoreDocs) {
			Passage passage = KnowledgeIndex.passage(fields, hit.doc);
			int hash = passage.id().lastIndexOf('#');
			if (passage.title().equals(title) && passage.section().equals(section) && hash > 0) {
				try {
					int position = Integer.parseInt(passage.id().substring(hash + 1));
					return byId(searcher, fields, passage.id().substring(0, hash + 1) + (position + 1));
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
		}
		return null;
	}

	private static Passage byId(IndexSearcher searcher, StoredFields fields, String id) throws IOException {
		TopDocs found = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
		return found.scoreDocs.length == 0 ? null : KnowledgeIndex.passage(fields, found.scoreDocs[0].doc);
	}

	/** The document and the section a passage is a part of ("...md > How the procedure works"); null at the top. */
	private static String parent(Passage passage) {
		if (passage == null || passage.parentSection().isEmpty()) {
			return null;
		}
		return passage.document() + Passage.SECTION_SEPARATOR + passage.parentSection();
	}

}
