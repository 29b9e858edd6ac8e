package com.frontdesk.triage;

import org.junit.jupiter.api.Test;

class ExplainBenchmark {

	@Test
	void explain() {
		RedFlags flags = new RedFlags(Vocabulary.load());
		TriageAnalyzer analyzer = new TriageAnalyzer();
		for (String message : System.getProperty("msg", "").split("\\|")) {
			String n = Triage.normalize(message);
			System.out.println(">> " + message);
			System.out.println("   " + flags.explain(n));
			System.out.println("   " + flags.find(n).stream().map(f -> f.concept().id() + "=" + f.affirmed() + " " + f.match()).toList());
			System.out.println("   " + new Triage().assess(message));
		}
	}

}
