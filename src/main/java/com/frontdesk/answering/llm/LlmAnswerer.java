package com.frontdesk.answering.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.frontdesk.answering.Answer;
import com.frontdesk.answering.Citation;
import com.frontdesk.answering.SourceLinks;
import com.frontdesk.practice.PracticeProfile;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * Asks the configured language model to answer from the retrieved passages only, streams the answer a checked
 * sentence at a time, and maps its numbered citations to the reply's citations. Whatever goes wrong (model off,
 * failing, slow, or an answer that breaks the guard) ends in {@link ModelAnswer.Unavailable}: the caller then gives
 * the embedded answer, so the patient never sees a model error. A model that marks the patient's message as a possible
 * emergency ends in {@link ModelAnswer.Emergency}, whatever else it wrote or however its call ended.
 */
@Component
public class LlmAnswerer {

	private static final String PURPOSE = "answer";

	private final ObjectProvider<StreamingChatModel> model;

	private final LlmProperties llm;

	private final ModelGate gate;

	private final PracticeProfile practice;

	private final SourceLinks links;

	private final OutputGuard guard = new OutputGuard(Prompts.answerRules());

	private final Groundings groundings = new Groundings();

	LlmAnswerer(ObjectProvider<StreamingChatModel> model, LlmProperties llm, ModelGate gate, PracticeProfile practice,
			SourceLinks links) {
		this.model = model;
		this.llm = llm;
		this.gate = gate;
		this.practice = practice;
		this.links = links;
	}

	/**
	 * Answers a question the knowledge covers.
	 * @param question the patient's question, already redacted, in the patient's words and language
	 * @param standalone the question rewritten to stand alone (may equal {@code question})
	 * @param contents the passages the knowledge's {@code ContentRetriever} found for it
	 * @param tokens receives each checked sentence as it is released
	 */
	public ModelAnswer answer(String question, String standalone, List<Content> contents, Consumer<String> tokens) {
		StreamingChatModel streaming = model.getIfAvailable();
		if (streaming == null || contents.isEmpty() || !gate.open(PURPOSE)) {
			return new ModelAnswer.Unavailable("model not available");
		}
		List<Source> passages = contents.stream().map(Source::of).toList();
		SentenceGate sentences = new SentenceGate(guard, grounded(passages), passages.size(), tokens);
		Call call = new Call(sentences);
		streaming.chat(request(question, standalone, passages), call);
		try {
			call.await(llm.firstTokenTimeout(), llm.timeout());
		}
		catch (TimeoutException ex) {
			call.cancel();
			return endedEarly(sentences, "timeout");
		}
		catch (ExecutionException ex) {
			return endedEarly(sentences, failure(ex.getCause()));
		}
		SentenceGate.Result result = sentences.finish();
		if (result.raised().isPresent()) {
			gate.succeeded(PURPOSE, "emergency");
			return result.raised().get();
		}
		if (result.notCovered()) {
			gate.succeeded(PURPOSE, "not_covered");
			return new ModelAnswer.NotCovered();
		}
		if (result.violation().isPresent()) {
			gate.rejected(PURPOSE, result.violation().get());
			return new ModelAnswer.Unavailable(result.violation().get());
		}
		gate.succeeded(PURPOSE, "answered");
		List<Citation> citations = new ArrayList<>();
		for (int number : result.cited()) {
			Source passage = passages.get(number - 1);
			citations.add(new Citation(passage.title(), passage.section(), links.resolve(passage.url()),
					snippet(passage.text())));
		}
		return new ModelAnswer.Written(new Answer(result.text(), citations));
	}

	/**
	 * A call that failed or timed out before the model finished: an emergency the model had already raised still
	 * counts. A draft that had already failed the guard (the gate reads on for a marker) is the guard's rejection, not
	 * the model's failure.
	 */
	private ModelAnswer endedEarly(SentenceGate sentences, String failure) {
		Optional<String> violation = sentences.violation();
		if (violation.isPresent()) {
			gate.rejected(PURPOSE, violation.get());
		}
		else {
			gate.failed(PURPOSE, failure);
		}
		Optional<ModelAnswer.Emergency> raised = sentences.raised();
		return raised.isPresent() ? raised.get() : new ModelAnswer.Unavailable(violation.orElse(failure));
	}

	/** A retrieved passage as the prompt and the citations need it. */
	private record Source(String title, String section, String url, String text) {

		static Source of(Content content) {
			TextSegment segment = content.textSegment();
			return new Source(segment.metadata().getString("title"), segment.metadata().getString("section"),
					segment.metadata().getString("url"), segment.text());
		}

	}

	private ChatRequest request(String question, String standalone, List<Source> passages) {
		StringBuilder numbered = new StringBuilder();
		for (int i = 0; i < passages.size(); i++) {
			Source passage = passages.get(i);
			numbered.append('[').append(i + 1).append("] ").append(passage.title());
			if (!passage.section().isBlank()) {
				numbered.append(" – ").append(passage.section());
			}
			numbered.append('\n').append(passage.text()).append("\n\n");
		}
		String system = Prompts.ANSWER.replace("{{practice}}", practice.name())
			.replace("{{passages}}", numbered.toString().strip());
		String user = standalone.equals(question) ? "Patient's question: " + question
				: "Patient's question: " + question + "\nThe same question on its own: " + standalone;
		return ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build();
	}

	private Set<String> grounded(List<Source> passages) {
		List<String> texts = new ArrayList<>(passages.stream().map(Source::text).toList());
		texts.addAll(passages.stream().map(p -> p.title() + " " + p.section()).toList());
		texts.add(practice.phone() + " " + practice.emergencyNumber() + " " + practice.crisisLine() + " "
				+ practice.openingHours());
		return groundings.of(texts);
	}

	private static String failure(Throwable cause) {
		if (cause instanceof dev.langchain4j.exception.HttpException http) {
			return http.statusCode() == 0 ? "unreachable" : "http " + http.statusCode();
		}
		if (cause instanceof dev.langchain4j.exception.TimeoutException) {
			return "timeout";
		}
		return cause == null ? "error" : cause.getClass().getSimpleName();
	}

	private static String snippet(String text) {
		String flat = text.replaceAll("\\s*\\n-?\\s*", "; ");
		return flat.length() <= 240 ? flat : flat.substring(0, flat.lastIndexOf(' ', 237)) + "...";
	}

	/** One streamed call: waits for the first words and for the end, within the configured times. */
	private static final class Call implements StreamingChatResponseHandler {

		private final SentenceGate sentences;

		private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

		private final CountDownLatch firstToken = new CountDownLatch(1);

		private volatile boolean cancelled;

		Call(SentenceGate sentences) {
			this.sentences = sentences;
		}

		@Override
		public void onPartialResponse(String partial) {
			firstToken.countDown();
			if (!cancelled && !sentences.accept(partial)) {
				cancelled = true;
				done.complete(null);
			}
		}

		@Override
		public void onCompleteResponse(ChatResponse response) {
			firstToken.countDown();
			done.complete(response);
		}

		@Override
		public void onError(Throwable error) {
			firstToken.countDown();
			done.completeExceptionally(error);
		}

		void await(Duration firstTokenTimeout, Duration total) throws TimeoutException, ExecutionException {
			long started = System.nanoTime();
			try {
				if (!firstToken.await(firstTokenTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new TimeoutException("no first token");
				}
				long left = total.toNanos() - (System.nanoTime() - started);
				done.get(Math.max(1, left), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TimeoutException("interrupted");
			}
		}

		void cancel() {
			cancelled = true;
		}

	}

}
