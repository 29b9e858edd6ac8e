package com.frontdesk.bench;

import java.util.HashMap;
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

	/** The beans whose calls on the turn's own thread are timed, as stages of the service time. */
	private static final java.util.Set<String> STAGE_BEANS = java.util.Set.of("Triage", "ConversationStore", "Redactor",
			"QueryCondenser", "Retriever", "Embeddings", "SourceLinks");

	private static final ThreadLocal<Map<String, Long>> STAGES = new ThreadLocal<>();

	private static Map<String, Latencies> stages = new TreeMap<>();

	static volatile boolean recording;

	/** Starts a new measurement: what was recorded so far is dropped. */
	static synchronized void reset() {
		outsideModel = new Latencies();
		turn = new Latencies();
		beforeModel = new Latencies();
		afterModel = new Latencies();
		stages = new TreeMap<>();
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
						long[] window = new long[3];
						WINDOW.set(window);
						Map<String, Long> turnStages = new HashMap<>();
						STAGES.set(turnStages);
						long started = System.nanoTime();
						try {
							return invocation.proceed();
						}
						finally {
							long took = System.nanoTime() - started;
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
