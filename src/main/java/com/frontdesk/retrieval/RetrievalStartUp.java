package com.frontdesk.retrieval;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.frontdesk.platform.Preloaded;

/** What a first question's retrieval needs, loaded in the background while the application starts. */
@Configuration(proxyBeanMethods = false)
class RetrievalStartUp {

	/** The ONNX session and tokenizer that embed questions (on the asking thread). */
	@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
	Preloaded questionEmbeddingModel(Embeddings embeddings) {
		return Preloaded.load("the embedding model for questions", embeddings::prepareForQuestions);
	}

	/** The labelled questions and their shipped vectors (answerability and the section votes). */
	@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
	Preloaded answerabilityExamples(Retriever retriever, Embeddings embeddings) {
		return Preloaded.load("the labelled questions", () -> {
			if (embeddings.enabled()) {
				retriever.questionExamples();
			}
		});
	}

}
