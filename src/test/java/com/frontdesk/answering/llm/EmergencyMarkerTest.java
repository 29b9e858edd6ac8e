package com.frontdesk.answering.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The model's emergency marker, however a model writes it, and the sentences that only look like one. */
class EmergencyMarkerTest {

	@ParameterizedTest
	@ValueSource(strings = { "EMERGENCY", "emergency", "Emergency.", "**EMERGENCY**", "  EMERGENCY:  ", "# EMERGENCY",
			"- **Emergency**", "EMERGENCY: chest pain", "**EMERGENCY:** fever after surgery", "Emergency - heavy bleeding",
			"emergency chest pain", "EMERGENCIA", "EMERGENCY cauda equina", "This is an EMERGENCY." })
	void raisesTheTurnHoweverTheMarkerIsWritten(String line) {
		assertThat(EmergencyMarker.in(line)).hasValueSatisfying(raised -> assertThat(raised.selfHarm()).isFalse());
	}

	@ParameterizedTest
	@ValueSource(strings = { "EMERGENCY: self-harm", "**Emergency**: self harm", "EMERGENCY SELF-HARM",
			"emergency: suicidal thoughts", "EMERGENCY: wants to hurt themselves" })
	void knowsSelfHarmFromOtherEmergencies(String line) {
		assertThat(EmergencyMarker.in(line)).hasValueSatisfying(raised -> assertThat(raised.selfHarm()).isTrue());
	}

	@ParameterizedTest
	@ValueSource(strings = { "Emergency surgery is rarely needed [1].", "Emergencies after lateral fusion are rare [1].",
			"Emergency-room visits are rare [1].", "Call 911 or go to the nearest emergency room.",
			"Upon healing, you will have one small scar on your side [1]." })
	void aSentenceAboutEmergenciesIsNoMarker(String line) {
		assertThat(EmergencyMarker.in(line)).isEmpty();
	}

}
