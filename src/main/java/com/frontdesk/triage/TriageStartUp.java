package com.frontdesk.triage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.frontdesk.platform.Preloaded;

/** What the safety net needs for a first message, loaded in the background while the application starts. */
@Configuration(proxyBeanMethods = false)
class TriageStartUp {

	/** The labelled emergency examples and the red-flag descriptions, with their vectors. */
	@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
	Preloaded safetyNetExamples(SafetyNet net) {
		return Preloaded.load("the safety net's examples", net::prepare);
	}

}
