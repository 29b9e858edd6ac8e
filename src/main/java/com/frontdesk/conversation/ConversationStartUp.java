package com.frontdesk.conversation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.frontdesk.platform.Preloaded;

/** What recognising a first message's intent needs, loaded in the background while the application starts. */
@Configuration(proxyBeanMethods = false)
class ConversationStartUp {

	/** The intents' example sentences, in the content's words, with their shipped vectors. */
	@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
	Preloaded intentExamples(IntentClassifier intents) {
		return Preloaded.load("the intents' examples", intents::prepare);
	}

}
