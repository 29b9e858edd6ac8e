package com.frontdesk.retrieval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.onnxruntime.OrtEnvironment;

/**
 * Loads the native libraries of the embedding model (ONNX Runtime and the tokenizer) on a thread of its own as soon
 * as the settings are read, as Spring Boot's own background pre-initialiser does for its parts: the questions' model
 * ({@link RetrievalStartUp}) is then made from libraries already loaded, instead of loading them at the end of the
 * start, where readiness waits for it. Nothing is loaded when vectors are off; a library that cannot be loaded is
 * reported when the model is made.
 */
class EmbeddingRuntimePreloader implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingRuntimePreloader.class);

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (!event.getEnvironment().getProperty("frontdesk.retrieval.vectors.enabled", Boolean.class, true)) {
			return;
		}
		Thread.ofPlatform().daemon().name("embedding-runtime-preload").start(() -> {
			try {
				OrtEnvironment.getEnvironment();
				LibUtils.checkStatus();
			}
			catch (RuntimeException | LinkageError ex) {
				log.debug("Preloading the embedding runtime failed: {}", ex.toString());
			}
		});
	}

}
