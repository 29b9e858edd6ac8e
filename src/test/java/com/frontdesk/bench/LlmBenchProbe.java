package com.frontdesk.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.frontdesk.conversation.TurnPipeline;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * Measures, inside the service, how long a turn takes and how much of it is the model call, without changing what
 * the service does: {@link TurnPipeline#handle} is timed by a delegating proxy, and the {@link StreamingChatModel}
 * bean is wrapped so that the call's window (from {@code chat(...)} to the completion callback) is known to the
 * turn's thread. The difference is the service's own time per turn, outside the model call.
 */
@TestConfiguration(proxyBeanMethods = false)
class LlmBenchProbe {

	private static Latencies outsideModel = new Latencies();

	private static Latencies turn = new Latencies();

	private static Latencies beforeModel = new Latencies();

	private static Latencies afterModel = new Latencies();

	private static final ThreadLocal<long[]> WINDOW = new ThreadLocal<>();

	/** Indexes into a turn's window: when the model was called, heard to finish, the answerer began, the turn began/ended. */
	static final int CALLED = 0;

	static final int FINISHED = 1;

	static final int ANSWERER = 2;

	static final int STARTED = 3;

	static final int ENDED = 4;

	/** Each model-answered turn's window by the reference word of the model's answer, to line up with the client. */
	private static final Map<String, long[]> BY_REFERENCE = new java.util.concurrent.ConcurrentHashMap<>();

	/** The beans whose calls on the turn's own thread are timed, as stages of the service time. */
	private static final java.util.Set<String> STAGE_BEANS = java.util.Set.of("Triage", "ConversationStore", "Redactor",
			"QueryCondenser", "Retriever", "Embeddings", "SourceLinks");

	private static final ThreadLocal<Map<String, Long>> STAGES = new ThreadLocal<>();

	private static Map<String, Latencies> stages = new TreeMap<>();

	private static List<SlowTurn> turns = new ArrayList<>();

	/** One turn's service time outside the model, what it was spent on, and the GC pauses during it. */
	record SlowTurn(long started, long ended, long outside, long before, long after, Map<String, Long> stages) {

		/** "outside 9.1 = before 8.6 + after 0.5 | Embeddings.question 6.2, ... | GC pause 7 ms" (stages ≥ 0.2 ms). */
		String describe() {
			StringBuilder line = new StringBuilder(String.format("outside %.2f = before %.2f + after %.2f |", outside / 1e6,
					before / 1e6, after / 1e6));
			stages.entrySet().stream().filter(e -> e.getValue() >= 200_000)
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach(e -> line.append(String.format(" %s %.2f", e.getKey(), e.getValue() / 1e6)));
			long paused = GcPauses.overlap(started, ended);
			line.append(paused > 0 ? String.format(" | GC pauses overlapping the turn: %d ms", paused / 1_000_000) : "");
			return line.toString();
		}

	}

	static volatile boolean recording;

	/** Starts a new measurement: what was recorded so far is dropped. */
	static synchronized void reset() {
		outsideModel = new Latencies();
		turn = new Latencies();
		beforeModel = new Latencies();
		afterModel = new Latencies();
		stages = new TreeMap<>();
		turns = new ArrayList<>();
		GcPauses.start();
	}

	/** The service's own marks of the turn whose model answer carried this reference word (nanoTime), or null. */
	static long[] marks(String reference) {
		return reference == null ? null : BY_REFERENCE.get(reference);
	}

	/** The turns that spent the longest outside the model, slowest first. */
	static synchronized List<SlowTurn> slowest(int count) {
		return turns.stream().sorted(Comparator.comparingLong(SlowTurn::outside).reversed()).limit(count).toList();
	}

	/**
	 * Time per turn in each stage on the turn's own thread ("Bean.method", inclusive: the retriever's time contains
	 * the embedding's), over the turns that called the model; "LlmAnswerer before chat" is the answerer's own work
	 * up to the model call (prompt, grounding).
	 */
	static synchronized Map<String, Latencies> stages() {
		return stages;
	}

	/** Of the service time outside the model: from the turn's start to the model call. */
	static synchronized Latencies beforeModel() {
		return beforeModel;
	}

	/** Of the service time outside the model: from the model's last token to the turn's end (guard, storing). */
	static synchronized Latencies afterModel() {
		return afterModel;
	}

	/** Service time per turn outside the model call (turns that called the model and heard it finish). */
	static synchronized Latencies outsideModel() {
		return outsideModel;
	}

	/** Service time per turn, the model call included. */
	static synchronized Latencies turn() {
		return turn;
	}

	@Bean
	static BeanPostProcessor llmBenchProbeProcessor() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof StreamingChatModel model) {
					return new TimedModel(model);
				}
				if (bean instanceof TurnPipeline pipeline) {
					ProxyFactory proxy = new ProxyFactory(pipeline);
					proxy.setProxyTargetClass(true);
					proxy.addAdvice((MethodInterceptor) invocation -> {
						if (!invocation.getMethod().getName().equals("handle")) {
							return invocation.proceed();
						}
						long[] window = new long[5];
						WINDOW.set(window);
						Map<String, Long> turnStages = new HashMap<>();
						STAGES.set(turnStages);
						long started = System.nanoTime();
						window[STARTED] = started;
						try {
							return invocation.proceed();
						}
						finally {
							long took = System.nanoTime() - started;
							window[ENDED] = started + took;
							WINDOW.remove();
							STAGES.remove();
							if (recording && window[0] != 0 && window[1] != 0) {
								synchronized (LlmBenchProbe.class) {
									if (window[2] != 0) {
										turnStages.put("LlmAnswerer before chat", window[0] - window[2]);
									}
									turnStages.forEach((stage, nanos) -> stages.computeIfAbsent(stage, k -> new Latencies())
										.add(nanos));
									turn.add(took);
									outsideModel.add(took - (window[1] - window[0]));
									beforeModel.add(window[0] - started);
									afterModel.add(started + took - window[1]);
									turns.add(new SlowTurn(started, started + took, took - (window[1] - window[0]),
											window[0] - started, started + took - window[1], turnStages));
								}
							}
						}
					});
					return proxy.getProxy();
				}
				String type = org.springframework.util.ClassUtils.getUserClass(bean).getSimpleName();
				if (STAGE_BEANS.contains(type) || type.equals("LlmAnswerer")) {
					ProxyFactory proxy = new ProxyFactory(bean);
					proxy.setProxyTargetClass(true);
					proxy.addAdvice((MethodInterceptor) invocation -> {
						Map<String, Long> turnStages = STAGES.get();
						if (turnStages == null) {
							return invocation.proceed();
						}
						if (type.equals("LlmAnswerer")) {
							long[] window = WINDOW.get();
							if (window != null && window[2] == 0) {
								window[2] = System.nanoTime();
							}
							return invocation.proceed();
						}
						long started = System.nanoTime();
						try {
							return invocation.proceed();
						}
						finally {
							turnStages.merge(type + "." + invocation.getMethod().getName(), System.nanoTime() - started,
									Long::sum);
						}
					});
					return proxy.getProxy();
				}
				return bean;
			}

		};
	}

	/** Delegates every call; stamps the start of {@code chat(...)} and the completion callback. */
	private record TimedModel(StreamingChatModel delegate) implements StreamingChatModel {

		@Override
		public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
			long[] window = WINDOW.get();
			if (window == null) {
				delegate.chat(request, handler);
				return;
			}
			window[0] = System.nanoTime();
			delegate.chat(request, new StreamingChatResponseHandler() {

				@Override
				public void onPartialResponse(String partial) {
					handler.onPartialResponse(partial);
				}

				@Override
				public void onCompleteResponse(ChatResponse response) {
					window[1] = System.nanoTime();
					String reference = response.aiMessage() == null || response.aiMessage().text() == null ? null
							: SimulatedOpenAiModel.referenceIn(response.aiMessage().text());
					if (reference != null) {
						BY_REFERENCE.put(reference, window);
					}
					handler.onCompleteResponse(response);
				}

				@Override
				public void onError(Throwable error) {
					window[1] = System.nanoTime();
					handler.onError(error);
				}

			});
		}

	}

}
